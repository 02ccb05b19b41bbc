/**
 * The sensor registry (`GET/POST /api/v1/sensors`, `GET/PATCH /api/v1/sensors/:id`) and the sensors'
 * own ingest door (`POST /api/v1/sensors/events`), as in DESIGN §4. Reads take a producer key (device
 * platforms look their sensors up) or a user token; a street user sees and edits only their street.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Position } from 'geojson'
import { canDispatch } from '../../domain/auth.ts'
import { IngestAck, MAX_BATCH } from '../../domain/event.ts'
import { SensorCreate, SensorEntry, SensorMessage, SensorPatch, SensorType, SensorView } from '../../domain/sensors.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'
import { streetFilter } from '../realtime/rooms.ts'
import { checkSensorMessages } from '../sensors/check-messages.ts'
import { SENSOR_ID_PREFIX, sensorId } from '../sensors/generate-sensors.ts'

const ListQuery = Type.Object({
  street: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
  type: Type.Optional(SensorType),
  siteId: Type.Optional(Type.String({ maxLength: 64 })),
  /** The `next` of the previous page. */
  after: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
})

const ListReply = Type.Object({
  sensors: Type.Array(SensorView),
  /** Pass as `after` for the next page; null on the last page. */
  next: Type.Union([Type.String(), Type.Null()]),
})

const EventsReply = Type.Object({
  accepted: Type.Integer({ description: 'Events newly stored (heartbeats and duplicates excluded).' }),
  heartbeats: Type.Integer({ description: 'Heartbeats recorded as last-seen times; they are not events.' }),
  /** One per non-heartbeat message, in order. */
  events: Type.Array(IngestAck),
})

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) })

/** Who is asking: a producer (the whole district, may write) or a user within their scope. */
interface Caller {
  /** The caller's street, or undefined for the whole district. */
  street: string | undefined
  kind: 'producer' | 'district' | 'street' | 'read-only'
}

function callerOf(request: FastifyRequest): Caller {
  if (request.producer) return { street: undefined, kind: 'producer' }
  const { role, scope } = request.user
  if (!canDispatch(role)) return { street: streetFilter(scope), kind: 'read-only' }
  return { street: streetFilter(scope), kind: role === 'district' ? 'district' : 'street' }
}

/** The mean of a closed ring's corners: a building's centre, as its `path` was located. */
function ringCentre(ring: readonly Position[]): { lng: number; lat: number } {
  let x = 0
  let y = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    x += (ring[i] as Position)[0] as number
    y += (ring[i] as Position)[1] as number
  }
  const n = Math.max(1, ring.length - 1)
  return { lng: Math.round((x / n) * 1e7) / 1e7, lat: Math.round((y / n) * 1e7) / 1e7 }
}

