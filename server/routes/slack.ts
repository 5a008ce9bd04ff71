/**
 * POST /api/incidents/:id/messages/slack: HTTP only. The body is parsed with the
 * contract (src/api/endpoints.ts), the key read, and the Slack service does the rest.
 */
import type { FastifyInstance } from 'fastify'
import { slackPostRequest } from '@/api/endpoints'
import { actorOf } from '../http/identity'
import { sendProblem, validateBody } from '../http/problems'
import { MAX_IDEMPOTENCY_KEY, type IncidentService } from '../services/incidents'
import { createSlackService, type SlackWebhookOptions } from '../services/slack'
import { idempotencyKey, sendAnswer } from './reply'

/** `webhook` null: Slack is not configured, and every post answers 503. */
export function slackRoutes(app: FastifyInstance, incidents: IncidentService, webhook: SlackWebhookOptions | null): void {
  const slack = createSlackService({ incidents, webhook })

  app.post<{ Params: { id: string } }>('/api/incidents/:id/messages/slack', async (request, reply) => {
    const key = idempotencyKey(request.headers['idempotency-key'])
    if (key !== null && key.length > MAX_IDEMPOTENCY_KEY) {
      return sendProblem(reply, 400, `The Idempotency-Key is longer than ${MAX_IDEMPOTENCY_KEY} characters.`)
    }
    const body = validateBody(slackPostRequest, request.body)
    if (!body.ok) return sendProblem(reply, body.status, body.message, { field: body.field })
    const { template, text, actor } = body.data
    const ctx = { actor: actorOf(request, actor), idempotencyKey: key }
    return sendAnswer(reply, await slack.post(request.params.id, { template, text }, ctx))
  })
}
