/**
 * The peer for delivery latency: a bare Socket.IO server that broadcasts each posted batch to every
 * client at once, with no validation, storage, scoping or coalescing.
 */
import { createServer } from 'node:http'
import { Server } from 'socket.io'

let seq = 0
const http = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const events = (JSON.parse(Buffer.concat(chunks).toString()) as object[]).map((e) => ({ ...e, seq: ++seq }))
    io.emit('events', { seq, events })
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: events.length }))
  })
})
const io = new Server(http, { serveClient: false, transports: ['websocket'] })
http.listen(0, '127.0.0.1', () => {
  const address = http.address()
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
})
process.on('SIGTERM', () => process.exit(0))
