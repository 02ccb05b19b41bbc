/**
 * URLs from producers (snapshots, clips, photos) are untrusted: a `javascript:` link in a clip URL
 * would run in the dispatcher's session. Only same-origin paths and http(s) pass; images may also
 * be inline `data:image/…` (the server's CSP allows those), links may not.
 */

const IMAGE_DATA = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i

// Browsers strip tabs and newlines inside URLs, so `java\tscript:` would slip past a prefix check.
function hasControlChars(url: string): boolean {
  for (let i = 0; i < url.length; i++) if (url.charCodeAt(i) < 0x20 || url.charCodeAt(i) === 0x7f) return true
  return false
}

function sameOriginPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')
}

function httpUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * The URL if it is safe as an `<a href>`, else null.
 *
 * @example
 * safeLinkUrl('/media/clips/1.mp4')  // '/media/clips/1.mp4'
 * safeLinkUrl('javascript:alert(1)') // null
 */
export function safeLinkUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const url = value.trim()
  if (url === '' || hasControlChars(url)) return null
  return sameOriginPath(url) || httpUrl(url) ? url : null
}

/**
 * The URL if it is safe as an `<img src>`, else null.
 *
 * @example
 * safeImageUrl('data:image/png;base64,iVBOR…') // 'data:image/png;base64,iVBOR…'
 * safeImageUrl('data:text/html,<script>')      // null
 */
export function safeImageUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const url = value.trim()
  if (IMAGE_DATA.test(url)) return url
  return safeLinkUrl(url)
}
