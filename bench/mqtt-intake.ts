/**
 * MQTT intake: messages/s from publishing N sensor messages at QoS 1 to
 * `gridwatch/sensors/<sensorId>/events` until Gridwatch has handled them all (its
 * `gridwatch_mqtt_messages_total`, every outcome), against a bare mqtt.js subscriber that only counts
 * the same N on the same broker. The mix is the sensor-ingest one (mostly heartbeats), real registry
 * ids. Each subscriber runs in its own process; the publisher is the bench process and stays at most
 * 800 messages ahead of what the subscriber has handled (see `MAX_AHEAD`).
 */
import mqtt from 'mqtt'
import { startChildServer, type ChildServer } from './child-server.ts'
import { fetchSensors, sensorMessages } from './sensor-ingest.ts'

export const MQTT_URL = process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883'

/** Whether the broker answers a CONNECT within a couple of seconds. */
export async function brokerReachable(url = MQTT_URL): Promise<boolean> {
  try {
    const probe = await mqtt.connectAsync(url, { connectTimeout: 2000, reconnectPeriod: 0 })
    await probe.endAsync()
    return true
  } catch {
    return false
  }
}

/**
 * Mosquitto keeps at most 1,000 QoS 1 messages queued for a subscriber (`max_queued_messages`) and
 * drops the rest, so the publisher stays at most this many ahead of what the subscriber has handled.
 */
const MAX_AHEAD = 800

/**
 * Publishes every payload to its topic at QoS 1 and resolves once `handled()` counts them all: the
 * publisher tops up to `MAX_AHEAD` in front of the count. It polls the count about when half of that
 * lead should be used up at the rate seen so far (5–200 ms): often enough to keep the queue fed,
 * rarely enough that scraping Gridwatch's `/metrics` (a few ms each) costs it little. Throws when the
 * count stops moving for `stallMs`.
 */
async function publishUntilHandled(url: string, messages: ReadonlyArray<{ topic: string; payload: string }>, handled: () => Promise<number>, stallMs = 30_000): Promise<void> {
  const client = await mqtt.connectAsync(url, { clientId: `bench-pub-${process.pid}`, reconnectPeriod: 0 })
  const acks: Array<Promise<unknown>> = []
  const started = performance.now()
  let done = 0
  let movedAt = started
  while (done < messages.length) {
    for (const upTo = Math.min(messages.length, done + MAX_AHEAD); acks.length < upTo;) {
      const m = messages[acks.length]!
      acks.push(client.publishAsync(m.topic, m.payload, { qos: 1 }))
    }
    const perMs = done / Math.max(1, performance.now() - started)
    await new Promise((r) => setTimeout(r, perMs > 0 ? Math.min(200, Math.max(5, MAX_AHEAD / 2 / perMs)) : 20))
    const now = await handled()
    if (now !== done) [done, movedAt] = [now, performance.now()]
    else if (performance.now() - movedAt > stallMs) throw new Error(`stalled at ${done} of ${messages.length} messages`)
  }
  await Promise.all(acks)
  await client.endAsync()
}

/** Gridwatch's MQTT payloads handled so far, every outcome, from `/metrics`. */
async function handled(server: ChildServer): Promise<{ all: number; notAccepted: number }> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  let all = 0
  let notAccepted = 0
  for (const m of text.matchAll(/^gridwatch_mqtt_messages_total\{outcome="(\w+)"\} (\d+)/gm)) {
    all += Number(m[2])
    if (m[1] !== 'accepted') notAccepted += Number(m[2])
  }
  return { all, notAccepted }
}

/** Null when no broker answers at `MQTT_URL`. */
export async function benchMqttIntake(total: number) {
  if (!(await brokerReachable())) return null
  const env = { BENCH_MQTT_URL: MQTT_URL }

  const server = await startChildServer('gridwatch.ts', env)
  let messages: Array<{ topic: string; payload: string }>, ours: number, notAccepted: number
  try {
    const sensors = await fetchSensors(server.url)
    messages = sensorMessages(sensors, total, `mqtt${Date.now()}`).map(({ sensorId, ...m }) => ({
      topic: `gridwatch/sensors/${encodeURIComponent(sensorId)}/events`,
      payload: JSON.stringify(m),
    }))
    const before = await handled(server)
    const t0 = performance.now()
    await publishUntilHandled(MQTT_URL, messages, async () => (await handled(server)).all - before.all)
    ours = total / ((performance.now() - t0) / 1000)
    notAccepted = (await handled(server)).notAccepted - before.notAccepted
  } finally {
    // A failed run must not leave a subscriber behind to take the next run's messages.
    await server.stop()
  }

  const bare = await startChildServer('bare-mqtt.ts', env)
  let peer: number
  try {
    const t1 = performance.now()
    await publishUntilHandled(MQTT_URL, messages, async () => Number(await (await fetch(bare.url)).text()))
    peer = total / ((performance.now() - t1) / 1000)
  } finally {
    await bare.stop()
  }
  return { ours, peer, notAccepted }
}
