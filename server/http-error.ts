/** Errors that carry their HTTP status and, optionally, structured details for the client. */
import { STATUS_CODES } from 'node:http'

export interface HttpError extends Error {
  statusCode: number
  details?: unknown
}

export function httpError(statusCode: number, message: string, details?: unknown): HttpError {
  const err = new Error(message) as HttpError
  err.statusCode = statusCode
  if (details !== undefined) err.details = details
  return err
}

/** The `/api` error body (DESIGN §4): `{statusCode, error, message, details?}`. */
export function errorBody(statusCode: number, message: string, details?: unknown) {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...(details !== undefined ? { details } : {}) }
}
