/**
 * Open311 dates: the W3C profile of ISO 8601 with the zone always given. Replies use the district's
 * own clock (Chengdu, UTC+08:00, no daylight saving), as a Chinese client expects to read them.
 */
const OFFSET_MS = 8 * 3600_000

/**
 * @example
 * toW3('2026-11-22T01:30:00.000Z') // '2026-11-22T09:30:00+08:00'
 */
export function toW3(instant: Date | string): string {
  const ms = new Date(instant).getTime()
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}

/**
 * A short Chinese local time for notices.
 *
 * @example
 * localShort(new Date('2026-11-22T01:30:00Z')) // '11月22日 09:30'
 */
export function localShort(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`
}

/** An ISO 8601 date or date-time; one without a zone is read as Chengdu time. Undefined when unparseable. */
export function parseIsoLocal(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m
  const z = zone === undefined ? '+08:00' : zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${z}`)
  // Date rolls 2026-02-31 over to March; a calendar date that does not exist is refused instead.
  if (Number.isNaN(date.getTime())) return undefined
  const check = new Date(date.getTime() + (z === 'Z' ? 0 : offsetMs(z)))
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() + 1 !== Number(mo)) return undefined
  return date
}

function offsetMs(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1
  return sign * (Number(zone.slice(1, 3)) * 3600_000 + Number(zone.slice(4, 6)) * 60_000)
}
