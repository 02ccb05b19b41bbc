/**
 * `CAMERAS_FILE`: a district's own AI cameras, as its video platform knows them, for production. A
 * JSON array of `{id, name, location: {lng, lat}, siteKind, siteId?}`; `id` is the platform's (the
 * `cameraId` its detections will carry) and each camera's five-tier path is found from its location.
 * Checked as a whole before anything is used (`registry/roster-file.ts`).
 */
import { Type, type Static } from '@sinclair/typebox'
import { CAMERA_ID_PATTERN, CameraSiteKind, type Camera } from '../../domain/cameras.ts'
import { LngLat, type Path } from '../../domain/event.ts'
import { readEntries, refuseProblems, repeatedIds } from '../registry/roster-file.ts'

export const CameraEntry = Type.Object(
  {
    id: Type.String({ pattern: CAMERA_ID_PATTERN }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    location: LngLat,
    siteKind: CameraSiteKind,
    /** The dedicated grid or compound it watches, as the district names it. */
    siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
)
export type CameraEntry = Static<typeof CameraEntry>

/**
 * The cameras in a file, placed in the district; throws naming the file and every problem.
 *
 * @example
 * loadCamerasFile('/etc/gridwatch/cameras.json', (lng, lat) => locator.locate(lng, lat)) // [{ id: '51010800001320000001', path: {…}, … }]
 */
export function loadCamerasFile(file: string, locate: (lng: number, lat: number) => { path: Path; outside: boolean }): Camera[] {
  const entries = readEntries('CAMERAS_FILE', file, CameraEntry)
  const problems = repeatedIds(entries.map((e) => e.id))
  const cameras = entries.map((e, i): Camera => {
    const { path, outside } = locate(e.location.lng, e.location.lat)
    // Scoping and the street rooms need a street: a camera outside the district has none.
    if (outside) problems.push(`[${i}] ${e.id}: location ${e.location.lng},${e.location.lat} is outside the district`)
    return { ...e, path }
  })
  refuseProblems('CAMERAS_FILE', file, problems)
  return cameras.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
