/**
 * The composition root: external plugins, then app plugins, then routes (STYLE.md). Tests build
 * this same app; `server.ts` only starts the process.
 */
import Fastify, { LogController, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import rateLimit from '@fastify/rate-limit'
import compress from '@fastify/compress'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { Config } from './config.ts'
import { errorBody } from './http-error.ts'
import configPlugin from './plugins/config.ts'
import securityHeaders from './plugins/security-headers.ts'
import metricsPlugin from './plugins/metrics.ts'
import districtPlugin from './plugins/district.ts'
import sitesPlugin from './plugins/sites.ts'
import storePlugin from './plugins/store.ts'
import operationsDbPlugin from './plugins/operations-db.ts'
import busPlugin from './plugins/bus.ts'
import authPlugin from './plugins/auth.ts'
import pipelinePlugin from './plugins/pipeline.ts'
import realtimePlugin from './plugins/realtime.ts'
import simulationPlugin from './plugins/simulation.ts'
import basemapPlugin from './plugins/basemap.ts'
import warningsPlugin from './plugins/warnings.ts'
import camerasPlugin from './plugins/cameras.ts'
import sensorsPlugin from './plugins/sensors.ts'
import mqttIntakePlugin from './plugins/mqtt-intake.ts'
import casesPlugin from './plugins/cases.ts'
import kpiPlugin from './plugins/kpi.ts'
import riskPlugin from './plugins/risk.ts'
import autoHotspotsPlugin from './plugins/auto-hotspots.ts'
import unitsPlugin from './plugins/units.ts'
import dispatchRealtimePlugin from './plugins/dispatch-realtime.ts'
import briefingPlugin from './plugins/briefing.ts'
import healthRoutes from './routes/health.ts'
import authRoutes from './routes/auth.ts'
import eventRoutes from './routes/events.ts'
import incidentRoutes from './routes/incidents.ts'
import open311Routes from './routes/open311.ts'
import geoRoutes from './routes/geo.ts'
import geoSitesRoutes from './routes/geo-sites.ts'
import basemapRoutes from './routes/basemap.ts'
import capRoutes from './routes/cap.ts'
import warningsRoutes from './routes/warnings.ts'
import cameraRoutes from './routes/cameras.ts'
import detectionRoutes from './routes/detections.ts'
import hotspotRoutes from './routes/hotspots.ts'
import snapshotRoutes from './routes/snapshots.ts'
import sensorRoutes from './routes/sensors.ts'
import alarmRoutes from './routes/alarms.ts'
import caseRoutes from './routes/cases.ts'
import kpiRoutes from './routes/kpi.ts'
import riskRoutes from './routes/risk.ts'
import briefingRoutes from './routes/briefings.ts'
import unitRoutes from './routes/units.ts'
import replayRoutes from './routes/replay.ts'
import webRoutes from './routes/web.ts'

export interface BuildOptions {
  logger?: FastifyServerOptions['logger']
}

export async function buildApp(config: Config, opts: BuildOptions = {}) {
  const app = Fastify({
    logger: opts.logger ?? { level: config.LOG_LEVEL },
    // One line per request would drown the log at ingest rates; failures are logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.BODY_LIMIT,
    // Kept-alive producer connections must not hold a shutdown open.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Producers send JSON (or CAP XML, or Open311 forms, each parsed by its own route): a text/plain
  // body is refused with 415 rather than read as a string that fails later with a vaguer 400.
  app.removeContentTypeParser('text/plain')

  // 1. External plugins
  await app.register(configPlugin, { config })
  await app.register(securityHeaders)
  await app.register(rateLimit, { global: true, max: config.RATE_LIMIT_READ, timeWindow: '1 minute' })
  await app.register(compress, { threshold: 1024 })
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gridwatch (网格哨) API', version: '0.1.0', description: 'Ingest, reads and realtime contract: see README and DESIGN §4.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })

  // 2. App plugins
  await app.register(metricsPlugin)
  await app.register(districtPlugin)
  await app.register(sitesPlugin)
  await app.register(storePlugin)
  await app.register(operationsDbPlugin)
  await app.register(busPlugin)
  await app.register(authPlugin)
  await app.register(pipelinePlugin)
  await app.register(realtimePlugin)
  await app.register(simulationPlugin)
  await app.register(basemapPlugin)
  await app.register(warningsPlugin)
  await app.register(camerasPlugin)
  await app.register(sensorsPlugin)
  await app.register(mqttIntakePlugin)
  await app.register(casesPlugin)
  await app.register(kpiPlugin)
  await app.register(riskPlugin)
  await app.register(autoHotspotsPlugin)
  await app.register(unitsPlugin)
  await app.register(dispatchRealtimePlugin)
  await app.register(briefingPlugin)

  // 3. Routes
  await app.register(healthRoutes)
  await app.register(authRoutes)
  await app.register(eventRoutes)
  await app.register(incidentRoutes)
  await app.register(open311Routes, { prefix: '/open311/v2' })
  await app.register(geoRoutes)
  await app.register(geoSitesRoutes)
  await app.register(basemapRoutes)
  await app.register(capRoutes)
  await app.register(warningsRoutes)
  await app.register(cameraRoutes)
  await app.register(detectionRoutes)
  await app.register(hotspotRoutes)
  await app.register(snapshotRoutes)
  await app.register(sensorRoutes)
  await app.register(alarmRoutes)
  await app.register(caseRoutes)
  await app.register(kpiRoutes)
  await app.register(riskRoutes)
  await app.register(briefingRoutes)
  await app.register(unitRoutes)
  await app.register(replayRoutes)
  await app.register(webRoutes)

  // A request stuck mid-body must not hold a shutdown open forever: after a grace period the
  // remaining connections are cut. Nothing acknowledged is lost by this; unanswered requests
  // were never acknowledged, and what reached the store is committed before it closes.
  app.addHook('preClose', async () => {
    setTimeout(() => app.server.closeAllConnections(), config.SHUTDOWN_GRACE_MS).unref()
  })

  app.setErrorHandler((err: Error & { statusCode?: number; details?: unknown; validation?: Array<{ instancePath: string; message?: string }> }, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500
    if (status >= 500) request.log.error({ err }, 'request failed')
    const details = err.details ?? err.validation?.map((v) => ({ path: v.instancePath, message: v.message }))
    return reply.code(status).send(errorBody(status, status >= 500 ? 'internal server error' : err.message, details))
  })

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
