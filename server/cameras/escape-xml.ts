/**
 * Text for an SVG or HTML document we write by hand. Everything a producer or a URL can reach goes
 * through here: `<`, `&` and quotes would otherwise open markup (a `<script>` in an SVG opened as a
 * page runs), and characters XML 1.0 forbids would make the whole image fail to parse.
 */

// C0 controls other than tab, newline and return; U+FFFE/U+FFFF; lone surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/**
 * @example
 * escapeXml('<b>"猛追湾" & co</b>') // '&lt;b&gt;&quot;猛追湾&quot; &amp; co&lt;/b&gt;'
 */
export function escapeXml(text: string): string {
  return String(text).replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] as string)
}
