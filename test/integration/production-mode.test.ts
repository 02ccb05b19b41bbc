import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Camera } from '../../domain/cameras.ts'
import type { Unit } from '../../domain/units.ts'
import { hashPassword } from '../../server/auth/password.ts'
import { hotlineItem, startTestServer, type TestServer } from '../helpers/build-app.ts'

const KEY = 'hotline-gateway-0123456789'
let server: TestServer
const dir = mkdtempSync(join(tmpdir(), 'gridwatch-users-'))

beforeAll(async () => {
  const usersFile = join(dir, 'users.json')
  writeFileSync(usersFile, JSON.stringify([
    { username: 'ops', role: 'district', passwordHash: await hashPassword('s3cret-ops') },
    { username: 'post-2', role: 'street', street: '510108002', passwordHash: await hashPassword('s3cret-post') },
  ]))
  const unitsFile = join(dir, 'units.json')
  writeFileSync(unitsFile, JSON.stringify([
    { id: 'GW-2-001', kind: 'grid_worker', name: '网格员 周敏', home: { street: '510108002', community: '510108002001', grid: '510108002001001' }, location: { lng: 104.1, lat: 30.67 } },
    { id: 'FIRE-2', kind: 'department_team', name: '消防救援 二站', department: 'fire', home: { street: '510108002' }, location: { lng: 104.11, lat: 30.68 } },
  ]))
  const camerasFile = join(dir, 'cameras.json')
  writeFileSync(camerasFile, JSON.stringify([
    { id: '51010800001320000001', name: '猛追湾公园东门', location: { lng: 104.1, lat: 30.66 }, siteKind: 'park' },
  ]))
  server = await startTestServer({
    GRIDWATCH_MODE: 'production', USERS_FILE: usersFile, PRODUCER_KEYS: `hotline:${KEY}`, UNITS_FILE: unitsFile, CAMERAS_FILE: camerasFile,
  })
})
afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('production mode', () => {
  it('has only the users of USERS_FILE, with their scopes', async () => {
    await expect(server.login('district', 'demo')).rejects.toThrow(/401/)
    await expect(server.login('ops', 'wrong')).rejects.toThrow(/401/)
    const token = await server.login('post-2', 's3cret-post')
    const me = await (await fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()
    expect(me).toEqual({ username: 'post-2', role: 'street', scope: { level: 'street', id: '510108002' } })
  })

  it('accepts only the keys of PRODUCER_KEYS', async () => {
    const demo = await server.ingest(hotlineItem('p-1', 104.1, 30.67))
    expect(demo.status).toBe(401)
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: JSON.stringify(hotlineItem('p-1', 104.1, 30.67)),
    })
    expect(res.status).toBe(201)
  })

  it('has the units of UNITS_FILE and no generated ones', async () => {
    const token = await server.login('ops', 's3cret-ops')
    const { units } = await (await fetch(`${server.url}/api/v1/units`, { headers: { authorization: `Bearer ${token}` } })).json() as { units: Unit[] }
    expect(units.map((u) => [u.id, u.status, u.department])).toEqual([['FIRE-2', 'available', 'fire'], ['GW-2-001', 'available', null]])
  })

  it('has the cameras of CAMERAS_FILE, whose detections it takes, and refuses a camera it does not know', async () => {
    const token = await server.login('ops', 's3cret-ops')
    const { cameras } = await (await fetch(`${server.url}/api/v1/cameras`, { headers: { authorization: `Bearer ${token}` } })).json() as { cameras: Camera[] }
    expect(cameras.map((c) => [c.id, c.name])).toEqual([['51010800001320000001', '猛追湾公园东门']])
    expect(cameras[0]!.path.street).toMatch(/^510108\d{3}$/)
    const detect = (cameraId: string) => fetch(`${server.url}/api/v1/detections`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ cameraId, kind: 'dog_unleashed', confidence: 0.9, at: new Date().toISOString(), bbox: [0.1, 0.1, 0.2, 0.2] }),
    })
    expect((await detect('51010800001320000001')).status).toBe(201)
    // A generated demo camera is no camera here.
    expect((await detect('CAM-510108001-0001')).status).toBe(400)
  })

  it('makes no one and nothing up without UNITS_FILE and CAMERAS_FILE: no units, no cameras', async () => {
    const bare = await startTestServer({ GRIDWATCH_MODE: 'production', USERS_FILE: join(dir, 'users.json'), PRODUCER_KEYS: `hotline:${KEY}` })
    try {
      const token = await bare.login('ops', 's3cret-ops')
      const get = async <T>(path: string) => (await (await fetch(`${bare.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T
      expect((await get<{ units: Unit[] }>('/api/v1/units')).units).toEqual([])
      expect((await get<{ cameras: Camera[] }>('/api/v1/cameras')).cameras).toEqual([])
    } finally {
      await bare.close()
    }
  })
})
