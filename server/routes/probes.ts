/** /healthz: the process is up. /readyz: it can do its work — the database answers. */
import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/database'
import { sendProblem } from '../http/problems'

export function probeRoutes(app: FastifyInstance, db: Database): void {
  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }))
  app.get('/readyz', async (request, reply) => {
    try {
      await db.ping()
      return { status: 'ready', database: db.kind }
    } catch (error) {
      request.log.warn({ err: error }, 'database did not answer')
      return sendProblem(reply, 503, `The database (${db.kind}) does not answer.`)
    }
  })
}
