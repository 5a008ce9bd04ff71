/** GET /api/roster and GET /api/runbooks: the team's on-call roster and any playbooks it serves beyond the runbook's four. */
import type { FastifyInstance } from 'fastify'
import type { RunbooksResponse } from '@/api/runbooks'
import type { Roster } from '@/api/schemas'

export function rosterRoutes(app: FastifyInstance, roster: Roster, runbooks: RunbooksResponse): void {
  app.get('/api/roster', (_request, reply) => reply.send(roster))
  // The runbook's four playbooks are built into the app; the team's extra ones (VIGIL_RUNBOOKS_FILE) come from here.
  app.get('/api/runbooks', (_request, reply) => reply.send(runbooks))
}
