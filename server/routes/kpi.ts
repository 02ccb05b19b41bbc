/**
 * KPIs (DESIGN §4): `GET /api/v1/kpi?period=today|week|month` within the caller's scope: the district
 * with every street and community, or a street user's own street and its communities.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { KpiPeriod, KpiReport } from '../../domain/kpi.ts'
import { ErrorReply } from '../schemas.ts'
import { streetFilter } from '../realtime/rooms.ts'

const kpi: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/api/v1/kpi',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['kpi'],
        summary: 'KPIs (接诉即办考核) per street and community for today, this week or this month (Beijing time)',
        description: 'Every measure counts the cases opened in the period within the area: response, resolution and satisfaction rates, ' +
          'mean handling time, escalations and late whistle reports; streets ranked among streets, communities within their street.',
        security: [{ bearer: [] }],
        querystring: Type.Object({ period: Type.Optional(KpiPeriod) }, { additionalProperties: false }),
        response: { 200: KpiReport, 400: ErrorReply, 401: ErrorReply },
      },
    },
    async (request) => fastify.kpi.report(request.query.period ?? 'today', streetFilter(request.user.scope)),
  )
}
export default kpi
