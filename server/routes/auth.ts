/** `POST /api/v1/auth/login`: username and password for a signed token (DESIGN §4, user auth). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { LoginBody, LoginReply, PublicUser } from '../../domain/auth.ts'
import { ErrorReply } from '../schemas.ts'
import { httpError } from '../http-error.ts'

const auth: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: { max: fastify.config.RATE_LIMIT_LOGIN, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginReply, 401: ErrorReply } },
    },
    async (request) => {
      const user = await fastify.users.authenticate(request.body.username, request.body.password)
      if (!user) throw httpError(401, 'wrong username or password')
      return { token: fastify.issueToken(user), user }
    },
  )

  fastify.get(
    '/api/v1/auth/me',
    { onRequest: fastify.requireUser, schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: PublicUser } } },
    async (request) => request.user,
  )
}
export default auth
