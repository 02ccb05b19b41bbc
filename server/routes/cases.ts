/**
 * Cases (DESIGN §4): `GET /api/v1/cases` lists them within the caller's scope, `GET /api/v1/cases/:id`
 * returns one with its events and audit log, and `POST /api/v1/cases/:id/actions` moves it through
 * the state machine. Only the district and street roles act, a street user only on their street's
 * cases and with their street's units; a move the case's state does not allow is a 409 that says why.
 * A dispatch naming a unit that does not exist is a 400 (the body is wrong; a 404 would read as the
 * case being gone), one naming a busy unit a 409 that says which case it is on.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { canDispatch } from '../../domain/auth.ts'
import { Case, CaseAction, CaseAuditEntry, CaseStatus, CaseTier } from '../../domain/cases.ts'
import { StoredEvent } from '../../domain/event.ts'
import { ErrorReply } from '../schemas.ts'
import { CaseBoard } from '../../domain/case-board.ts'
import { caseBoard } from '../cases/case-board.ts'
import { httpError } from '../http-error.ts'
import { listStreet, streetFilter } from '../realtime/rooms.ts'
import { publicEvent } from '../privacy/public-event.ts'

const ListQuery = Type.Object({
  /** A status, or `open` for every one not resolved, closed or cancelled; absent: all. */
  status: Type.Optional(Type.Union([CaseStatus, Type.Literal('open')])),
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  tier: Type.Optional(CaseTier),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
})

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })

const CaseDetail = Type.Composite([
  Case,
  Type.Object({
    /** Its latest events (those `eventIds` names); `eventCount` counts them all. */
    events: Type.Array(StoredEvent),
    /** A 12345 caller is among all its events, shown or not: the case gets a return visit. */
    hotline: Type.Boolean(),
    audit: Type.Array(CaseAuditEntry),
  }),
])

const cases: FastifyPluginAsyncTypebox = async (fastify) => {
  const engine = fastify.cases

  /** The case, or 404 when it does not exist or lies outside the caller's street (no probing across streets). */
  const inScope = (found: ReturnType<typeof engine.detail>, id: string, scope: Parameters<typeof streetFilter>[0]) => {
    const own = streetFilter(scope)
    if (!found || (own && found.case.path.street !== own)) throw httpError(404, `no case ${id}`)
    return found
  }
  const caseInScope = (id: string, scope: Parameters<typeof streetFilter>[0]): Case => inScope(engine.detail(id), id, scope).case

  fastify.get(
    '/api/v1/cases',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['cases'],
        summary: 'Cases (工单), most recently updated first, within the caller’s scope',
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: Type.Object({ cases: Type.Array(Case) }), 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const { status, street, tier, limit = 500 } = request.query
      const inScope = listStreet(request.user.scope, street)
      return { cases: engine.list({ status, street: inScope, tier, limit }) }
    },
  )

  fastify.get(
    '/api/v1/cases/board',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['cases'],
        summary: 'Open cases by tier, overdue and escalated counts, and the most urgent, within the caller’s scope',
        security: [{ bearer: [] }],
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) }),
        response: { 200: CaseBoard, 401: ErrorReply },
      },
    },
    async (request) => {
      const own = streetFilter(request.user.scope)
      const inScope = function* () {
        for (const c of engine.openCases()) if (!own || c.path.street === own) yield c
      }
      return caseBoard(inScope(), new Date(), request.query.limit ?? 20)
    },
  )

  fastify.get(
    '/api/v1/cases/:id',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['cases'],
        summary: 'One case with its events and audit log',
        description: 'A dispatcher (district or street role) sees callers’ contact; leader and wall see it masked.',
        security: [{ bearer: [] }],
        params: Params,
        response: { 200: CaseDetail, 401: ErrorReply, 404: ErrorReply },
      },
    },
    async (request) => {
      // One read of the case, whose record also says whether a caller is among all its events.
      const { case: c, hotline } = inScope(engine.detail(request.params.id), request.params.id, request.user.scope)
      const dispatcher = canDispatch(request.user.role)
      const events = c.eventIds.flatMap((id) => {
        const e = fastify.store.get(id)
        return e ? [dispatcher ? e : publicEvent(e)] : []
      })
      return { ...c, events, hotline, audit: engine.audit(c.id) }
    },
  )

  fastify.post(
    '/api/v1/cases/:id/actions',
    {
      onRequest: fastify.requireUser,
      schema: {
        tags: ['cases'],
        summary: 'Act on a case: assign, dispatch (a unit), accept, arrive, resolve (with a note), close, escalate, cancel, return_visit, whistle (吹哨), report (报到)',
        description: 'Moves the case through its state machine and records who did it and when. A move its state does not allow is 409. '
          + '`dispatch` (and `assign` with `unitId`) sends an available or cleared unit: unknown unit 400, busy unit 409, another street’s unit 403 for a street user. '
          + '`whistle` (street-tier cases) summons `departments`, each due to report within 30 minutes, and sends each one’s team in the street when free. '
          + '`report` records a summoned `department`’s `stage` (accept or arrive). The reply is the case as it stands after the action and what followed from it.',
        security: [{ bearer: [] }],
        params: Params,
        body: CaseAction,
        response: { 200: Case, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply },
      },
    },
    async (request) => {
      const { username, role, scope } = request.user
      if (!canDispatch(role)) throw httpError(403, `the ${role} role is read-only`)
      const c = caseInScope(request.params.id, scope)
      const own = streetFilter(scope)
      const unit = request.body.unitId ? fastify.units.get(request.body.unitId) : undefined
      if (own && unit && unit.home.street !== own) throw httpError(403, `your scope is street ${own}; unit ${unit.id} belongs to street ${unit.home.street}`)
      const result = engine.act(c.id, request.body, username)
      if (!result.ok) throw httpError(result.status, result.reason)
      // A unit's follow-up (a summoned team's report) may already have moved it on.
      return engine.get(c.id) ?? result.case
    },
  )
}
export default cases
