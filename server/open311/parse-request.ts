/**
 * The loose parts of a POST service request, read the same way from a form (as the spec sends it) and
 * from JSON: empty parameters, and the `attribute[code]=value` answers.
 */

/**
 * The body without empty parameters: Open311's "Optional Arguments" must behave the same whether a
 * parameter is empty or absent, and a form sends untouched fields as `lat=`.
 *
 * @example
 * dropEmpty({ lat: '', long: '104.1', email: null }) // { long: '104.1' }
 */
export function dropEmpty(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue
    if (typeof value === 'string' && value.trim() === '') continue
    out[key] = value
  }
  return out
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\](\[\])?$/

const asStrings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== undefined && x !== '').map((x) => String(x))

/**
 * Every attribute answer as a list of strings, keyed by attribute code. Forms send
 * `attribute[code]=v` and, for a multivaluelist, `attribute[code][]=v1&attribute[code][]=v2`; JSON
 * clients send `attribute: {code: v | [v1, v2]}`. Both may appear; their values are merged.
 *
 * @example
 * collectAttributes({ 'attribute[noise_type]': 'shop', 'attribute[issues][]': ['a', 'b'] })
 * // { noise_type: ['shop'], issues: ['a', 'b'] }
 */
export function collectAttributes(body: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const add = (code: string, value: unknown) => {
    const values = asStrings(value)
    if (values.length > 0) out[code] = [...(out[code] ?? []), ...values]
  }
  for (const [key, value] of Object.entries(body)) {
    const m = ATTRIBUTE_KEY.exec(key)
    if (m?.[1]) add(m[1], value)
  }
  const nested = body.attribute
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    for (const [code, value] of Object.entries(nested as Record<string, unknown>)) add(code, value)
  }
  return out
}
