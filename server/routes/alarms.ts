/**
 * Sensor alarms (DESIGN §4): `GET /api/v1/alarms` lists them with their lifecycle status;
 * `POST /api/v1/alarms/:id/ack` and `/clear` move them on, recording who and when. Only the district
 * and street roles act, a street user only on their street's alarms; a wrong step is a 409 that says why.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { canDispatch } from '../../domain/auth.ts'
import { Alarm, AlarmStatus } from '../../domain/sensors.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { listStreet, streetFilter } from '../realtime/rooms.ts'
import { acknowledgeAlarm, clearAlarm, type Transition } from '../sensors/alarm-lifecycle.ts'

const ListQuery = Type.Object({
  /** Absent: the open alarms (active and acknowledged). */
  status: Type.Optional(AlarmStatus),
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  sensorId: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
})

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })

const alarms: FastifyPluginAsyncTypebox = async (fastify) => {
  const repo = fastify.sensors.alarms

  fastify.get(
    '/api/v1/alarms',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['alarms'],
        summary: 'Sensor alarms, newest activity first, within the caller’s scope',
        description: 'Without `status`, the open ones (active and acknowledged).',
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: Type.Object({ alarms: Type.Array(Alarm) }), 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const { status, street, sensorId, limit = 500 } = request.query
      const inScope = listStreet(request.user.scope, street)
      return { alarms: repo.list({ status, street: inScope, sensorId, limit }) }
    },
  )

  const transition = (name: string, summary: string, step: (a: Alarm, who: string, at: string) => Transition) =>
    fastify.post(
      `/api/v1/alarms/:id/${name}`,
      {
        onRequest: fastify.requireUser,
        schema: {
          tags: ['alarms'],
          summary,
          security: [{ bearer: [] }],
          params: Params,
          response: { 200: Alarm, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply },
        },
      },
      async (request) => {
        const { username, role, scope } = request.user
        if (!canDispatch(role)) throw httpError(403, `the ${role} role is read-only`)
        const own = streetFilter(scope)
        const alarm = repo.get(request.params.id)
        // Another street's alarm is reported as missing, so ids cannot be probed across streets.
        if (!alarm || (own && alarm.street !== own)) throw httpError(404, `no alarm ${request.params.id}`)
        const result = step(alarm, username, new Date().toISOString())
        if (!result.ok) throw httpError(409, result.reason)
        repo.save(result.alarm)
        return result.alarm
      },
    )

  transition('ack', 'Acknowledge an active alarm (确认)', acknowledgeAlarm)
  transition('clear', 'Clear an acknowledged alarm (消警)', clearAlarm)
}
export default alarms
