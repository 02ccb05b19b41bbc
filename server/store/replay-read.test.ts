/** The store's replay read over a real SQLite file: what it keeps, in what order, and what it reads of each document. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventStore, NewEvent } from './event-store.ts'
import { createSqliteEventStore } from './sqlite-event-store.ts'

let dir: string
let store: EventStore
const T0 = Date.parse('2026-11-29T01:00:00Z')
const at = (s: number) => new Date(T0 + s * 1000).toISOString()

function event(sourceId: string, receivedS: number, more: Partial<NewEvent> = {}): NewEvent {
  return {
    source: 'incident', sourceId, category: 'fire_hazard', severity: 'moderate',
    occurredAt: at(receivedS - 5), receivedAt: at(receivedS),
    location: { lng: 104.1234567, lat: 30.6712345 },
    path: { district: '510108', street: '510108001', community: null, grid: null, microgrid: null },
    outside: false, attrs: {}, title: `t-${sourceId}`,
    ...more,
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gridwatch-replay-store-'))
  store = createSqliteEventStore(join(dir, 'events.sqlite'))
  await store.append([
    event('late', 30),
    event('early', 10),
    // Received in the same millisecond as `early`, stored after it: seq breaks the tie.
    event('tie', 10, { path: { district: '510108', street: '510108002', community: null, grid: null, microgrid: null } }),
    event('alarm', 12, { source: 'sensor', category: 'smoke', attrs: { sensorId: 'S1', state: 'alarm' } }),
    event('beat', 13, { source: 'sensor', category: 'smoke', attrs: { sensorId: 'S1', state: 'heartbeat' } }),
    event('no-state', 14, { source: 'sensor', category: 'smoke', attrs: { sensorId: 'S2' } }),
    event('det-low', 15, { source: 'detection', category: 'dog_unleashed', attrs: { cameraId: 'C1', confidence: 0.2, alerting: false } }),
    event('det-high', 16, { source: 'detection', category: 'dog_unleashed', attrs: { cameraId: 'C1', confidence: 0.9, alerting: true } }),
    event('det-unjudged', 17, { source: 'detection', category: 'dog_unleashed', attrs: { cameraId: 'C1', confidence: 0.9 } }),
    event('untitled', 18, { title: undefined, path: { district: null, street: null, community: null, grid: null, microgrid: null }, outside: true }),
    event('at-until', 40),
  ])
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const ids = (rows: { title: string | null }[]) => rows.map((r) => r.title ?? '(none)')
const range = { since: at(10), until: at(40), limit: 100 }

describe('store.replay', () => {
  it('keeps [since, until) in the order received, seq breaking ties, without heartbeats or detections below the threshold', () => {
    expect(ids(store.replay(range))).toEqual([
      't-early', 't-tie', 't-alarm', 't-no-state', 't-det-high', 't-det-unjudged', '(none)', 't-late',
    ])
  })

  it('reads the columns and the few document fields the map needs', () => {
    const [early, , alarm] = store.replay(range)
    expect(early).toEqual({
      seq: 2, receivedAt: at(10), source: 'incident', category: 'fire_hazard', severity: 'moderate', street: '510108001',
      lng: 104.1234567, lat: 30.6712345, title: 't-early', state: null,
    })
    expect(alarm).toMatchObject({ source: 'sensor', state: 'alarm' })
    expect(store.replay(range).find((r) => r.title === null)).toMatchObject({ street: null })
  })

  it('keeps to a street, and to the limit', () => {
    expect(ids(store.replay({ ...range, street: '510108002' }))).toEqual(['t-tie'])
    expect(ids(store.replay({ ...range, limit: 2 }))).toEqual(['t-early', 't-tie'])
    expect(store.replay({ ...range, since: at(41), until: at(50) })).toEqual([])
  })
})
