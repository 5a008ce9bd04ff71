/**
 * Writes come from the app itself: JSON only, and an Origin equal to the server's own.
 * A form on another site can neither send JSON without a CORS preflight (which this
 * server never grants) nor forge an Origin, so this stops cross-site requests.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { sendProblem } from './problems'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export function installWriteGuard(app: FastifyInstance, publicOrigin: string | null): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') {
      return sendProblem(reply, 415, 'Send the request body as JSON (Content-Type: application/json).')
    }
    const origin = request.headers.origin
    const expected = publicOrigin ?? ownOrigin(request)
    if (origin !== expected) {
      return sendProblem(
        reply,
        403,
        origin === undefined
          ? `Writes must carry an Origin header equal to ${expected}.`
          : `Writes from ${origin} are refused: only ${expected} may change incidents.`,
      )
    }
  })
}

/** The origin the request names (X-Forwarded-Proto/Host count only from trusted proxies, via Fastify's trustProxy). */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}
