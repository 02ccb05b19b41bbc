/**
 * A CAP 1.2 message from its XML text to a checked alert: safe XML reading (`read-cap-xml.ts`), then
 * the standard's rules (`check-cap.ts`). Pure: the route turns a refusal into a 400.
 */
import type { CapAlert, CapProblem } from '../../domain/cap.ts'
import { checkCap } from './check-cap.ts'
import { readCapXml } from './read-cap-xml.ts'

export type CapParse = { ok: true; alert: CapAlert } | { ok: false; message: string; details?: CapProblem[] }

/**
 * @example
 * parseCap(readFileSync('v1dot2_appendix_adot2.xml', 'utf8')) // { ok: true, alert: { identifier: 'KSTO1055887203', … } }
 * parseCap('<alert>') // { ok: false, message: "malformed XML: Unclosed tag 'alert'. (line 1, column 1)" }
 */
export function parseCap(xml: string): CapParse {
  const read = readCapXml(xml)
  if (!read.ok) return read
  return checkCap(read.rootName, read.root)
}
