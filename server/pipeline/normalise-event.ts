/**
 * Turns a checked ingest item into the canonical event: WGS-84 location (converted with gcoord,
 * never by hand), the default severity of its category, and the tier path of where it fell.
 */
import gcoord from 'gcoord'
import type { IngestItem, Path } from '../../domain/event.ts'
import { findCategory } from '../../domain/taxonomy.ts'
import type { NewEvent } from '../store/event-store.ts'

export type Locate = (lng: number, lat: number) => { path: Path; outside: boolean }

const CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const

/** ~1 cm: more digits are noise, and they bloat every stored document. */
const round7 = (x: number) => Math.round(x * 1e7) / 1e7

export function toWgs84(lng: number, lat: number, crs: keyof typeof CRS = 'WGS84'): { lng: number; lat: number } {
  if (crs === 'WGS84') return { lng: round7(lng), lat: round7(lat) }
  const [x, y] = gcoord.transform([lng, lat], CRS[crs], gcoord.WGS84) as [number, number]
  return { lng: round7(x), lat: round7(y) }
}

/**
 * @example
 * normaliseEvent(item, locate, new Date()) // { source, sourceId, …, location: {lng, lat}, path, outside }
 */
export function normaliseEvent(item: IngestItem, locate: Locate, receivedAt: Date): NewEvent {
  const location = toWgs84(item.location.lng, item.location.lat, item.location.crs)
  const { path, outside } = locate(location.lng, location.lat)
  const category = findCategory(item.source, item.category)
  if (!category) throw new Error(`unknown category '${item.category}' for source '${item.source}'`)
  const event: NewEvent = {
    source: item.source,
    sourceId: item.sourceId,
    category: item.category,
    severity: item.severity ?? category.defaultSeverity,
    occurredAt: new Date(item.occurredAt).toISOString(),
    receivedAt: receivedAt.toISOString(),
    location,
    path,
    outside,
    attrs: { ...(item.attrs ?? {}) },
  }
  if (item.title !== undefined) event.title = item.title
  if (item.description !== undefined) event.description = item.description
  return event
}
