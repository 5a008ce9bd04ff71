/** GET /api/session: who the server says you are and what it offers here. */
import type { FastifyInstance } from 'fastify'
import type { SessionResponse } from '@/api/session'

export function sessionRoutes(app: FastifyInstance, offers: { auth: SessionResponse['auth']; slack: boolean; simulator: boolean }): void {
  app.get('/api/session', (request, reply) => {
    const session: SessionResponse = { identity: request.identity, ...offers }
    return reply.send(session)
  })
}
