/** What every producer door shares: the per-key rate limit and the ingest reply. */
import type { FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import type { IngestReply } from '../../domain/event.ts'
import type { AppendResult } from '../store/event-store.ts'
import type { BatchCheck } from '../../domain/validate-batch.ts'
import { httpError } from '../http-error.ts'

/** Producers are limited per key, not per address: many devices share one gateway's address. */
export function producerRateLimit(config: Pick<Config, 'RATE_LIMIT_INGEST'>) {
  return {
    max: config.RATE_LIMIT_INGEST,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => String(req.headers['x-api-key'] ?? req.ip),
  }
}

/** `201 {accepted, events}` (DESIGN §4): duplicates are acknowledged with the original id. */
export function ingestReply(results: AppendResult[]): IngestReply {
  return {
    accepted: results.filter((r) => !r.duplicate).length,
    events: results.map(({ id, seq, sourceId, duplicate }) => ({ id, seq, sourceId, duplicate })),
  }
}

/**
 * A route's `validatorCompiler` for a producer batch: the batch check's own reasons (every bad index)
 * instead of Ajv's, counted as a rejected ingest.
 */
export function batchValidator(metrics: { ingestRejected: { inc(): void } }, validate: (data: unknown) => BatchCheck<unknown>) {
  return () => (data: unknown) => {
    const result = validate(data)
    if (result.ok) return { value: data }
    metrics.ingestRejected.inc()
    return { error: httpError(400, result.message, result.details) }
  }
}
