/**
 * Who may log in. Demo mode creates the documented demo users (DESIGN §4); production reads
 * USERS_FILE, a JSON array of `{username, role, street?, passwordHash}` with hashes made by
 * `npm run hash-password`.
 */
import { readFileSync } from 'node:fs'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { Role, type PublicUser } from '../../domain/auth.ts'
import { hashPassword, verifyPassword } from './password.ts'

export const DEMO_PASSWORD = 'demo'

const UserFileEntry = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  role: Role,
  street: Type.Optional(Type.String()),
  passwordHash: Type.String({ pattern: '^scrypt\\$' }),
})
type UserFileEntry = Static<typeof UserFileEntry>

interface UserRecord {
  user: PublicUser
  passwordHash: string
}

export interface UserDirectory {
  authenticate(username: string, password: string): Promise<PublicUser | undefined>
  list(): PublicUser[]
}

function toUser(e: UserFileEntry, districtId: string, streetIds: Set<string>): PublicUser {
  if (e.role === 'street') {
    if (!e.street || !streetIds.has(e.street)) {
      throw new Error(`USERS_FILE: user '${e.username}' has role street but street '${e.street ?? ''}' is not a street of the district`)
    }
    return { username: e.username, role: e.role, scope: { level: 'street', id: e.street } }
  }
  return { username: e.username, role: e.role, scope: { level: 'district', id: districtId } }
}

function directory(records: UserRecord[]): UserDirectory {
  const byName = new Map(records.map((r) => [r.user.username, r]))
  // Same work for unknown users, so response time does not reveal which usernames exist.
  const decoy = records[0]?.passwordHash
  return {
    async authenticate(username, password) {
      const record = byName.get(username)
      const ok = await verifyPassword(password, record?.passwordHash ?? decoy ?? '')
      return record && ok ? record.user : undefined
    },
    list: () => records.map((r) => r.user),
  }
}

export async function createDemoUsers(districtId: string, streetIds: string[]): Promise<UserDirectory> {
  const hash = await hashPassword(DEMO_PASSWORD)
  const entries: UserFileEntry[] = [
    { username: 'district', role: 'district', passwordHash: hash },
    { username: 'leader', role: 'leader', passwordHash: hash },
    { username: 'wall', role: 'wall', passwordHash: hash },
    ...streetIds.map((id) => ({ username: `street-${id}`, role: 'street' as const, street: id, passwordHash: hash })),
  ]
  const ids = new Set(streetIds)
  return directory(entries.map((e) => ({ user: toUser(e, districtId, ids), passwordHash: e.passwordHash })))
}

export function loadUsersFile(file: string, districtId: string, streetIds: string[]): UserDirectory {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`USERS_FILE ${file}: ${(err as Error).message}`)
  }
  const schema = Type.Array(UserFileEntry, { minItems: 1 })
  if (!Value.Check(schema, parsed)) {
    const first = [...Value.Errors(schema, parsed)][0]
    throw new Error(`USERS_FILE ${file}: ${first?.path ?? ''} ${first?.message ?? 'invalid'}`)
  }
  const ids = new Set(streetIds)
  return directory(parsed.map((e) => ({ user: toUser(e, districtId, ids), passwordHash: e.passwordHash })))
}
