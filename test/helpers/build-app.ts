/**
 * Builds the real app on a random port over a fresh SQLite file (STYLE.md: tests build the real
 * app). `restart()` closes it and starts a new one on the same file, as a process restart would.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { io as connect, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../domain/socket.ts'
import type { IngestItem } from '../../domain/event.ts'
import { buildApp, type App } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'

export const PRODUCER_KEY = 'demo-producer-key'
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface TestServer {
  app: App
  url: string
  dataDir: string
  login(username: string, password?: string): Promise<string>
  ingest(body: unknown): Promise<Response>
  socket(auth: HandshakeAuth): ClientSocket
  /** Stops the app but keeps its data, as a stopped process would. */
  stop(): Promise<void>
  /** Starts the app again on the same file and port. */
  start(): Promise<void>
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gridwatch-test-'))
  const config = loadConfig({
    GRIDWATCH_MODE: 'demo', SIMULATION: 'off', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env,
  })
  const sockets: ClientSocket[] = []
  const server: TestServer = {
    app: undefined as unknown as App,
    url: '',
    dataDir,
    async login(username, password = 'demo') {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
      })
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`)
      return ((await res.json()) as { token: string }).token
    },
    ingest(body) {
      return fetch(`${server.url}/api/v1/events`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY }, body: JSON.stringify(body),
      })
    },
    socket(auth) {
      const s: ClientSocket = connect(server.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true })
      sockets.push(s)
      return s
    },
    stop: () => server.app.close(),
    start: () => boot(),
    async restart() {
      await server.app.close()
      await boot()
    },
    async close() {
      for (const s of sockets) s.disconnect()
      await server.app.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  let port = 0
  // A restart listens on the same port, as a restarted process would, so clients can reconnect.
  async function boot() {
    server.app = await buildApp(config, { logger: false })
    await server.app.listen({ port, host: '127.0.0.1' })
    port = (server.app.server.address() as { port: number }).port
    const address = server.app.server.address()
    server.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  }
  await boot()
  return server
}

/** A valid ingest item inside the generated district's street `street` (a point from `pointIn`). */
export function hotlineItem(sourceId: string, lng: number, lat: number, extra: Partial<IngestItem> = {}): IngestItem {
  return {
    source: 'hotline',
    sourceId,
    category: 'noise',
    occurredAt: new Date().toISOString(),
    location: { lng, lat },
    title: '夜间施工噪声扰民',
    ...extra,
  } as IngestItem
}

/** Resolves with the first value `pick` returns for an emitted payload, or rejects after `ms`. */
export function waitFor<T, A>(socket: ClientSocket, event: keyof ServerToClientEvents, pick: (a: A) => T | undefined, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler as never)
      reject(new Error(`timed out waiting for ${String(event)}`))
    }, ms)
    const handler = (a: A) => {
      const v = pick(a)
      if (v !== undefined) {
        clearTimeout(timer)
        socket.off(event, handler as never)
        resolve(v)
      }
    }
    socket.on(event, handler as never)
  })
}
