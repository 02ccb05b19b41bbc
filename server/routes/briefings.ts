/**
 * The situation briefing (DESIGN §4): `GET /api/v1/briefings/daily?date=` and
 * `GET /api/v1/briefings/weekly?date=` (a week named by any of its days; `date` defaults to today,
 * Beijing time), for the district or one street (`street=`); a street user gets their own street's.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Briefing, BriefingDate, BRIEFING_KINDS } from '../../domain/briefing.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { listStreet } from '../realtime/rooms.ts'
import { shanghaiDay } from '../kpi/kpi-periods.ts'
import { dateDay } from '../briefing/briefing-period.ts'

const Query = Type.Object({
  date: Type.Optional(BriefingDate),
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
}, { additionalProperties: false })

const briefings: FastifyPluginAsyncTypebox = async (fastify) => {
  for (const kind of BRIEFING_KINDS) {
    fastify.get(
      `/api/v1/briefings/${kind}`,
      {
        onRequest: fastify.requireUser,
        schema: {
          tags: ['briefings'],
          summary: kind === 'daily' ? 'The daily situation briefing (态势日报) of a Beijing calendar day' : 'The weekly situation briefing (态势周报), Monday to Sunday',
          description: 'Headline figures against the period before, the trend, events and the KPI ranking by street, the communities where ' +
            'people\'s reports of one kind were most frequent, the gravest incidents with their cases, candidate topics of the month (每月一题) ' +
            'and the risk early warnings raised. A period still running is compared with the same stretch of the one before.',
          security: [{ bearer: [] }],
          querystring: Query,
          response: { 200: Briefing, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply },
        },
      },
      async (request) => {
        const today = shanghaiDay(Date.now())
        const day = request.query.date === undefined ? today : dateDay(request.query.date)
        if (day === undefined) throw httpError(400, `date ${request.query.date} does not exist`)
        if (day > today) throw httpError(400, `date ${request.query.date} is in the future: there is nothing to brief yet`)
        const street = listStreet(request.user.scope, request.query.street)
        if (street && !fastify.district.streets.some((s) => s.properties.id === street)) throw httpError(400, `no street ${street} in the district`)
        return fastify.briefing.briefing(kind, day, street)
      },
    )
  }
}
export default briefings