const sensors: FastifyPluginAsyncTypebox = async (fastify) => {
  const { registry } = fastify.sensors
  const buildings = new Map(fastify.sites.buildings.map((b) => [b.properties.id, b]))
  const siteIds = new Set([...fastify.sites.compounds, ...fastify.sites.dedicated].map((s) => s.properties.id))

  const producerOrUser = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers['x-api-key'] !== undefined) return fastify.requireProducer(request, reply)
    return fastify.requireUser(request, reply)
  }

  /** The entry, or 404 when it is unknown or outside the caller's street (ids are not probed across streets). */
  const visible = (id: string, caller: Caller): SensorEntry => {
    const entry = registry.get(id)
    if (!entry || (caller.street && entry.path.street !== caller.street)) throw httpError(404, `no sensor ${id}`)
    return entry
  }

  /** Building, site and location made consistent; the path located from the point. */
  function place(input: { location?: { lng: number; lat: number }; buildingId?: string; siteId?: string }) {
    const building = input.buildingId ? buildings.get(input.buildingId) : undefined
    if (input.buildingId && !building) throw httpError(400, `unknown building ${input.buildingId}`, [{ path: '/buildingId', message: 'not a building in this district' }])
    const siteId = input.siteId ?? building?.properties.compoundId
    if (siteId && !siteIds.has(siteId)) throw httpError(400, `unknown site ${siteId}`, [{ path: '/siteId', message: 'not a compound or dedicated grid in this district' }])
    if (building && siteId !== building.properties.compoundId) {
      throw httpError(400, `building ${building.properties.id} is in compound ${building.properties.compoundId}, not ${siteId}`, [{ path: '/siteId', message: 'does not match the building' }])
    }
    const location = input.location ?? (building ? ringCentre(building.geometry.coordinates[0] as Position[]) : undefined)
    if (!location) throw httpError(400, 'location or buildingId is required', [{ path: '/location', message: 'required without buildingId' }])
    const { path, outside } = fastify.locator.locate(location.lng, location.lat)
    if (outside) throw httpError(400, `(${location.lng}, ${location.lat}) is outside the district`, [{ path: '/location', message: 'outside the district' }])
    return { location: { lng: location.lng, lat: location.lat }, path, buildingId: building?.properties.id, siteId }
  }

  fastify.get(
    '/api/v1/sensors',
    {
      onRequest: producerOrUser,
      schema: {
        tags: ['sensors'],
        summary: 'The sensor registry, by id, a page at a time, within the caller’s scope',
        security: [{ apiKey: [] }, { bearer: [] }],
        querystring: ListQuery,
        response: { 200: ListReply, 401: ErrorReply, 403: ErrorReply },
      },
    },
    async (request) => {
      const { street, type, siteId, after, limit = 500 } = request.query
      const caller = callerOf(request)
      if (caller.street && street && street !== caller.street) throw httpError(403, `your scope is street ${caller.street}`)
      const list = registry.list({ street: caller.street ?? street, type, siteId, after, limit })
      return { sensors: list.map(fastify.sensors.view), next: list.length === limit ? (list.at(-1)?.id ?? null) : null }
    },
  )

  fastify.get(
    '/api/v1/sensors/:id',
    {
      onRequest: producerOrUser,
      schema: {
        tags: ['sensors'],
        summary: 'One sensor: its registry entry, when it was last heard from, and whether it is online',
        security: [{ apiKey: [] }, { bearer: [] }],
        params: Params,
        response: { 200: SensorView, 401: ErrorReply, 404: ErrorReply },
      },
    },
    async (request) => fastify.sensors.view(visible(request.params.id, callerOf(request))),
  )

  fastify.post(
    '/api/v1/sensors',
    {
      onRequest: producerOrUser,
      schema: {
        tags: ['sensors'],
        summary: 'Register a sensor (a producer, or a district user)',
        description: 'Without `location`, the building’s centre is used; without `id`, one is assigned (`SEN-<street>-<n>`).',
        security: [{ apiKey: [] }, { bearer: [] }],
        body: SensorCreate,
        response: { 201: SensorView, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 409: ErrorReply },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      if (caller.kind !== 'producer' && caller.kind !== 'district') throw httpError(403, 'only producers and district users register sensors')
      const body = request.body
      const placed = place(body)
      if (body.id && registry.get(body.id)) throw httpError(409, `sensor ${body.id} is already registered`)
      const street = placed.path.street ?? '000000000'
      const entry: SensorEntry = {
        id: body.id ?? sensorId(street, registry.nextNumber(`${SENSOR_ID_PREFIX}-${street}-`)),
        type: body.type,
        name: body.name,
        location: placed.location,
        path: placed.path,
        ...(placed.buildingId ? { buildingId: placed.buildingId } : {}),
        ...(placed.siteId ? { siteId: placed.siteId } : {}),
        installedAt: body.installedAt ? new Date(body.installedAt).toISOString() : new Date().toISOString(),
      }
      registry.insert([entry])
      return reply.code(201).send(fastify.sensors.view(entry))
    },
  )

  fastify.patch(
    '/api/v1/sensors/:id',
    {
      onRequest: producerOrUser,
      schema: {
        tags: ['sensors'],
        summary: 'Correct a sensor’s location, building, site, type or name',
        description: 'A new building without a new location moves the sensor to the building’s centre; `null` removes the building or site. A street user edits only their street’s sensors, and only within it.',
        security: [{ apiKey: [] }, { bearer: [] }],
        params: Params,
        body: SensorPatch,
        response: { 200: SensorView, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      if (caller.kind === 'read-only') throw httpError(403, 'your role is read-only')
      const current = visible(request.params.id, caller)
      const patch = request.body
      const buildingChanged = patch.buildingId !== undefined && patch.buildingId !== (current.buildingId ?? null)
      const buildingId = patch.buildingId === undefined ? current.buildingId : (patch.buildingId ?? undefined)
      // A new building takes its own compound unless a site is given; removing the building keeps the site.
      const siteId = patch.siteId !== undefined ? (patch.siteId ?? undefined) : buildingChanged && buildingId ? undefined : current.siteId
      const location = patch.location ?? (buildingChanged && buildingId ? undefined : current.location)
      const placed = place({ location, buildingId, siteId })
      if (caller.street && placed.path.street !== caller.street) throw httpError(403, `your scope is street ${caller.street}; the new location is in ${placed.path.street}`)
      const { buildingId: _b, siteId: _s, ...rest } = current
      const entry: SensorEntry = {
        ...rest,
        type: patch.type ?? current.type,
        name: patch.name ?? current.name,
        location: placed.location,
        path: placed.path,
        ...(placed.buildingId ? { buildingId: placed.buildingId } : {}),
        ...(placed.siteId ? { siteId: placed.siteId } : {}),
      }
      registry.update(entry)
      return fastify.sensors.view(entry)
    },
  )

  fastify.post(
    '/api/v1/sensors/events',
    {
      onRequest: fastify.requireProducer,
      compress: false,
      config: {
        rateLimit: {
          max: fastify.config.RATE_LIMIT_INGEST,
          timeWindow: '1 minute',
          keyGenerator: (req) => String(req.headers['x-api-key'] ?? req.ip),
        },
      },
      schema: {
        tags: ['ingest', 'sensors'],
        summary: `Sensor messages: one, or a batch of up to ${MAX_BATCH.toLocaleString('en')}`,
        description: '`alarm`, `normal` and `fault` become sensor events (an alarm opens or repeats the sensor’s alarm); `heartbeat` only records the sensor as heard from. Any unknown sensor or bad message refuses the whole batch.',
        security: [{ apiKey: [] }],
        body: Type.Union([SensorMessage, Type.Array(SensorMessage, { minItems: 1, maxItems: MAX_BATCH })]),
        response: { 201: EventsReply, 400: ErrorReply, 401: ErrorReply, 413: ErrorReply },
      },
      validatorCompiler: () => (data) => {
        const result = checkSensorMessages(data)
        if (result.ok) return { value: data }
        fastify.metrics.ingestRejected.inc()
        return { error: httpError(400, result.message, result.details) }
      },
    },
    async (request, reply) => {
      const messages = Array.isArray(request.body) ? request.body : [request.body]
      const { results, heartbeats } = await fastify.sensors.ingestMessages(messages)
      return reply.code(201).send({
        accepted: results.filter((r) => !r.duplicate).length,
        heartbeats,
        events: results.map(({ id, seq, sourceId, duplicate }) => ({ id, seq, sourceId, duplicate })),
      })
    },
  )
}
export default sensors
