/**
 * Sensor intake over MQTT (DESIGN §4), when `MQTT_URL` is set: subscribes to
 * `gridwatch/sensors/+/events` at QoS 1, the `+` being the sensor id. A payload is the HTTP body's
 * shape (one message or an array); a message may leave `sensorId` out and take the topic's.
 *
 * A QoS 1 message is acknowledged to the broker only after its events are committed, so a crash
 * before then gets it redelivered (the sourceId makes the redelivery a duplicate). Bad payloads are
 * counted, logged and acknowledged: redelivering them would never make them good.
 */
import fp from 'fastify-plugin'
import mqtt, { type MqttClient } from 'mqtt'
import { hostname } from 'node:os'
import { Counter } from 'prom-client'
import type { HttpError } from '../http-error.ts'
import { checkSensorMessages } from '../sensors/check-messages.ts'

export const SENSOR_TOPIC = 'gridwatch/sensors/+/events'
const TOPIC_RE = /^gridwatch\/sensors\/([^/]+)\/events$/

export interface MqttIntake {
  /** Resolves once subscribed (again after each reconnect, it is the first time that counts). */
  subscribed: Promise<void>
  client: MqttClient
}

declare module 'fastify' {
  interface FastifyInstance {
    mqttIntake?: MqttIntake
  }
}

export default fp(
  async (fastify) => {
    const url = fastify.config.MQTT_URL
    if (!url) return
    const log = fastify.log.child({ module: 'mqtt' })
    const counter = new Counter({
      name: 'gridwatch_mqtt_messages_total',
      help: 'MQTT sensor payloads by outcome (accepted, bad, failed)',
      labelNames: ['outcome'],
      registers: [fastify.metrics.registry],
    })

    const client = mqtt.connect(url, {
      clientId: `gridwatch-${hostname()}-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
    })

    client.handleMessage = (packet, done) => {
      handle(packet.topic, packet.payload)
        .then(() => done())
        .catch((err: unknown) => {
          // Not committed (the store failed): no acknowledgement, so the broker redelivers it.
          counter.inc({ outcome: 'failed' })
          log.error({ err, topic: packet.topic }, 'MQTT sensor payload not stored')
          done(err as Error)
        })
    }

    async function handle(topic: string, payload: Buffer | string): Promise<void> {
      const match = TOPIC_RE.exec(topic)
      const bad = (reason: string, details?: unknown) => {
        counter.inc({ outcome: 'bad' })
        log.warn({ topic, reason, details }, 'bad MQTT sensor payload')
      }
      if (!match) return bad('topic is not gridwatch/sensors/<sensorId>/events')
      let body: unknown
      try {
        body = JSON.parse(payload.toString())
      } catch {
        return bad('payload is not JSON')
      }
      const checked = checkSensorMessages(body, decodeURIComponent(match[1] as string))
      if (!checked.ok) return bad(checked.message, checked.details)
      try {
        await fastify.sensors.ingestMessages(checked.messages)
        counter.inc({ outcome: 'accepted' })
      } catch (err) {
        const status = (err as HttpError).statusCode
        if (status !== undefined && status >= 400 && status < 500) return bad((err as Error).message, (err as HttpError).details)
        throw err
      }
    }

    let subscribedOnce: () => void = () => {}
    const subscribed = new Promise<void>((resolve) => (subscribedOnce = resolve))
    client.on('connect', () => {
      client.subscribe(SENSOR_TOPIC, { qos: 1 }, (err) => {
        if (err) log.error({ err }, `MQTT subscribe to ${SENSOR_TOPIC} failed`)
        else {
          log.info({ topic: SENSOR_TOPIC }, 'MQTT sensor intake subscribed')
          subscribedOnce()
        }
      })
    })
    // A broker that is down is not fatal: the client keeps reconnecting, and HTTP intake works meanwhile.
    client.on('error', (err) => log.warn({ err }, 'MQTT client error'))
    client.on('offline', () => log.warn('MQTT broker unreachable; reconnecting'))

    fastify.decorate('mqttIntake', { subscribed, client })
    // Stop taking messages before the store closes; one being handled finishes first.
    fastify.addHook('preClose', async () => {
      await client.endAsync()
    })
  },
  { name: 'mqtt-intake', dependencies: ['config', 'sensors', 'metrics'] },
)
