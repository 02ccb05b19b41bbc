/**
 * Risk by grid (DESIGN §4): `GET /api/v1/risk?level=&street=` within the caller's scope: every node of
 * a tier (micro-grids only when asked for by `level`), with the latest early warnings.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Level } from '../../domain/geo.ts'
import { RiskReport } from '../../domain/risk.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { listStreet } from '../realtime/rooms.ts'

const risk: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/v1/risk',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['risk'],
        summary: 'Risk score (0–100) and five-colour level (五色) of every node of a tier, with the latest early warnings (风险预警)',
        description: 'A micro-grid scores its recent events (weighted by category and severity, halving every RISK_HALF_LIFE_H hours), ' +
          'its active sensor alarms and its vulnerability (old compounds, elderly residents); each parent the mean of its worst third of children. ' +
          'Without `level`, every tier but the micro-grids. With `forecast=true`, each node also carries its 24-hour forecast ' +
          '(未诉先办): the same score from the load it will have if the higher of its last day\'s and last week\'s rate holds, without alarms.',
        security: [{ bearer: [] }],
        querystring: Type.Object({
          level: Type.Optional(Level),
          street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
          warnings: Type.Optional(Type.Integer({ minimum: 0, maximum: 500, default: 20 })),
          /** Each node also carries where it is forecast to stand in 24 hours if its recent rate of events holds. */
          forecast: Type.Optional(Type.Boolean({ default: false })),
        }, { additionalProperties: false }),
        response: { 200: RiskReport, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const street = listStreet(request.user.scope, request.query.street)
      if (street && !fastify.district.streets.some((s) => s.properties.id === street)) throw httpError(400, `no street ${street}`)
      return fastify.risk.report({ ...request.query, street })
    },
  )
}
export default risk
