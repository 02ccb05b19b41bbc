import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { check } from '@placemarkio/check-geojson'
import type { FeatureCollection } from 'geojson'
import { loadConfig } from '../../server/config.ts'
import { hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('operations', () => {
  it('answers health, readiness and Prometheus metrics', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
    const ready = await (await fetch(`${server.url}/readyz`)).json()
    expect(ready).toMatchObject({ status: 'ready', lastSeq: expect.any(Number), bootId: expect.any(String) })
    await server.ingest(hotlineItem('metrics-1', 104.1, 30.67))
    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    expect(metrics).toMatch(/gridwatch_events_ingested_total\{source="hotline"\} 1/)
    expect(metrics).toMatch(/gridwatch_http_request_duration_seconds_bucket/)
  })

  it('serves OpenAPI with the contract’s routes', async () => {
    const doc = await (await fetch(`${server.url}/docs/json`)).json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/events', '/api/v1/events/{id}', '/api/v1/auth/login', '/api/v1/geo/{level}.geojson']))
    expect((await fetch(`${server.url}/docs`, { redirect: 'manual' })).status).toBeLessThan(400)
  })

  it('sends security headers and JSON errors for unknown API routes', async () => {
    const res = await fetch(`${server.url}/api/v1/nope`)
    expect(res.status).toBe(404)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(await res.json()).toMatchObject({ statusCode: 404, error: 'Not Found' })
  })

  it('logs in demo users with their scope and refuses wrong passwords', async () => {
    const login = (username: string, password: string) =>
      fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
    const ok = await (await login('street-510108003', 'demo')).json()
    expect(ok.user).toEqual({ username: 'street-510108003', role: 'street', scope: { level: 'street', id: '510108003' } })
    expect((await login('district', 'wrong')).status).toBe(401)
    expect((await login('nobody', 'demo')).status).toBe(401)
    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${ok.token}` } })
    expect((await me.json()).role).toBe('street')
  })

  it('serves the street level as GeoJSON with an ETag', async () => {
    const token = await server.login('wall')
    const res = await fetch(`${server.url}/api/v1/geo/street.geojson`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    const fc = await res.json()
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features).toHaveLength(11)
    expect(fc.features[0].properties).toMatchObject({ id: '510108001', level: 'street', parentId: '510108', name: expect.stringMatching(/街道$/) })
    const again = await fetch(`${server.url}/api/v1/geo/street.geojson`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': res.headers.get('etag')! } })
    expect(again.status).toBe(304)
    const levels = await (await fetch(`${server.url}/api/v1/geo/levels`, { headers: { authorization: `Bearer ${token}` } })).json()
    expect(levels).toEqual([
      { level: 'district', count: 1, available: true },
      { level: 'street', count: 11, available: true },
      { level: 'community', count: 83, available: true },
      { level: 'grid', count: 995, available: true },
      { level: 'microgrid', count: 6283, available: true },
    ])
  })

  it.each(['district', 'street', 'community', 'grid', 'microgrid'])('serves the %s level as valid RFC 7946 GeoJSON, gzipped', async (level) => {
    const token = await server.login('wall')
    const res = await fetch(`${server.url}/api/v1/geo/${level}.geojson`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const text = await res.text() // fetch has already gunzipped it
    const checked = check(text) // an independent validator: throws on any RFC 7946 violation
    expect(checked.type).toBe('FeatureCollection')
    const fc = checked as FeatureCollection
    const parentLevel = { district: null, street: 'district', community: 'street', grid: 'community', microgrid: 'grid' }[level]
    for (const f of fc.features) {
      expect(f.id).toBe(f.properties!.id)
      expect(f.properties).toMatchObject({ level, name: expect.any(String) })
      if (parentLevel) expect(String(f.properties!.id).startsWith(String(f.properties!.parentId))).toBe(true)
    }
  })
})

describe('configuration', () => {
  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/)
    expect(() => loadConfig({ GRIDWATCH_MODE: 'demo', SIMULATION: 'maybe' })).toThrow(/SIMULATION/)
    expect(() => loadConfig({ RISK_THRESHOLDS: '20,40' })).toThrow(/RISK_THRESHOLDS="20,40"/)
    expect(() => loadConfig({ GRIDWATCH_MODE: 'demo', RISK_THRESHOLDS: '20,60,40,80' })).toThrow(/RISK_THRESHOLDS="20,60,40,80": four scores rising strictly/)
    expect(() => loadConfig({ GRIDWATCH_MODE: 'demo', RISK_THRESHOLDS: '20,40,60,120' })).toThrow(/at most 100/)
    expect(loadConfig({ GRIDWATCH_MODE: 'demo', RISK_THRESHOLDS: '10,30,50,70.5' }).RISK_THRESHOLDS).toBe('10,30,50,70.5')
  })
  it('refuses production without users and producer keys', () => {
    expect(() => loadConfig({ GRIDWATCH_MODE: 'production' })).toThrow(/USERS_FILE and PRODUCER_KEYS/)
  })
  it('says plainly which scale-out features are not built yet', () => {
    expect(() => loadConfig({ GRIDWATCH_MODE: 'demo', DATABASE_URL: 'postgres://localhost/x' })).toThrow(/not built yet/)
  })
})
