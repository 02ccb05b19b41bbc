/**
 * The 12345 hotline through Open311 GeoReport v2 (DESIGN §4), registered under `/open311/v2`:
 * `services`, `services/{code}`, `requests` (GET and POST) and `requests/{id}`, each as `.json` and
 * `.xml`. A POST becomes a hotline event through the same pipeline as `/api/v1/events` (durable
 * before the reply, located, streamed to its street). Errors use Open311's own format, so this
 * plugin has its own error handler and catch-all 404; the app's `/api` format never answers here.
 */
import formbody from '@fastify/formbody'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type TSchema } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { HOTLINE_SERVICES, findHotlineService } from '../../domain/hotline-services.ts'
import { checkAttributes } from '../open311/check-attributes.ts'
import { createAddressGeocoder, type GeocodeMatch } from '../open311/geocode-address.ts'
import { toHotlineItem, requestFingerprint, type Submission } from '../open311/hotline-item.ts'
import { open311Error, toOpen311Errors } from '../open311/open311-errors.ts'
import { JurisdictionQuery, Open311Errors, PostBody, PostReply, RequestsQuery, Service, ServiceDefinition, ServiceRequest } from '../open311/open311-schemas.ts'
import { collectAttributes, dropEmpty } from '../open311/parse-request.ts'
import { MAX_RESULTS, requestFilters } from '../open311/request-filters.ts'
import { agencyFor, requestStatus, serviceNotice, toServiceRequest, type PlaceNames } from '../open311/request-view.ts'
import { toServiceDefinition, toService } from '../open311/service-views.ts'
import { toXml } from '../open311/to-xml.ts'

const FORMATS = ['json', 'xml'] as const
type Format = (typeof FORMATS)[number]

/** XML is the spec's required format, so anything not asking for `.json` is answered in XML. */
const formatOf = (request: FastifyRequest): Format => (request.url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml')

function send(reply: FastifyReply, format: Format, status: number, root: string, data: unknown) {
  reply.code(status)
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, data))
  return reply.type('application/json; charset=utf-8').send(data)
}

/** JSON replies are checked against their schemas; XML ones are strings built from the same data. */
const replies = (format: Format, ok: TSchema, extra: Record<number, TSchema> = {}) =>
  format === 'json' ? { 200: ok, 400: Open311Errors, 404: Open311Errors, ...extra } : undefined

const POST_BODY_LIMIT = 256 * 1024

