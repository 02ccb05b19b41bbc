/**
 * Units (DESIGN §4): `GET /api/v1/units` lists the roster with status and position within the
 * caller's scope (a street user sees the units homed in their street), `GET /api/v1/units/:id` one
 * unit, and `POST /api/v1/units/positions` takes the units' GPS fixes (producer key). A batch with any
 * bad fix is refused whole, naming each index, and changes nothing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { MAX_BATCH } from '../../domain/event.ts'
import { Unit, UnitKind, UnitPositionFix, UnitStatus } from '../../domain/units.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { listStreet, streetFilter } from '../realtime/rooms.ts'
import { checkFixes } from '../units/check-fixes.ts'
import { batchValidator, producerRateLimit } from './producer-route.ts'

const ListQuery = Type.Object({
  status: Type.Optional(UnitStatus),
  kind: Type.Optional(UnitKind),
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  department: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
})

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })

const PositionsReply = Type.Object({
  /** Fixes applied. */
  accepted: Type.Integer(),
  /** Fixes older than the unit's latest one, ignored. */
  stale: Type.Integer(),
  /** Units whose status the fixes changed (set off, arrived), as they now stand. */
  changed: Type.Array(Unit),
})

const units: FastifyPluginAsyncTypebox = async (fastify) => {
  const engine = fastify.units

  fastify.get(
    '/api/v1/units',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['units'],
        summary: 'Units (处置力量) with status and position, by id, within the caller’s scope',
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: Type.Object({ units: Type.Array(Unit) }), 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const { status, kind, street, department } = request.query
      const inScope = listStreet(request.user.scope, street)
      return { units: engine.list({ status, kind, street: inScope, department }) }
    },
  )

  fastify.get(
    '/api/v1/units/:id',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['units'],
        summary: 'One unit',
        security: [{ bearer: [] }],
        params: Params,
        response: { 200: Unit, 401: ErrorReply, 404: ErrorReply },
      },
    },
    async (request) => {
      const u = engine.get(request.params.id)
      const own = streetFilter(request.user.scope)
      // Another street's unit is as unknown as a missing one: ids are not probed across streets.
      if (!u || (own && u.home.street !== own)) throw httpError(404, `no unit ${request.params.id}`)
      return u
    },
  )

  fastify.post(
    '/api/v1/units/positions',
    {
      onRequest: fastify.requireProducer,
      compress: false,
      config: { rateLimit: producerRateLimit(fastify.config) },
      schema: {
        tags: ['units'],
        summary: `Units’ GPS position fixes (WGS-84): one, or a batch of up to ${MAX_BATCH.toLocaleString('en')}`,
        description: 'A dispatched unit that moves more than 20 m is en route; one within 50 m of its case (en route, or its case accepted) is on scene, and an accepted case moves on scene with it. A batch with any unknown unit or bad fix is refused whole.',
        security: [{ apiKey: [] }],
        body: Type.Union([UnitPositionFix, Type.Array(UnitPositionFix, { minItems: 1, maxItems: MAX_BATCH })]),
        response: { 200: PositionsReply, 400: ErrorReply, 401: ErrorReply, 413: ErrorReply },
      },
      validatorCompiler: batchValidator(fastify.metrics, (data) => checkFixes(data, (id) => engine.get(id) !== undefined)),
    },
    async (request) => {
      const fixes = Array.isArray(request.body) ? request.body : [request.body]
      return engine.applyFixes(fixes)
    },
  )
}
export default units
