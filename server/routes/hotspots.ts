/**
 * Hotspots (DESIGN §2.4, §4): `GET /api/v1/hotspots` lists the active ones within the caller's scope,
 * told apart by `type`: `detection` (one camera that keeps seeing the same thing), `frequency` and
 * `cluster` (高频事件 among people's reports, domain/hotspots.ts). `POST /api/v1/hotspots/:id/dispatch`
 * sends one to its category's department in one click: a topic case (专项工单) at the street.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { Case } from '../../domain/cases.ts'
import { AnyHotspot } from '../../domain/hotspots.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { listStreet, streetFilter } from '../realtime/rooms.ts'
import { topicOf } from '../hotspots/topic-case.ts'

const hotspots: FastifyPluginAsyncTypebox = async (fastify) => {
  const { cameras, autoHotspots } = fastify

  /** Every active hotspot in a street (or the district), each with the case it was sent as. */
  const list = (street?: string): AnyHotspot[] => [
    ...cameras.hotspots(new Date(), street).map((h) => ({ ...h, caseId: autoHotspots.caseOf(h.id) })),
    ...autoHotspots.active(street),
  ]

  fastify.get(
    '/api/v1/hotspots',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['hotspots'],
        summary: 'Active hotspots within the caller’s scope: detection hotspots, then high-frequency issues (高频事件)',
        security: [{ bearer: [] }],
        querystring: Type.Object({ street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })) }),
        response: { 200: Type.Object({ hotspots: Type.Array(AnyHotspot) }), 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => ({ hotspots: list(listStreet(request.user.scope, request.query.street)) }),
  )

  fastify.post(
    '/api/v1/hotspots/:id/dispatch',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['hotspots'],
        summary: 'Send a hotspot to its category’s department in one click: opens a topic case (专项工单) at the street',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 201: Type.Object({ hotspot: AnyHotspot, case: Case }), 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply },
      },
    },
    async (request, reply) => {
      const { user } = request
      if (user.role !== 'district' && user.role !== 'street') throw httpError(403, `role ${user.role} cannot dispatch`)
      const own = streetFilter(user.scope)
      const hotspot = list(own).find((h) => h.id === request.params.id)
      // Another street's hotspot is reported as missing, like every out-of-scope read.
      if (!hotspot) throw httpError(404, `no active hotspot ${request.params.id}`)
      if (hotspot.caseId) throw httpError(409, `hotspot ${hotspot.id} was already sent as case ${hotspot.caseId}`)
      const at = new Date().toISOString()
      const opened = fastify.cases.openTopic(topicOf(hotspot), user.username, (c) => {
        autoHotspots.recordCase(hotspot.id, c.id, user.username, at)
      })
      return reply.code(201).send({ hotspot: { ...hotspot, caseId: opened.id }, case: opened })
    },
  )
}
export default hotspots
