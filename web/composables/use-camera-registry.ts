/**
 * Camera names for the drawer's detection section, from `GET /api/v1/cameras`. The registry is
 * fetched once per session and kept: cameras do not move while a wall is up, and the drawer would
 * otherwise fetch ~1,200 entries for each detection opened.
 */
import { shallowRef, watch } from 'vue'
import { text, type Attrs } from '../drawer/read-attrs.ts'
import { requestJson } from '../http/request-json.ts'
import { useAuthStore } from '../stores/auth.ts'

export interface CameraEntry {
  name: string | null
  siteKind: string | null
}

let cache: { token: string | null; cameras: Promise<Map<string, CameraEntry>> } | null = null

function camerasFrom(body: unknown): Map<string, CameraEntry> {
  const list = Array.isArray(body) ? body : (body as Attrs | null)?.['cameras']
  const out = new Map<string, CameraEntry>()
  if (!Array.isArray(list)) return out
  for (const c of list) {
    if (typeof c !== 'object' || c === null) continue
    const id = text(c as Attrs, 'id')
    if (id) out.set(id, { name: text(c as Attrs, 'name'), siteKind: text(c as Attrs, 'siteKind') })
  }
  return out
}

function cameras(token: string | null): Promise<Map<string, CameraEntry>> {
  if (cache?.token !== token) {
    const request = requestJson<unknown>('/api/v1/cameras', { token }).then(camerasFrom)
    cache = { token, cameras: request }
    // A failed fetch is not kept: the next detection opened asks again.
    request.catch(() => {
      if (cache?.cameras === request) cache = null
    })
  }
  return cache.cameras
}

export function useCameraRegistry(cameraId: () => string | null) {
  const auth = useAuthStore()
  /** The camera's registry entry; null until loaded or when unknown. */
  const camera = shallowRef<CameraEntry | null>(null)
  let generation = 0

  watch(
    cameraId,
    async (id) => {
      const gen = ++generation
      camera.value = null
      if (!id) return
      try {
        const found = (await cameras(auth.token)).get(id) ?? null
        if (gen === generation) camera.value = found
      } catch {
        // No registry reachable: the camera id alone is shown.
      }
    },
    { immediate: true },
  )

  return { camera }
}
