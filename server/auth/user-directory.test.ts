import { afterAll, describe, expect, it } from 'vitest'
import { jsonFiles } from '../../test/helpers/json-files.ts'
import { loadUsersFile } from './user-directory.ts'

const files = jsonFiles('users')
const write = files.write
afterAll(files.remove)
const STREETS = ['510108001', '510108002']
const HASH = 'scrypt$16384$8$1$c2FsdA$aGFzaA'

describe('loadUsersFile', () => {
  it('gives each user the scope of their role', () => {
    const users = loadUsersFile(write([
      { username: 'ops', role: 'district', passwordHash: HASH },
      { username: 'post-2', role: 'street', street: '510108002', passwordHash: HASH },
    ]), '510108', STREETS)
    expect(users.list().map((u) => [u.username, u.scope])).toEqual([
      ['ops', { level: 'district', id: '510108' }],
      ['post-2', { level: 'street', id: '510108002' }],
    ])
  })

  it('names every problem at once and refuses the file', () => {
    const file = write([
      { username: 'ops', role: 'district', passwordHash: HASH },
      { username: 'post-9', role: 'street', street: '510108009', passwordHash: HASH },
      { username: 'post-x', role: 'street', passwordHash: HASH },
      { username: 'ops', role: 'leader', passwordHash: HASH },
    ])
    expect(() => loadUsersFile(file, '510108', STREETS)).toThrow(new RegExp([
      `^USERS_FILE ${file}: \\[3\\] username 'ops' appears twice`,
      `\\[1\\] post-9: role street but street '510108009' is not a street of the district`,
      `\\[2\\] post-x: role street but street '' is not a street of the district$`,
    ].join('; ')))
    expect(() => loadUsersFile(write([]), '510108', STREETS)).toThrow(/no users: the file needs at least one/)
    expect(() => loadUsersFile(write('{'), '510108', STREETS)).toThrow(/^USERS_FILE .*JSON/)
    expect(() => loadUsersFile(write([{ username: 'x', role: 'admin', passwordHash: HASH }]), '510108', STREETS)).toThrow(/\/0\/role/)
  })
})
