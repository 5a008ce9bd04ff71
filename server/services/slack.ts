/**
 * "Post to Slack": a message's exact text sent to the team's incoming webhook, then
 * recorded on the timeline the way "Mark as posted" records it. The order matters: the
 * timeline says "posted" only once Slack took the message, and a retried request (same
 * Idempotency-Key) is answered from what was recorded before anything is sent, so a
 * retry never posts twice. No HTTP framework here: answers are plain values.
 */
import type { MessageTemplate } from '@/api/schemas'
import type { Answer, IncidentService, WriteContext } from './incidents'

/** How long Slack may take to answer before the post counts as failed. */
export const SLACK_TIMEOUT_MS = 10_000
/** Slack's error bodies are short words ("invalid_payload"); anything longer is cut here. */
const MAX_SLACK_BODY = 200
/** The idempotency operation name: a Slack post and a "Mark as posted" are different requests. */
const OPERATION = 'slack'

export type SlackDelivery = { ok: true } | { ok: false; message: string }

export interface SlackWebhookOptions {
  /** The incoming webhook URL. It holds a secret: never put it in a message or a log. */
  url: string
  timeoutMs?: number
}

/**
 * Sends `text` to an incoming webhook as `{ "text": … }`, once: no retries here, the
 * responder retries (with the same key) and sees why each attempt failed.
 */
export async function sendToSlack({ url, timeoutMs = SLACK_TIMEOUT_MS }: SlackWebhookOptions, text: string): Promise<SlackDelivery> {
  const signal = AbortSignal.timeout(timeoutMs)
  const timedOut = (): SlackDelivery => ({ ok: false, message: `Slack did not answer within ${seconds(timeoutMs)}; nothing was recorded. Try again.` })
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ text }),
      signal,
      redirect: 'error',
    })
  } catch (error) {
    if (signal.aborted) return timedOut()
    return { ok: false, message: `Could not reach Slack (${hideUrl(causeOf(error), url)}); nothing was recorded.` }
  }
  let body: string
  try {
    body = await response.text()
  } catch (error) {
    if (signal.aborted) return timedOut()
    return { ok: false, message: `The connection to Slack broke while it answered (${hideUrl(causeOf(error), url)}); nothing was recorded.` }
  }
  if (response.ok) return { ok: true }
  const said = body.trim() === '' ? '(no body)' : truncate(body.trim(), MAX_SLACK_BODY)
  return { ok: false, message: `Slack refused the message: HTTP ${response.status}: ${said}` }
}

export interface SlackPost {
  template: MessageTemplate
  text: string
}

export interface SlackServiceOptions {
  incidents: IncidentService
  /** null: no webhook configured, every post is a 503. */
  webhook: SlackWebhookOptions | null
}

export type SlackService = ReturnType<typeof createSlackService>

export function createSlackService({ incidents, webhook }: SlackServiceOptions) {
  // A retry that arrives while the first attempt still waits for Slack waits for it too,
  // then finds its answer recorded. (Across processes the stored answer is the guard.)
  const inFlight = new Map<string, Promise<unknown>>()

  async function post(id: string, request: SlackPost, ctx: WriteContext): Promise<Answer> {
    if (webhook === null) return problem(503, 'Slack is not configured: set SLACK_WEBHOOK_URL on the server.')
    // The same object (and key order) message() fingerprints, so a replay is recognised.
    const message = { template: request.template, text: request.text }
    const replay = await incidents.replayed(ctx.idempotencyKey, OPERATION, id, message)
    if (replay) return replay
    if ((await incidents.get(id)) === null) return problem(404, `No incident ${id}.`)

    const delivery = await sendToSlack(webhook, message.text)
    if (!delivery.ok) return problem(502, delivery.message)
    return incidents.message(id, message, ctx, OPERATION)
  }

  return {
    async post(id: string, request: SlackPost, ctx: WriteContext): Promise<Answer> {
      const key = ctx.idempotencyKey
      if (key === null) return post(id, request, ctx)
      for (let pending = inFlight.get(key); pending !== undefined; pending = inFlight.get(key)) await pending
      const answering = post(id, request, ctx)
      inFlight.set(key, answering.catch(() => undefined))
      try {
        return await answering
      } finally {
        inFlight.delete(key)
      }
    },
  }
}

function problem(status: number, message: string): Answer {
  return { status, body: { message }, etag: null }
}

/** What went wrong underneath fetch's "fetch failed": ECONNREFUSED, a DNS failure, a TLS error. */
function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : null
    return code !== null && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message
  }
  return String(cause)
}

/** The webhook URL is a credential: an error that quotes it must not carry it to the browser. */
function hideUrl(message: string, url: string): string {
  return message.replaceAll(url, 'SLACK_WEBHOOK_URL')
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`
}

function seconds(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}