const open311: FastifyPluginAsyncTypebox = async (fastify) => {
  // Forms are what the spec POSTs; registered here only, so the rest of the app still refuses them.
  await fastify.register(formbody, { bodyLimit: POST_BODY_LIMIT })

  const { district, store, pipeline, producerKeys } = fastify
  const jurisdiction = { id: district.district.properties.id, name: district.district.properties.name }
  const names = new Map([...district.streets, ...district.communities].map((f) => [f.properties.id, f.properties.name]))
  const places: PlaceNames = { district: jurisdiction, nameOf: (id) => (id ? names.get(id) : undefined) }
  const geocode = createAddressGeocoder(district)
  const services = HOTLINE_SERVICES.map(toService)
  // Each request's status and notes follow its case (工单).
  const caseOf = (eventId: string) => fastify.cases.caseOfEvent(eventId)

  fastify.setErrorHandler((err: Error, request, reply) => {
    const refusal = toOpen311Errors(err)
    if (refusal.statusCode >= 500) request.log.error({ err }, 'open311 request failed')
    return send(reply, formatOf(request), refusal.statusCode, 'errors', refusal.errors)
  })
  // A route, not a not-found handler: the web app's wildcard GET route would otherwise answer first.
  fastify.all('/*', { schema: { hide: true } }, async (request, reply) =>
    send(reply, formatOf(request), 404, 'errors', [{ code: 404, description: `no Open311 resource ${request.method} ${request.url.split('?')[0]}` }]))

  // "Optional" arguments must act the same empty or absent (GeoReport v2, Definitions).
  fastify.addHook('preValidation', async (request) => {
    request.query = dropEmpty((request.query ?? {}) as Record<string, unknown>)
    if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
      request.body = dropEmpty(request.body as Record<string, unknown>)
    }
  })

  /** One jurisdiction: its id or name, or none at all (the spec lets a single-jurisdiction server ignore it). */
  function checkJurisdiction(id: unknown) {
    if (id === undefined) return
    if (id !== jurisdiction.id && id !== jurisdiction.name) {
      throw open311Error(404, `jurisdiction_id '${String(id)}' not found; this endpoint serves ${jurisdiction.id} (${jurisdiction.name})`)
    }
  }

  /** api_key in the body as the spec sends it, or in the query, or as the app's X-Api-Key header. */
  async function requireApiKey(request: FastifyRequest) {
    const body = (request.body ?? {}) as Record<string, unknown>
    const query = request.query as Record<string, unknown>
    const header = request.headers['x-api-key']
    const key = [body.api_key, query.api_key, Array.isArray(header) ? header[0] : header].find((k): k is string => typeof k === 'string')
    if (key === undefined) throw open311Error(403, "api_key is missing -- can't proceed with create_request.")
    const producer = producerKeys.identify(key)
    if (!producer) throw open311Error(403, "Invalid api_key received -- can't proceed with create_request.")
    request.producer = producer
  }

  function locate(body: PostBody): { location: { lng: number; lat: number }; geocoded?: GeocodeMatch } | string {
    if ((body.lat === undefined) !== (body.long === undefined)) return 'lat and long must both be sent'
    if (body.lat !== undefined && body.long !== undefined) {
      // A form's `long=Infinity` survives the validator's coercion; no point can be placed there.
      if (!Number.isFinite(body.lat) || !Number.isFinite(body.long)) return 'lat and long must be finite numbers'
      return { location: { lng: body.long, lat: body.lat } }
    }
    if (body.address_string !== undefined) {
      const match = geocode(body.address_string)
      if (match) return { location: { lng: match.lng, lat: match.lat }, geocoded: match }
      return `address_string '${body.address_string}' names no street (街道) or community (社区) of ${jurisdiction.name}, ` +
        'so it cannot be placed; send lat & long, or include the street or community name (e.g. 猛追湾街道)'
    }
    if (body.address_id !== undefined) return 'address_id is not supported (there is no address repository here); send lat & long or address_string'
    return 'a location is required: lat & long, or address_string'
  }

  for (const format of FORMATS) {
    fastify.get(`/services.${format}`, {
      schema: { tags: ['open311'], summary: `Service list (12345 categories), ${format.toUpperCase()}`, querystring: JurisdictionQuery, response: replies(format, Type.Array(Service)) },
    }, async (request, reply) => {
      checkJurisdiction(request.query.jurisdiction_id)
      return send(reply, format, 200, 'services', services)
    })

    fastify.get(`/services/:service_code.${format}`, {
      schema: {
        tags: ['open311'], summary: `Service definition (attributes), ${format.toUpperCase()}`,
        params: Type.Object({ service_code: Type.String({ maxLength: 64 }) }), querystring: JurisdictionQuery, response: replies(format, ServiceDefinition),
      },
    }, async (request, reply) => {
      checkJurisdiction(request.query.jurisdiction_id)
      const service = findHotlineService(request.params.service_code)
      if (!service) throw open311Error(404, `service_code '${request.params.service_code}' not found; see services.${format}`)
      return send(reply, format, 200, 'service_definition', toServiceDefinition(service))
    })

    fastify.post(`/requests.${format}`, {
      bodyLimit: POST_BODY_LIMIT,
      preValidation: requireApiKey,
      // After the key check, so each producer has its own budget, as on /api/v1/events.
      config: {
        rateLimit: {
          max: fastify.config.RATE_LIMIT_INGEST, timeWindow: '1 minute', hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => req.producer ?? req.ip,
        },
      },
      schema: {
        tags: ['open311'], summary: `Create a service request (form-urlencoded as the spec sends it, or JSON), ${format.toUpperCase()}`,
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        querystring: Type.Object({ jurisdiction_id: Type.Optional(Type.String()), api_key: Type.Optional(Type.String()) }, { additionalProperties: true }),
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 128 })) }),
        body: PostBody,
        response: replies(format, PostReply, { 403: Open311Errors }),
      },
    }, async (request, reply) => {
      const body = request.body
      checkJurisdiction(body.jurisdiction_id ?? request.query.jurisdiction_id)
      const service = findHotlineService(body.service_code)
      if (!service) throw open311Error(404, `service_code '${body.service_code}' not found; see services.${format}`)
      const place = locate(body)
      const { answers, problems } = checkAttributes(service, collectAttributes(body as Record<string, unknown>))
      if (typeof place === 'string') problems.unshift(place)
      if (problems.length > 0 || typeof place === 'string') throw open311Error(400, ...problems)

      const idempotencyKey = request.headers['idempotency-key']
      const submission: Submission = {
        body, service, answers, producer: request.producer!, ...place, ...(idempotencyKey ? { idempotencyKey } : {}),
      }
      const [result] = await pipeline.ingest([toHotlineItem(submission, new Date())])
      const event = result?.event ?? (result ? store.get(result.id) : undefined)
      if (!result || !event) throw new Error('the pipeline returned no event')
      // A retry is safe only if it is the same request; a reused key with other content is a client bug.
      if (result.duplicate && event.attrs.request_hash !== requestFingerprint(submission)) {
        throw open311Error(400, 'this Idempotency-Key was already used for a different request; nothing was stored')
      }
      const notice = serviceNotice(agencyFor(event, places), new Date(event.occurredAt), service, event.outside)
      return send(reply, format, 200, 'service_requests', [{ service_request_id: event.id, service_notice: notice, account_id: body.account_id ?? null }])
    })

    fastify.get(`/requests.${format}`, {
      schema: {
        tags: ['open311'], summary: `Service requests: the most recent 90 days and at most ${MAX_RESULTS} unless filtered, ${format.toUpperCase()}`,
        querystring: RequestsQuery, response: replies(format, Type.Array(ServiceRequest)),
      },
    }, async (request, reply) => {
      checkJurisdiction(request.query.jurisdiction_id)
      const { search, statuses } = requestFilters(request.query, new Date(), (code) => findHotlineService(code) !== undefined)
      // Status is derived per request from its case (requestStatus), after the store's limit: a status
      // filter may return fewer than the limit even when more match further back.
      const list = store.search(search).filter((e) => !statuses || statuses.has(requestStatus(e, caseOf)))
      return send(reply, format, 200, 'service_requests', list.map((e) => toServiceRequest(e, places, caseOf)))
    })

    fastify.get(`/requests/:service_request_id.${format}`, {
      schema: {
        tags: ['open311'], summary: `One service request, ${format.toUpperCase()}`,
        params: Type.Object({ service_request_id: Type.String({ maxLength: 64 }) }), querystring: JurisdictionQuery,
        response: replies(format, Type.Array(ServiceRequest)),
      },
    }, async (request, reply) => {
      checkJurisdiction(request.query.jurisdiction_id)
      const id = request.params.service_request_id
      const event = store.get(id)
      // Other sources' events are not service requests, and must not be probed through this door.
      if (!event || event.source !== 'hotline') throw open311Error(404, `service_request_id '${id}' not found`)
      return send(reply, format, 200, 'service_requests', [toServiceRequest(event, places, caseOf)])
    })
  }
}

export default open311
