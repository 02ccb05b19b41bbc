/**
 * Authentication: producers by API key, users by signed token (@fastify/jwt). Routes opt in with
 * `onRequest: fastify.requireUser` or `fastify.requireProducer`; scope is read from `request.user`.
 */
import fp from 'fastify-plugin'
import jwt from '@fastify/jwt'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PublicUser } from '../../domain/auth.ts'
import { createDemoUsers, loadUsersFile, type UserDirectory } from '../auth/user-directory.ts'
import { DEMO_PRODUCER_KEY, parseProducerKeys, type ProducerKeys } from '../auth/producer-keys.ts'
import { httpError } from '../http-error.ts'

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: PublicUser
    user: PublicUser
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    users: UserDirectory
    producerKeys: ProducerKeys
    issueToken(user: PublicUser): string
    /** Verifies a user token (also used by the socket handshake); throws when invalid. */
    verifyToken(token: string): PublicUser
    requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void>
    requireProducer(request: FastifyRequest, reply: FastifyReply): Promise<void>
  }
  interface FastifyRequest {
    producer?: string
  }
}

function loadSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured
  const file = join(resolve(dataDir), 'jwt-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(resolve(dataDir), { recursive: true })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export default fp(
  async (fastify) => {
    const { config, district } = fastify
    const streetIds = district.streets.map((s) => s.properties.id)
    const districtId = district.district.properties.id
    const demo = config.GRIDWATCH_MODE === 'demo'

    const users = demo ? await createDemoUsers(districtId, streetIds) : loadUsersFile(config.USERS_FILE!, districtId, streetIds)
    const producerKeys = parseProducerKeys([demo ? `demo:${DEMO_PRODUCER_KEY}` : '', config.PRODUCER_KEYS ?? ''].join(','))

    await fastify.register(jwt, { secret: loadSecret(config.DATA_DIR, config.JWT_SECRET) })

    fastify.decorate('users', users)
    fastify.decorate('producerKeys', producerKeys)
    fastify.decorate('issueToken', (user: PublicUser) =>
      fastify.jwt.sign(
        { username: user.username, role: user.role, scope: user.scope },
        { expiresIn: user.role === 'wall' ? config.WALL_TOKEN_TTL : config.TOKEN_TTL },
      ),
    )
    fastify.decorate('verifyToken', (token: string) => {
      const { username, role, scope } = fastify.jwt.verify<PublicUser>(token)
      return { username, role, scope }
    })
    fastify.decorate('requireUser', async (request: FastifyRequest) => {
      try {
        await request.jwtVerify()
      } catch {
        throw httpError(401, 'a valid user token is required (Authorization: Bearer <token>)')
      }
    })
    fastify.decorate('requireProducer', async (request: FastifyRequest) => {
      const header = request.headers['x-api-key']
      const name = producerKeys.identify(Array.isArray(header) ? header[0] : header)
      if (!name) throw httpError(401, 'a valid producer key is required (X-Api-Key)')
      request.producer = name
    })
  },
  { name: 'auth', dependencies: ['config', 'district'] },
)
