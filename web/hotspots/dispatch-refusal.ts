/**
 * Why the server would not send a hotspot to its department (`POST /api/v1/hotspots/:id/dispatch`),
 * in kinds the UI words itself; the server's own message is shown beside them.
 */

export type RefusalKind = 'sent' | 'forbidden' | 'gone' | 'network' | 'failed'

export interface DispatchRefusal {
  kind: RefusalKind
  status: number
  message: string
  /** For `sent`: the case it was already sent as, when the message names it. */
  caseId: string | null
}

/**
 * @example
 * dispatchRefusal(409, 'hotspot HC-… was already sent as case C-0000042')
 * // { kind: 'sent', status: 409, message: '…', caseId: 'C-0000042' }
 */
export function dispatchRefusal(status: number, message: string): DispatchRefusal {
  const kind: RefusalKind =
    status === 409 ? 'sent' : status === 403 ? 'forbidden' : status === 404 ? 'gone' : status === 0 ? 'network' : 'failed'
  const caseId = kind === 'sent' ? (/\bC-\d+\b/.exec(message)?.[0] ?? null) : null
  return { kind, status, message, caseId }
}
