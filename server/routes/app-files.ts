/**
 * The built app (dist/): hashed assets cached for good, index.html never, and every
 * client-side route answered with index.html. config.json is generated, pointing the app
 * at this server, whatever dist/config.json says (the default build's says "mock").
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from '../http/problems'

export async function appFileRoutes(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir)
  const built = existsSync(resolve(root, 'index.html'))

  app.get('/config.json', async (_request, reply) =>
    reply.header('Cache-Control', 'no-store').send({ backend: 'http', apiBaseUrl: '' }),
  )

  if (built) {
    await app.register(fastifyStatic, {
      root,
      index: 'index.html',
      setHeaders(reply, path) {
        void reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    if (path.startsWith('/api/') || path === '/api' || request.method !== 'GET') {
      return sendProblem(reply, 404, `No endpoint ${request.method} ${path}.`)
    }
    if (!built) {
      return sendProblem(reply, 404, `The app is not built: run npm run build (looked for ${resolve(root, 'index.html')}).`)
    }
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html')
  })
}
