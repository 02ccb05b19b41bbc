/**
 * Checks a request's attribute answers against its service definition (GET Service Definition):
 * required answers present, list answers among the listed keys, numbers and dates parseable. Every
 * problem is named at once, so a client can fix them in one go.
 */
import type { HotlineServiceDef, ServiceAttribute } from '../../domain/hotline-services.ts'
import { parseIsoLocal, toW3 } from './w3-datetime.ts'

/** A checked answer: text as given, a number, a W3 date-time, or the keys picked from a multivaluelist. */
export type AttributeAnswer = string | number | string[]

const MAX_STRING = 200
const MAX_TEXT = 4000

export interface CheckedAttributes {
  answers: Record<string, AttributeAnswer>
  problems: string[]
}

function checkOne(a: ServiceAttribute, values: string[]): { value?: AttributeAnswer; problem?: string } {
  const label = `attribute[${a.code}] (${a.description})`
  if (a.datatype !== 'multivaluelist' && values.length > 1) return { problem: `${label} takes one value, got ${values.length}` }
  const one = values[0] ?? ''
  switch (a.datatype) {
    case 'singlevaluelist':
    case 'multivaluelist': {
      const keys = new Set((a.values ?? []).map((v) => v.key))
      const unknown = values.filter((v) => !keys.has(v))
      if (unknown.length > 0) return { problem: `${label}: ${unknown.map((v) => `'${v}'`).join(', ')} is not one of ${[...keys].join(', ')}` }
      return { value: a.datatype === 'multivaluelist' ? [...new Set(values)] : one }
    }
    case 'number': {
      const n = Number(one.trim())
      if (one.trim() === '' || !Number.isFinite(n)) return { problem: `${label} must be a number, got '${one}'` }
      return { value: n }
    }
    case 'datetime': {
      const date = parseIsoLocal(one)
      if (!date) return { problem: `${label} must be an ISO 8601 date-time, e.g. 2026-11-22T21:30:00+08:00; got '${one}'` }
      return { value: toW3(date) }
    }
    case 'string':
      if (/[\r\n]/.test(one)) return { problem: `${label} is a single line; use no line breaks` }
      if (one.length > MAX_STRING) return { problem: `${label} is longer than ${MAX_STRING} characters` }
      return { value: one }
    case 'text':
      if (one.length > MAX_TEXT) return { problem: `${label} is longer than ${MAX_TEXT} characters` }
      return { value: one }
  }
}

/**
 * @example
 * checkAttributes(findHotlineService('noise')!, { noise_type: ['shop'], period: ['night'] })
 * // { answers: { noise_type: 'shop', period: 'night' }, problems: [] }
 */
export function checkAttributes(service: HotlineServiceDef, raw: Record<string, string[]>): CheckedAttributes {
  const answers: Record<string, AttributeAnswer> = {}
  const problems: string[] = []
  const byCode = new Map(service.attributes.map((a) => [a.code, a]))
  for (const code of Object.keys(raw)) {
    if (!byCode.has(code)) {
      const known = service.attributes.filter((a) => a.variable).map((a) => a.code)
      problems.push(`service ${service.code} has no attribute '${code}'${known.length ? ` (it has ${known.join(', ')})` : ''}`)
    }
  }
  for (const a of service.attributes) {
    // Informational attributes (variable: false) are shown to the caller, never answered.
    if (!a.variable) continue
    const values = raw[a.code] ?? []
    if (values.length === 0) {
      if (a.required) problems.push(`attribute[${a.code}] (${a.description}) is required for ${service.code} (${service.zh})`)
      continue
    }
    const { value, problem } = checkOne(a, values)
    if (problem) problems.push(problem)
    else if (value !== undefined) answers[a.code] = value
  }
  return { answers, problems }
}
