import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, startTestServer, PRODUCER_KEY } from '../helpers/build-app.ts'

describe('durability', () => {
  it('keeps every acknowledged event across a restart on the same file, and seq continues', async () => {
    const server = await startTestServer()
    try {
      const rng = createRandom('restart')
      const items = Array.from({ length: 300 }, (_, i) => {
        const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[i % 11]!)
        return hotlineItem(`restart-${i}`, lng, lat)
      })
      const acked = (await (await server.ingest(items)).json()).events as Array<{ id: string; seq: number }>
      await server.restart()
      const token = await server.login('district')
      const list = await (await fetch(`${server.url}/api/v1/events?limit=5000`, { headers: { authorization: `Bearer ${token}` } })).json()
      expect(list.events.map((e: { id: string }) => e.id)).toEqual(acked.map((a) => a.id))
      const next = await (await server.ingest(hotlineItem('after-restart', 104.1, 30.67))).json()
      expect(next.events[0].seq).toBe(acked.at(-1)!.seq + 1)
      // A duplicate sent before the restart is still recognised after it.
      const dup = await (await server.ingest(items[0])).json()
      expect(dup.events[0]).toMatchObject({ id: acked[0]!.id, duplicate: true })
    } finally {
      await server.close()
    }
  })

  it('drains in-flight writes on a graceful shutdown: every 201 is stored', async () => {
    const server = await startTestServer()
    try {
      const rng = createRandom('drain')
      const posts = Array.from({ length: 40 }, (_, i) => {
        const batch = Array.from({ length: 50 }, (_, j) => {
          const [lng, lat] = randomPointInPolygon(rng, server.app.district.streets[(i + j) % 11]!)
          return hotlineItem(`drain-${i}-${j}`, lng, lat)
        })
        return server.ingest(batch).then(async (r) => (r.status === 201 ? ((await r.json()).events as Array<{ id: string }>) : []), () => [])
      })
      // Close as soon as the first reply is in, with the rest on their way: intake stops, and what
      // was taken in is committed before the store closes.
      await Promise.race(posts)
      await server.stop()
      const acked = (await Promise.all(posts)).flat().map((e) => e.id)
      await server.start()
      const token = await server.login('district')
      const list = await (await fetch(`${server.url}/api/v1/events?limit=5000`, { headers: { authorization: `Bearer ${token}` } })).json()
      const stored = new Set(list.events.map((e: { id: string }) => e.id))
      expect(acked.length).toBeGreaterThan(0)
      expect(acked.filter((id) => !stored.has(id))).toEqual([])
    } finally {
      await server.close()
    }
  })

  describe('kill -9', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gridwatch-kill-'))
    let child: ChildProcess | undefined
    afterAll(() => {
      child?.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    })

    function start(port: number): Promise<ChildProcess> {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
        env: { ...process.env, GRIDWATCH_MODE: 'demo', SIMULATION: 'off', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      return new Promise((resolve, reject) => {
        let out = ''
        proc.stdout!.on('data', (d: Buffer) => {
          out += d.toString()
          if (out.includes('is running at')) resolve(proc)
        })
        proc.stderr!.on('data', (d: Buffer) => (out += d.toString()))
        proc.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)))
      })
    }

    it('loses nothing that was acknowledged', async () => {
      const port = 20000 + Math.floor(Math.random() * 20000)
      child = await start(port)
      const url = `http://127.0.0.1:${port}`
      const acked: string[] = []
      let n = 0
      let stop = false
      // Several producers post concurrently while the process is killed under them.
      const producer = async () => {
        while (!stop) {
          const batch = Array.from({ length: 20 }, () => hotlineItem(`kill-${n++}`, 104.1, 30.67))
          try {
            const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': PRODUCER_KEY }, body: JSON.stringify(batch) })
            if (res.status === 201) acked.push(...((await res.json()).events as Array<{ id: string }>).map((e) => e.id))
          } catch {
            return
          }
        }
      }
      const producers = Array.from({ length: 4 }, producer)
      await new Promise((r) => setTimeout(r, 1500))
      child.kill('SIGKILL')
      stop = true
      await Promise.all(producers)
      expect(acked.length).toBeGreaterThan(100)

      child = await start(port)
      const login = await (await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'district', password: 'demo' }) })).json()
      const stored = new Set<string>()
      let since = 0
      for (;;) {
        const page = await (await fetch(`${url}/api/v1/events?limit=5000&sinceSeq=${since}`, { headers: { authorization: `Bearer ${login.token}` } })).json()
        for (const e of page.events) stored.add(e.id)
        if (page.events.length < 5000) break
        since = page.lastSeq
      }
      expect(acked.filter((id) => !stored.has(id))).toEqual([])
    })
  })
})
