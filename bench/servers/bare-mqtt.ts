/**
 * The peer for MQTT intake: a bare mqtt.js subscriber on Gridwatch's topic at QoS 1 that only counts
 * what arrives (no parsing, no storing), and answers the count on `GET /count` so the bench polls it as
 * it polls Gridwatch's `/metrics`.
 */
import mqtt from 'mqtt'
import { createServer } from 'node:http'
import { SENSOR_TOPIC } from '../../server/plugins/mqtt-intake.ts'

const client = await mqtt.connectAsync(process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883', { clientId: `bench-bare-${process.pid}`, reconnectPeriod: 2000 })
let count = 0
client.on('message', () => void count++)
await client.subscribeAsync(SENSOR_TOPIC, { qos: 1 })

const http = createServer((_req, res) => res.end(String(count)))
http.listen(0, '127.0.0.1', () => {
  const address = http.address()
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
})
process.on('SIGTERM', () => void client.endAsync().then(() => process.exit(0)))
