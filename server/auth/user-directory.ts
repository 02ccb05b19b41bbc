/**
 * Who may log in. Demo mode creates the documented demo users (DESIGN §4); production reads
 * USERS_FILE, a JSON array of `{username, role, street?, passwordHash}` with hashes made by
 * `npm run hash-password`.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Role, type PublicUser } from '../../domain/auth.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { readEntries, refuseProblems, repeatedIds } from '../registry/roster-file.ts'

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

/** The user an entry makes (`loadUsersFile` has checked a street user's street is the district's). */
function toUser(e: UserFileEntry, districtId: string): PublicUser {
  if (e.role !== 'street') return { username: e.username, role: e.role, scope: { level: 'district', id: districtId } }
  // Never the district's scope by mistake: a street user without a street is no user at all.
  if (!e.street) throw new Error(`user '${e.username}' has role street but no street`)
  return { username: e.username, role: e.role, scope: { level: 'street', id: e.street } }
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
  return directory(entries.map((e) => ({ user: toUser(e, districtId), passwordHash: e.passwordHash })))
}

export function loadUsersFile(file: string, districtId: string, streetIds: string[]): UserDirectory {
  const entries = readEntries('USERS_FILE', file, UserFileEntry)
  const streets = new Set(streetIds)
  const problems = entries.length === 0 ? ['no users: the file needs at least one'] : repeatedIds(entries.map((e) => e.username), 'username')
  entries.forEach((e, i) => {
    if (e.role === 'street' && (!e.street || !streets.has(e.street))) {
      problems.push(`[${i}] ${e.username}: role street but street '${e.street ?? ''}' is not a street of the district`)
    }
  })
  refuseProblems('USERS_FILE', file, problems)
  return directory(entries.map((e) => ({ user: toUser(e, districtId), passwordHash: e.passwordHash })))
}
