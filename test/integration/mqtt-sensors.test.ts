/**
 * Sensor intake over MQTT against the real broker (Mosquitto on 127.0.0.1:1883): a real client
 * publishes at QoS 1 and the alarm arrives. Without a broker it fails and says how to start one
 * (`.ci/run` starts it), rather than passing without having tested anything.
 */
import mqtt from 'mqtt'
import { connect as tcpConnect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import type { Alarm, SensorView } from '../../domain/sensors.ts'
import { PRODUCER_KEY, startTestServer, type TestServer } from '../helpers/build-app.ts'

const BROKER = 'mqtt://127.0.0.1:1883'

const brokerUp = await new Promise<boolean>((resolve) => {
  const socket = tcpConnect(1883, '127.0.0.1')
  socket.once('connect', () => (socket.destroy(), resolve(true)))
  socket.once('error', () => resolve(false))
})

describe('MQTT sensor intake', () => {
  let server: TestServer
  let publisher: mqtt.MqttClient
  let token: string

  beforeAll(async () => {
    if (!brokerUp) {
      throw new Error('no MQTT broker on 127.0.0.1:1883: install and start Mosquitto (apt-get install -y mosquitto; mosquitto -d -c /etc/mosquitto/mosquitto.conf)')
    }
    server = await startTestServer({ MQTT_URL: BROKER })
    await server.app.mqttIntake!.subscribed
    publisher = await mqtt.connectAsync(BROKER, { clientId: `gridwatch-test-${process.pid}-${Date.now()}` })
    token = await server.login('district')
  })
  afterAll(async () => {
    await publisher?.endAsync()
    await server?.close()
  })

  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T
  const firstSensor = async (type: string) =>
    ((await (await fetch(`${server.url}/api/v1/sensors?type=${type}&limit=1`, { headers: { 'x-api-key': PRODUCER_KEY } })).json()) as { sensors: SensorView[] }).sensors[0]!
  async function until<T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
    const end = Date.now() + ms
    for (;;) {
      const v = await probe()
      if (v !== undefined) return v
      if (Date.now() > end) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  it('takes an alarm published at QoS 1, the sensor id from the topic, and opens the alarm', async () => {
    const s = await firstSensor('smoke')
    const before = server.app.store.lastSeq()
    await publisher.publishAsync(`gridwatch/sensors/${s.id}/events`, JSON.stringify({ state: 'alarm', at: new Date().toISOString(), messageId: 'mqtt-1', value: 0.4 }), { qos: 1 })
    const alarm = await until(async () => (await get<{ alarms: Alarm[] }>(`/api/v1/alarms?sensorId=${s.id}`)).alarms[0])
    expect(alarm).toMatchObject({ sensorId: s.id, type: 'smoke', status: 'active', count: 1 })
    const { events } = await get<{ events: StoredEvent[] }>(`/api/v1/events?source=sensor&sinceSeq=${before}`)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ id: alarm.eventId, sourceId: `${s.id}/mqtt-1`, attrs: { state: 'alarm', alarmId: alarm.id, value: 0.4 } })
  })

  it('takes an array with heartbeats, and counts bad payloads without stopping', async () => {
    const s = await firstSensor('gas')
    const topic = `gridwatch/sensors/${s.id}/events`
    await publisher.publishAsync(topic, '{not json', { qos: 1 })
    await publisher.publishAsync(topic, JSON.stringify([{ sensorId: 'SEN-000000000-00001', state: 'alarm', at: new Date().toISOString() }]), { qos: 1 })
    await publisher.publishAsync('gridwatch/sensors/SEN-999999999-99999/events', JSON.stringify({ state: 'alarm', at: new Date().toISOString() }), { qos: 1 })
    const before = server.app.store.lastSeq()
    await publisher.publishAsync(topic, JSON.stringify([{ state: 'heartbeat', at: new Date().toISOString() }, { state: 'fault', at: new Date().toISOString(), faultCode: 'E1' }]), { qos: 1 })
    const view = await until(async () => {
      const v = (await (await fetch(`${server.url}/api/v1/sensors/${s.id}`, { headers: { 'x-api-key': PRODUCER_KEY } })).json()) as SensorView
      return v.online ? v : undefined
    })
    expect(view.lastSeenAt).not.toBeNull()
    expect(server.app.store.lastSeq()).toBe(before + 1)
    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    expect(metrics).toMatch(/gridwatch_mqtt_messages_total\{outcome="bad"\} 3/)
    expect(metrics).toMatch(/gridwatch_mqtt_messages_total\{outcome="accepted"\} [1-9]/)
  })
})
