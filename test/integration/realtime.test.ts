import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '../../domain/event.ts'
import type { EventsFrame, ResumeAck, Snapshot } from '../../domain/socket.ts'
import { createRandom, randomPointInPolygon } from '../../geo/index.ts'
import { hotlineItem, startTestServer, waitFor, type ClientSocket, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token: string
const rng = createRandom('realtime-test')
const pointIn = (i: number) => randomPointInPolygon(rng, server.app.district.streets[i]!)

beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('wall')
})
afterAll(() => server.close())

function collect(socket: ClientSocket) {
  const got: StoredEvent[] = []
  const frames: Array<{ at: number; frame: EventsFrame }> = []
  socket.on('events', (frame) => {
    frames.push({ at: Date.now(), frame })
    got.push(...frame.events)
  })
  return { got, frames }
}

async function connected(auth: { token: string; sinceSeq?: number }) {
  const socket = server.socket(auth)
  const snapshot = auth.sinceSeq === undefined ? waitFor<Snapshot, Snapshot>(socket, 'snapshot', (s) => s) : undefined
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return { socket, snapshot: await snapshot }
}

async function until(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('realtime', () => {
  it('refuses a handshake without a valid token', async () => {
    const socket = server.socket({ token: 'forged' })
    const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve))
    expect(err.message).toBe('unauthorized')
  })

  it('sends a snapshot on connect, then the ingested event in an events frame', async () => {
    const [lng, lat] = pointIn(0)
    await server.ingest(hotlineItem('rt-before', lng, lat))
    const { socket, snapshot } = await connected({ token })
    expect(snapshot!.seq).toBe(server.app.store.lastSeq())
    expect(snapshot!.events.map((e) => e.sourceId)).toContain('rt-before')
    expect(snapshot!.counts.total).toBeGreaterThanOrEqual(1)
    expect(snapshot!.scope).toEqual({ level: 'district', id: '510108' })

    const arrived = waitFor<EventsFrame, EventsFrame>(socket, 'events', (f) => (f.events.some((e) => e.sourceId === 'rt-live') ? f : undefined))
    const ack = await (await server.ingest(hotlineItem('rt-live', lng, lat))).json()
    const frame = await arrived
    expect(frame.seq).toBe(frame.events.at(-1)!.seq)
    expect(frame.events.find((e) => e.sourceId === 'rt-live')).toMatchObject({ id: ack.events[0].id, seq: ack.events[0].seq })
    socket.disconnect()
  })

  it('never sends a street socket another street’s event, across 1,000 mixed events', async () => {
    const streets = server.app.district.streets
    const mine = streets[5]!.properties.id
    const streetToken = await server.login(`street-${mine}`)
    const { socket: streetSocket, snapshot } = await connected({ token: streetToken })
    const { socket: districtSocket } = await connected({ token })
    expect(snapshot!.scope).toEqual({ level: 'street', id: mine })
    const street = collect(streetSocket)
    const district = collect(districtSocket)

    const items = Array.from({ length: 1000 }, (_, i) => {
      const [lng, lat] = pointIn(i % streets.length)
      return hotlineItem(`mix-${i}`, lng, lat)
    })
    const acks = (await (await server.ingest(items)).json()).events as Array<{ seq: number }>
    const lastSeq = acks.at(-1)!.seq
    await until(() => district.got.some((e) => e.seq === lastSeq))
    await until(() => street.got.length > 0)
    await new Promise((r) => setTimeout(r, 400))

    expect(district.got.filter((e) => e.sourceId.startsWith('mix-'))).toHaveLength(1000)
    expect(street.got.length).toBe(items.filter((i) => server.app.locator.locate(i.location.lng, i.location.lat).path.street === mine).length)
    expect(street.got.every((e) => e.path.street === mine)).toBe(true)
    streetSocket.disconnect()
    districtSocket.disconnect()
  })

  it('coalesces frames to at most 4 a second per room', async () => {
    const { socket } = await connected({ token })
    const { frames } = collect(socket)
    const [lng, lat] = pointIn(3)
    for (let i = 0; i < 40; i++) {
      await server.ingest(hotlineItem(`burst-${i}`, lng, lat))
      await new Promise((r) => setTimeout(r, 25))
    }
    await until(() => frames.some((f) => f.frame.events.some((e) => e.sourceId === 'burst-39')))
    expect(frames.length).toBeGreaterThan(1)
    expect(frames.length).toBeLessThan(40)
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.at - frames[i - 1]!.at).toBeGreaterThanOrEqual(200)
    socket.disconnect()
  })

  it('resumes with exactly the missed events, none lost and none duplicated', async () => {
    const { socket, snapshot } = await connected({ token })
    const seen = collect(socket)
    const [lng, lat] = pointIn(7)
    await server.ingest(hotlineItem('gap-0', lng, lat))
    await until(() => seen.got.some((e) => e.sourceId === 'gap-0'))
    const lastSeen = seen.got.at(-1)!.seq
    expect(lastSeen).toBeGreaterThan(snapshot!.seq)
    socket.disconnect()

    const missed = Array.from({ length: 120 }, (_, i) => hotlineItem(`gap-${i + 1}`, lng, lat))
    for (let i = 0; i < missed.length; i += 30) await server.ingest(missed.slice(i, i + 30))

    // A reconnect with sinceSeq in the handshake gets the missed events as frames, not a snapshot.
    const again = server.socket({ token, sinceSeq: lastSeen })
    const resumed = collect(again)
    let snapshots = 0
    again.on('snapshot', () => snapshots++)
    await until(() => resumed.got.some((e) => e.sourceId === 'gap-120'))
    // Events that arrive while resuming come as live frames after the missed ones.
    await server.ingest(hotlineItem('after-resume', lng, lat))
    await until(() => resumed.got.some((e) => e.sourceId === 'after-resume'))
    await new Promise((r) => setTimeout(r, 300))
    expect(snapshots).toBe(0)
    expect(resumed.got.map((e) => e.sourceId)).toEqual([...missed.map((m) => m.sourceId), 'after-resume'])
    const seqs = resumed.got.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    again.disconnect()
  })

  it('answers the resume event on an open socket, or a snapshot when too much was missed', async () => {
    const [lng, lat] = pointIn(8)
    const before = server.app.store.lastSeq()
    await server.ingest(Array.from({ length: 10 }, (_, i) => hotlineItem(`res-${i}`, lng, lat)))
    const { socket } = await connected({ token })
    const got = collect(socket)
    const ack = await new Promise<ResumeAck>((resolve) => socket.emit('resume', { sinceSeq: before }, resolve))
    expect(ack).toEqual({ mode: 'events', count: 10 })
    expect(got.got.map((e) => e.sourceId)).toEqual(Array.from({ length: 10 }, (_, i) => `res-${i}`))

    const snap = waitFor<Snapshot, Snapshot>(socket, 'snapshot', (s) => s)
    const far = await new Promise<ResumeAck>((resolve) => socket.emit('resume', { sinceSeq: 10 ** 9 }, resolve))
    expect(far.mode).toBe('snapshot')
    expect((await snap).seq).toBe(server.app.store.lastSeq())
    socket.disconnect()
  })
})
