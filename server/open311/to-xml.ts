/**
 * Open311's XML from the same data as its JSON (the Spark convention, GeoReport v2 "JSON Support"):
 * an array under a plural element becomes repeated singular elements — `services` → `<service>`,
 * `service_requests` → `<request>`, `attributes` → `<attribute>`, `values` → `<value>`,
 * `errors` → `<error>`. Built with fast-xml-parser's XMLBuilder, which escapes text.
 */
import { XMLBuilder } from 'fast-xml-parser'

const SINGULAR: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: true, suppressEmptyNode: false })

// XML 1.0 cannot carry most control characters or lone surrogates even escaped; a caller's text may.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function shape(key: string, value: unknown): unknown {
  if (typeof value === 'string') return value.replace(NOT_XML_CHAR, '')
  if (Array.isArray(value)) {
    const item = SINGULAR[key]
    if (!item) throw new Error(`no element name for the items of '${key}'`)
    return { [item]: value.map((v) => shape(item, v)) }
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, shape(k, v)]))
  }
  return value
}

/**
 * The XML document for `data` under the root element `root`, with the declaration the spec requires.
 *
 * @example
 * toXml('errors', [{ code: 403, description: 'api_key is missing' }])
 * // <?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>403</code>…
 */
export function toXml(root: string, data: unknown): string {
  const body = builder.build({ [root]: shape(root, data) }) as string
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`
}
