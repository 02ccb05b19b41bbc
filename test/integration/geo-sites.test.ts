import { check } from '@placemarkio/check-geojson'
import type { FeatureCollection } from 'geojson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/build-app.ts'

let server: TestServer
let token: string
beforeAll(async () => {
  server = await startTestServer()
  token = await server.login('wall')
})
afterAll(() => server.close())

const get = (kind: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1/geo/sites/${kind}.geojson`, { headers: { authorization: `Bearer ${token}`, ...headers } })

describe('GET /api/v1/geo/sites/{kind}.geojson', () => {
  it.each([
    ['dedicated', 516, /^\d{12}D\d{3}$/],
    ['compound', 571, /^\d{15}R\d{2}$/],
    ['building', 15_800, /^\d{15}R\d{5}$/],
  ])('serves %s as valid RFC 7946 GeoJSON, gzipped', async (kind, count, idPattern) => {
    const res = await get(kind, { 'accept-encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const checked = check(await res.text()) // an independent validator: throws on any RFC 7946 violation
    expect(checked.type).toBe('FeatureCollection')
    const fc = checked as FeatureCollection
    expect(fc.features).toHaveLength(count)
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Polygon')
      expect(f.id).toBe(f.properties!.id)
      expect(String(f.id)).toMatch(idPattern)
    }
  })

  it('carries the documented properties', async () => {
    const [dedicated, compound, building] = await Promise.all(['dedicated', 'compound', 'building'].map(async (k) => ((await (await get(k)).json()) as FeatureCollection).features[0]!.properties))
    expect(dedicated).toEqual({ id: expect.any(String), name: expect.any(String), kind: expect.stringMatching(/^(school|hospital|market|construction|park)$/), communityId: expect.any(String), streetId: expect.any(String) })
    expect(compound).toEqual({
      id: expect.any(String), name: expect.stringMatching(/(小区|院落|花园|苑)$/), gridId: expect.any(String), communityId: expect.any(String), streetId: expect.any(String),
      builtYear: expect.any(Number), old: expect.any(Boolean), households: expect.any(Number), elderlyShare: expect.any(Number),
    })
    expect(building).toMatchObject({ name: expect.stringMatching(/^\d+(栋|号楼)$/), compoundId: expect.any(String), floors: expect.any(Number), households: expect.any(Number) })
    expect(Object.keys(building!.path)).toEqual(['district', 'street', 'community', 'grid', 'microgrid'])
  })

  it('sends an ETag and answers 304 to a matching If-None-Match', async () => {
    // fetch asks for gzip unless told otherwise; without it the plain JSON comes back, same ETag.
    const res = await get('compound', { 'accept-encoding': 'identity' })
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(((await res.json()) as FeatureCollection).features).toHaveLength(571)
    const etag = res.headers.get('etag')
    expect(etag).toMatch(/^".+"$/)
    const again = await get('compound', { 'if-none-match': etag! })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect((await get('dedicated')).headers.get('etag')).not.toBe(etag)
  })

  it('refuses a request without a token, and an unknown kind', async () => {
    const res = await fetch(`${server.url}/api/v1/geo/sites/building.geojson`)
    expect(res.status).toBe(401)
    expect((await get('school')).status).toBe(400)
  })

  it('is listed in the OpenAPI document', async () => {
    const doc = await (await fetch(`${server.url}/docs/json`)).json()
    expect(Object.keys(doc.paths)).toContain('/api/v1/geo/sites/{kind}.geojson')
  })
})
