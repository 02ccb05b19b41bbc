/**
 * The peer for single-event POSTs: a bare Fastify route that parses the JSON and answers 201; and for
 * Open311 POSTs, one that parses the form and answers with an id.
 */
import Fastify from 'fastify'
import formbody from '@fastify/formbody'

const app = Fastify({ logger: false, bodyLimit: 16 * 1024 * 1024 })
let seq = 0
app.post('/api/v1/events', async (request, reply) => {
  const body = request.body as { sourceId?: string }
  return reply.code(201).send({ accepted: 1, events: [{ id: String(++seq), seq, sourceId: body.sourceId ?? '', duplicate: false }] })
})
await app.register(formbody)
app.post('/open311/v2/requests.json', async (request) => {
  const body = request.body as { account_id?: string }
  return [{ service_request_id: String(++seq), service_notice: null, account_id: body.account_id ?? null }]
})
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
