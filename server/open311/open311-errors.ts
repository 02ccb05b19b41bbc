/**
 * Open311's error format: an array of `{code, description}` (XML `<errors><error>…`), with the HTTP
 * statuses the spec asks for: 404 for what does not exist, 403 for a missing or wrong api_key, and
 * 400 for anything else a client got wrong. The app's `/api` format must never leak in here.
 */
import { STATUS_CODES } from 'node:http'

export interface Open311ErrorItem {
  code: number
  description: string
}

export class Open311Error extends Error {
  override name = 'Open311Error'
  constructor(
    readonly statusCode: number,
    readonly errors: Open311ErrorItem[],
  ) {
    super(errors.map((e) => e.description).join('; '))
  }
}

/** One or several problems, each reported with the HTTP status as its code. */
export function open311Error(statusCode: number, ...descriptions: string[]): Open311Error {
  return new Open311Error(statusCode, descriptions.map((description) => ({ code: statusCode, description })))
}

interface FastifyLikeError extends Error {
  statusCode?: number
  code?: string
  validation?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }>
  validationContext?: string
}

/** Readable names for where a validation error was found. */
const CONTEXT = { body: 'body', querystring: 'query', params: 'path', headers: 'header' } as Record<string, string>

function validationDescriptions(err: FastifyLikeError): string[] {
  const where = CONTEXT[err.validationContext ?? ''] ?? err.validationContext ?? 'request'
  return (err.validation ?? []).map((v) => {
    const missing = v.params?.missingProperty
    if (typeof missing === 'string') return `${missing} was not provided (${where})`
    const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.')
    return `${field || where} ${v.message ?? 'is invalid'}`
  })
}

/**
 * Any error thrown under `/open311/v2/` as the spec's status and body. Transport-level refusals keep
 * their own status (413 too large, 429 rate limited), since a client must treat them differently from
 * a bad field; every other client error becomes 400, and a server fault 500 with no detail.
 */
export function toOpen311Errors(err: FastifyLikeError): Open311Error {
  if (err instanceof Open311Error) return err
  if (err.validation) return new Open311Error(400, validationDescriptions(err).map((description) => ({ code: 400, description })))
  const status = err.statusCode ?? 500
  // A fault's details stay in the log; the client only learns it was not its fault.
  if (status >= 500) return open311Error(500, 'internal error; please retry later')
  if (status === 413 || status === 429 || status === 403 || status === 404) return open311Error(status, err.message || STATUS_CODES[status] || 'error')
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return open311Error(400, 'Content-Type must be application/x-www-form-urlencoded or application/json')
  }
  return open311Error(400, err.message || 'bad request')
}
