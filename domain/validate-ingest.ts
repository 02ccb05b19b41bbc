/**
 * Checks an ingest body item by item against the contract's per-source schemas.
 *
 * Why not one Ajv union: a union's errors cannot say *which* branch an item meant, so an operator
 * would read "must match a schema in anyOf" instead of "category 'x' is not a sensor category".
 * Dispatching on `source` first gives every bad item its index and a precise reason.
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { INGEST_SOURCES, IngestItemBySource, MAX_BATCH, type IngestItem } from './event.ts'
import { TAXONOMY } from './taxonomy.ts'

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

export type IngestCheck =
  | { ok: true; items: IngestItem[] }
  | { ok: false; message: string; details: ItemError[] }

const checks = Object.fromEntries(
  INGEST_SOURCES.map((s) => [s, TypeCompiler.Compile(IngestItemBySource[s] as TSchema)]),
) as Record<(typeof INGEST_SOURCES)[number], TypeCheck<TSchema>>

const MAX_ERRORS_PER_ITEM = 5

function describe(source: string, path: string, message: string, value: unknown): string {
  if (path === '/category') {
    const codes = TAXONOMY[source as keyof typeof TAXONOMY].map((c) => c.code).join(', ')
    return `unknown category ${JSON.stringify(value)} for source '${source}'; expected one of: ${codes}`
  }
  return message
}

function checkItem(item: unknown, index: number): ItemError[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return [{ index, path: '', message: 'item must be a JSON object' }]
  }
  const source = (item as { source?: unknown }).source
  if (typeof source !== 'string' || !(INGEST_SOURCES as readonly string[]).includes(source)) {
    return [{ index, path: '/source', message: `source must be one of: ${INGEST_SOURCES.join(', ')}` }]
  }
  const check = checks[source as keyof typeof checks]
  if (check.Check(item)) return []
  const errors: ItemError[] = []
  const seen = new Set<string>()
  for (const e of check.Errors(item)) {
    // Unions report once per branch; one line per path is what a reader needs.
    if (seen.has(e.path)) continue
    seen.add(e.path)
    errors.push({ index, path: e.path, message: describe(source, e.path, e.message, e.value) })
    if (errors.length >= MAX_ERRORS_PER_ITEM) break
  }
  return errors
}

/**
 * @example
 * validateIngestBody([{ source: 'sensor', category: 'smoke', ... }]) // { ok: true, items: [...] }
 */
export function validateIngestBody(body: unknown): IngestCheck {
  const batch = Array.isArray(body) ? body : [body]
  if (batch.length === 0) return { ok: false, message: 'batch is empty', details: [] }
  if (batch.length > MAX_BATCH) {
    return { ok: false, message: `batch has ${batch.length} items; at most ${MAX_BATCH} are allowed`, details: [] }
  }
  const details = batch.flatMap((item, i) => checkItem(item, i))
  if (details.length > 0) {
    const bad = new Set(details.map((d) => d.index)).size
    return { ok: false, message: `${bad} of ${batch.length} items are invalid; nothing was stored`, details }
  }
  return { ok: true, items: batch as IngestItem[] }
}
