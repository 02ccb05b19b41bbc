/**
 * Reads a CAP message's XML into a plain tree, safely. Entity processing stays off and any DTD is
 * refused before the parser sees it, so neither entity expansion ("billion laughs") nor external
 * entities (XXE) can happen; the five predefined XML entities and character references, which
 * need no DTD, are decoded afterwards by `decodeXmlText`, one pass, never recursively.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export type XmlRead = { ok: true; root: Record<string, unknown>; rootName: string } | { ok: false; message: string }

/** Elements that CAP 1.2 lets repeat: always arrays, so one and many read the same. */
const REPEATABLE = new Set(['info', 'area', 'polygon', 'circle', 'geocode', 'category', 'responseType', 'eventCode', 'parameter', 'resource', 'code'])

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Namespace prefixes (`<cap:alert>`) are kept so the root's namespace can be checked; `localName` drops them.
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATABLE.has(localName(name)),
})

export function localName(name: string): string {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

const DTD = /<!\s*(DOCTYPE|ENTITY)/i

export type TextRead = { ok: true; text: string } | { ok: false; message: string }

/**
 * The body's text in the encoding it declares: the content type's `charset`, else the XML
 * declaration's `encoding`, else UTF-8. Chinese feeds still send GB2312/GBK, which TextDecoder reads.
 * @example
 * decodeXmlBytes(gbkBytes, 'application/cap+xml; charset=gbk') // { ok: true, text: '<alert …>暴雨…' }
 */
export function decodeXmlBytes(bytes: Uint8Array, contentType = ''): TextRead {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const label = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1] ?? 'utf-8'
  let decoder: TextDecoder
  try {
    // `fatal`: bytes that are not valid in the declared encoding are refused, not replaced with U+FFFD.
    decoder = new TextDecoder(label, { fatal: true })
  } catch {
    return { ok: false, message: `unsupported encoding "${label}"` }
  }
  try {
    return { ok: true, text: decoder.decode(bytes) }
  } catch {
    return { ok: false, message: `the body is not valid ${decoder.encoding}` }
  }
}

/**
 * @example
 * readCapXml('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">…</alert>') // { ok: true, rootName: 'alert', root: {…} }
 * readCapXml('<!DOCTYPE a [<!ENTITY x "…">]><a>&x;</a>') // { ok: false, message: 'entity declarations are not accepted' }
 */
export function readCapXml(xml: string): XmlRead {
  if (DTD.test(xml)) return { ok: false, message: 'entity declarations are not accepted' }
  if (xml.trim() === '') return { ok: false, message: 'malformed XML: the body is empty' }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    const { msg, line, col } = valid.err
    return { ok: false, message: `malformed XML: ${msg}${line ? ` (line ${line}${col ? `, column ${col}` : ''})` : ''}` }
  }
  const doc = parser.parse(xml) as Record<string, unknown>
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && k !== '#text')
  // The validator accepts several top-level elements; a document has exactly one.
  if (roots.length !== 1) return { ok: false, message: `malformed XML: expected one root element, found ${roots.length}` }
  const rootName = roots[0]!
  const root = doc[rootName]
  return { ok: true, rootName, root: typeof root === 'object' && root !== null ? (root as Record<string, unknown>) : { '#text': root } }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/**
 * Decodes the entities XML defines without a DTD. Anything else (`&foo;`) stays as written.
 * @example
 * decodeXmlText('A &amp;lt; B &#20013;') // 'A &lt; B 中'
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? whole
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole
  })
}
