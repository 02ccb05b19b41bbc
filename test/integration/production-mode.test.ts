import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
  server = await startTestServer({ GRIDWATCH_MODE: 'production', USERS_FILE: usersFile, PRODUCER_KEYS: `hotline:${KEY}` })
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
})
