/**
 * Checks an ingest body item by item against the contract's per-source schemas.
 *
 * Why not one Ajv union: a union's errors cannot say *which* branch an item meant, so an operator
 * would read "must match a schema in anyOf" instead of "category 'x' is not a sensor category".
 * Dispatching on `source` first gives every bad item its index and a precise reason.
 */
import type { TSchema } from '@sinclair/typebox'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { INGEST_SOURCES, IngestItemBySource, type IngestItem } from './event.ts'
import { TAXONOMY } from './taxonomy.ts'
import { schemaErrors, validateBatch, type BatchCheck, type ItemError } from './validate-batch.ts'

export type { ItemError } from './validate-batch.ts'
export type IngestCheck = BatchCheck<IngestItem>

const checks = Object.fromEntries(
  INGEST_SOURCES.map((s) => [s, TypeCompiler.Compile(IngestItemBySource[s] as TSchema)]),
) as Record<(typeof INGEST_SOURCES)[number], TypeCheck<TSchema>>

/** An unknown category's message lists the codes the source knows. */
export function describeCategory(source: keyof typeof TAXONOMY) {
  return (path: string, message: string, value: unknown): string => {
    if (path !== '/category') return message
    const codes = TAXONOMY[source].map((c) => c.code).join(', ')
    return `unknown category ${JSON.stringify(value)} for source '${source}'; expected one of: ${codes}`
  }
}

function checkItem(item: unknown, index: number): ItemError[] {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return [{ index, path: '', message: 'item must be a JSON object' }]
  }
  const source = (item as { source?: unknown }).source
  if (typeof source !== 'string' || !(INGEST_SOURCES as readonly string[]).includes(source)) {
    return [{ index, path: '/source', message: `source must be one of: ${INGEST_SOURCES.join(', ')}` }]
  }
  const s = source as (typeof INGEST_SOURCES)[number]
  return schemaErrors(checks[s], item, index, describeCategory(s))
}

/**
 * @example
 * validateIngestBody([{ source: 'sensor', category: 'smoke', ... }]) // { ok: true, items: [...] }
 */
export function validateIngestBody(body: unknown): IngestCheck {
  return validateBatch<IngestItem>(body, checkItem)
}
