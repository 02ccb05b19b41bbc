/**
 * The peer for delivery latency: a bare Socket.IO server that broadcasts each posted batch to every
 * client at once, with no validation, storage, scoping or coalescing. It sends the same payloads
 * as Gridwatch (the stored-event shape: id, seq, receivedAt, path, outside), so clients parse as much.
 */
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { answerMemoryProbes } from './memory-probe.ts'

let seq = 0
const path = { district: '510108', street: '510108001', community: null, grid: null, microgrid: null }
const http = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const receivedAt = new Date().toISOString()
    const events = (JSON.parse(Buffer.concat(chunks).toString()) as Array<Record<string, unknown>>).map((e) => ({
      id: randomUUID(), seq: ++seq, ...e, severity: e.severity ?? 'minor', receivedAt, path, outside: false, attrs: e.attrs ?? {},
    }))
    io.emit('events', { seq, events })
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: events.length }))
  })
})
const io = new Server(http, { serveClient: false, transports: ['websocket'] })
http.listen(0, '127.0.0.1', () => {
  const address = http.address()
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
})
answerMemoryProbes()
process.on('SIGTERM', () => process.exit(0))
