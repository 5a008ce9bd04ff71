/**
 * The incident endpoints: HTTP only. Each parses its body with the contract, asks the
 * incident service, and sends the answer; no SQL and no rules here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { $ZodType, output } from 'zod/v4/core'
import {
  acknowledgeRequest,
  checklistRequest,
  declareIncidentRequest,
  escalateRequest,
  messageRequest,
  noteRequest,
  patchIncidentRequest,
} from '@/api/schemas'
import { etag } from '@/backend/incident-rules'
import { actorOf } from '../http/identity'
import { sendProblem, validateBody } from '../http/problems'
import { MAX_IDEMPOTENCY_KEY, type Answer, type IncidentService, type WriteContext } from '../services/incidents'
import { clientHolds, idempotencyKey, sendAnswer } from './reply'

type IdParams = { Params: { id: string } }

export function incidentRoutes(app: FastifyInstance, incidents: IncidentService): void {
  // The list is polled: when the client's copy is current, a bodyless 304 spares both sides the work.
  // Every poller of one revision gets the same bytes: with 10,000 incidents, reading and
  // serialising the list took 0.3–0.5 s of server time per answer (BENCHMARKS.md).
  let built: { revision: number; body: string } | null = null
  app.get('/api/incidents', async (request, reply) => {
    const revision = await incidents.revision()
    const tag = listEtag(revision)
    if (clientHolds(request.headers['if-none-match'], tag)) return reply.code(304).header('ETag', tag).send()
    if (built?.revision !== revision) {
      const answer = await incidents.list()
      built = { revision: answer.revision, body: JSON.stringify({ incidents: answer.incidents }) }
    }
    return reply.header('ETag', listEtag(built.revision)).type('application/json; charset=utf-8').send(built.body)
  })

  app.get<IdParams>('/api/incidents/:id', async (request, reply) => {
    const found = await incidents.get(request.params.id)
    if (found === null) return sendProblem(reply, 404, `No incident ${request.params.id}.`)
    return reply.header('ETag', etag(found)).send(found)
  })

  app.get<IdParams>('/api/incidents/:id/timeline', async (request, reply) => {
    const found = await incidents.timeline(request.params.id)
    if (found === null) return sendProblem(reply, 404, `No incident ${request.params.id}.`)
    return reply.header('ETag', etag(found.incident)).send({ events: found.events })
  })

  /** A write: the body parsed with `schema`, the key read, the service asked. */
  function write<S extends $ZodType & { _zod: { output: { actor?: string | undefined } } }>(
    method: 'POST' | 'PATCH',
    url: string,
    schema: S,
    handle: (id: string, ifMatch: string | null, body: output<S>, ctx: WriteContext) => Promise<Answer>,
  ): void {
    app.route<IdParams>({
      method,
      url,
      handler: async (request, reply) => {
        const key = idempotencyKey(request.headers['idempotency-key'])
        if (key !== null && key.length > MAX_IDEMPOTENCY_KEY) {
          return sendProblem(reply, 400, `The Idempotency-Key is longer than ${MAX_IDEMPOTENCY_KEY} characters.`)
        }
        const body = validateBody(schema, request.body)
        if (!body.ok) return sendProblem(reply, body.status, body.message, { field: body.field })
        const ctx: WriteContext = { actor: actorOf(request, body.data.actor), idempotencyKey: key }
        return sendAnswer(reply, await handle(request.params.id, ifMatchOf(request), body.data, ctx))
      },
    })
  }

  write('POST', '/api/incidents', declareIncidentRequest, (_id, _ifMatch, body, ctx) => incidents.declare(body, ctx))
  write('PATCH', '/api/incidents/:id', patchIncidentRequest, (id, ifMatch, body, ctx) => incidents.patch(id, ifMatch, body, ctx))
  write('POST', '/api/incidents/:id/acknowledge', acknowledgeRequest, (id, ifMatch, body, ctx) => incidents.acknowledge(id, ifMatch, body, ctx))
  write('POST', '/api/incidents/:id/escalate', escalateRequest, (id, ifMatch, body, ctx) => incidents.escalate(id, ifMatch, body, ctx))
  write('POST', '/api/incidents/:id/checklist', checklistRequest, (id, ifMatch, body, ctx) => incidents.checklist(id, ifMatch, body, ctx))
  write('POST', '/api/incidents/:id/notes', noteRequest, (id, _ifMatch, body, ctx) => incidents.note(id, body, ctx))
  write('POST', '/api/incidents/:id/messages', messageRequest, (id, _ifMatch, body, ctx) => incidents.message(id, body, ctx))
}

export function listEtag(revision: number): string {
  return `W/"incidents-${revision}"`
}

function ifMatchOf(request: FastifyRequest): string | null {
  const value = request.headers['if-match']
  return (Array.isArray(value) ? value.join(',') : value) ?? null
}

