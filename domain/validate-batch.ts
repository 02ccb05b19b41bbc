/**
 * Batch checking shared by every producer door (`/api/v1/events`, `/incidents`, `/sensors/events`,
 * `/detections`): one item or an array of up to 5,000, every bad item named by its index with a
 * precise reason, and the batch refused whole if any is bad.
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox'
import type { TypeCheck } from '@sinclair/typebox/compiler'
import { MAX_BATCH } from './event.ts'

if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set('date-time', (v) => !Number.isNaN(Date.parse(v)))
}

export interface ItemError {
  /** Index in the batch (0 for a single item). */
  index: number
  /** JSON pointer inside the item, e.g. `/location/lat`. */
  path: string
  message: string
}

export type BatchCheck<T> =
  | { ok: true; items: T[] }
  | { ok: false; message: string; details: ItemError[] }

const MAX_ERRORS_PER_ITEM = 5

/**
 * The schema's complaints about one item, one line per path (unions report once per branch), at
 * most five: enough to fix the item, not a wall of text. `describe` may reword a path's message.
 */
export function schemaErrors(
  check: TypeCheck<TSchema>,
  item: unknown,
  index: number,
  describe: (path: string, message: string, value: unknown) => string = (_p, m) => m,
): ItemError[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return [{ index, path: '', message: 'item must be a JSON object' }]
  }
  if (check.Check(item)) return []
  const errors: ItemError[] = []
  const seen = new Set<string>()
  for (const e of check.Errors(item)) {
    if (seen.has(e.path)) continue
    seen.add(e.path)
    errors.push({ index, path: e.path, message: describe(e.path, e.message, e.value) })
    if (errors.length >= MAX_ERRORS_PER_ITEM) break
  }
  return errors
}

/**
 * @example
 * validateBatch(body, (item, i) => schemaErrors(check, item, i)) // { ok: true, items } or the reasons
 */
export function validateBatch<T>(body: unknown, checkItem: (item: unknown, index: number) => ItemError[], max = MAX_BATCH): BatchCheck<T> {
  const batch = Array.isArray(body) ? body : [body]
  if (batch.length === 0) return { ok: false, message: 'batch is empty', details: [] }
  if (batch.length > max) return { ok: false, message: `batch has ${batch.length} items; at most ${max} are allowed`, details: [] }
  const details = batch.flatMap((item, i) => checkItem(item, i))
  if (details.length > 0) {
    const bad = new Set(details.map((d) => d.index)).size
    return { ok: false, message: `${bad} of ${batch.length} items are invalid; nothing was stored`, details }
  }
  return { ok: true, items: batch as T[] }
}
