/** A camera's registry entry (`GET /api/v1/cameras/:id`: its name and where it hangs) for the drawer. */
import { text, type Attrs } from '../drawer/read-attrs.ts'
import { useRegistryEntry } from './use-registry-entry.ts'

export interface CameraEntry {
  name: string | null
  siteKind: string | null
}

function toEntry(body: unknown): CameraEntry | null {
  if (typeof body !== 'object' || body === null) return null
  return { name: text(body as Attrs, 'name'), siteKind: text(body as Attrs, 'siteKind') }
}

export function useCameraRegistry(cameraId: () => string | null) {
  return { camera: useRegistryEntry((id) => `/api/v1/cameras/${id}`, cameraId, toEntry) }
}
