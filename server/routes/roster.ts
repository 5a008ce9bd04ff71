/** GET /api/roster and GET /api/runbooks: the team's on-call roster and any playbooks it serves beyond the runbook's four. */
import type { FastifyInstance } from 'fastify'
import type { Roster } from '@/api/schemas'

export function rosterRoutes(app: FastifyInstance, roster: Roster): void {
  app.get('/api/roster', (_request, reply) => reply.send(roster))
  // The runbook's four playbooks are built into the app; a team's extra ones would be served here.
  app.get('/api/runbooks', (_request, reply) => reply.send({ playbooks: [] }))
}
