/**
 * What the briefing page says when a load fails, from the HTTP status: the server's own words for a
 * refused period (a date in the future, say), plain advice for the rest.
 */

export interface LoadErrorText {
  key: 'notFound' | 'forbidden' | 'badRequest' | 'network' | 'failed'
  params: { status: number; message: string }
}

/**
 * @example
 * loadErrorText(400, 'date 2099-01-01 is in the future') // { key: 'badRequest', params: { … } }
 * loadErrorText(0, 'Failed to fetch')                    // { key: 'network', … }
 */
export function loadErrorText(status: number, message: string): LoadErrorText {
  const params = { status, message }
  if (status === 0) return { key: 'network', params }
  if (status === 400) return { key: 'badRequest', params }
  if (status === 403) return { key: 'forbidden', params }
  // A server without the briefing routes answers 404 for the path.
  if (status === 404) return { key: 'notFound', params }
  return { key: 'failed', params }
}
