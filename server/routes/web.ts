/**
 * Serves the built web app (`dist/web`) and answers every other unknown GET that wants HTML with
 * its index page, so `/wall` and `/login` work on reload. Unknown `/api` paths get a JSON 404.
 */
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { errorBody } from '../http-error.ts'

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url))
const INDEX = `${WEB_ROOT}index.html`

const web: FastifyPluginAsync = async (fastify) => {
  if (!existsSync(INDEX)) fastify.log.warn(`the web app is not built (${WEB_ROOT}); run 'npm run build' or 'npm start'`)
  mkdirSync(WEB_ROOT, { recursive: true })
  await fastify.register(fastifyStatic, {
    root: WEB_ROOT,
    // Files are looked up per request, so a rebuild is served without a restart.
    wildcard: true,
    // `/` serves the app too (it then routes a signed-in user to their home: the wall, or a street's post).
    index: ['index.html'],
    cacheControl: false,
    // Vite's hashed assets never change; everything else (index.html) must be revalidated.
    setHeaders: (res, path) =>
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  })

  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && (request.headers.accept ?? '').includes('text/html')
    if (!wantsPage) return reply.code(404).send(errorBody(404, `no route ${request.method} ${request.url.split('?')[0]}`))
    if (!existsSync(INDEX)) return reply.code(503).type('text/plain; charset=utf-8').send("The web app is not built yet: run 'npm run build'.\n")
    return reply.sendFile('index.html')
  })
}
export default web
