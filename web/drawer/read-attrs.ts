/**
 * Tolerant readers for `attrs`. Attributes come from many producers and from server code still
 * growing (DESIGN §2.2 makes most of them optional), so the drawer reads each one by type and
 * treats anything else as absent rather than trusting a cast.
 */

export type Attrs = Readonly<Record<string, unknown>>

/** A non-empty string, else null. @example text({ a: ' x ' }, 'a') // 'x' */
export function text(attrs: Attrs, key: string): string | null {
  const v = attrs[key]
  if (typeof v !== 'string') return null
  const t = v.trim()
  return t === '' ? null : t
}

/** A finite number, else null. @example num({ c: 0.9 }, 'c') // 0.9 */
export function num(attrs: Attrs, key: string): number | null {
  const v = attrs[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** The strings in an array (others dropped); empty when it is not an array. */
export function textList(attrs: Attrs, key: string): string[] {
  const v = attrs[key]
  if (!Array.isArray(v)) return []
  return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
}

/** A nested plain object, else an empty one. */
export function record(attrs: Attrs, key: string): Attrs {
  const v = attrs[key]
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Attrs) : {}
}

/** A list of plain objects (others dropped). */
export function recordList(attrs: Attrs, key: string): Attrs[] {
  const v = attrs[key]
  if (!Array.isArray(v)) return []
  return v.filter((x): x is Attrs => typeof x === 'object' && x !== null && !Array.isArray(x))
}
