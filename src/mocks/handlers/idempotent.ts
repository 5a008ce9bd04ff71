/**
 * Idempotency-Key on the incident writes after the declaration (which db.ts keys itself,
 * answering a retry 200 with the incident): a request sent again with the same key, method,
 * path and body gets the first answer again — same status, body and ETag — and changes
 * nothing; the same key with another request is a 422. Only successful answers are kept:
 * a refusal (412 on a stale version, 404, 422) may be sent again under its key once its
 * cause is gone, which is what the client's outbox does after a 412.
 */
import { HttpResponse, type PathParams } from 'msw'
import { MAX_IDEMPOTENCY_KEYS, type IdempotencyEntry } from '../db'
import type { World } from '../world'
import { dateHeader, problem } from './respond'

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255

interface ResolverInfo {
  request: Request
  params: PathParams
}

/** Wraps the resolver of a write on /api/incidents/:id so that its Idempotency-Key is honoured. */
export function idempotent<I extends ResolverInfo>(world: World, resolver: (info: I) => Promise<Response>): (info: I) => Promise<Response> {
  // A retry that arrives while the first request is still being answered waits for that answer.
  const inFlight = new Map<string, Promise<unknown>>()

  return async (info) => {
    const key = info.request.headers.get('Idempotency-Key')?.trim() ?? ''
    if (key === '') return resolver(info)
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      return problem(world, 400, `The Idempotency-Key is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`)
    }
    const fingerprint = `${info.request.method} ${new URL(info.request.url).pathname}\n${canonicalBody(await info.request.clone().text())}`

    for (let pending = inFlight.get(key); pending !== undefined; pending = inFlight.get(key)) await pending
    const seen = world.read().db.idempotency.find((e) => e.key === key)
    if (seen) {
      if (seen.fingerprint !== fingerprint || seen.answer === undefined) {
        return problem(world, 422, 'This Idempotency-Key was already used for a different request.')
      }
      return replay(world, seen.answer)
    }

    const answering = resolver(info).then(async (response) => {
      if (response.ok) {
        const entry: IdempotencyEntry = {
          key,
          fingerprint,
          incidentId: String(info.params.id),
          answer: { status: response.status, body: await response.clone().text(), etag: response.headers.get('ETag') },
        }
        world.update((s) => {
          remember(s.db.idempotency, entry)
        })
      }
      return response
    })
    inFlight.set(key, answering.catch(() => undefined))
    try {
      return await answering
    } finally {
      inFlight.delete(key)
    }
  }
}

function remember(entries: IdempotencyEntry[], entry: IdempotencyEntry): void {
  entries.push(entry)
  if (entries.length > MAX_IDEMPOTENCY_KEYS) entries.splice(0, entries.length - MAX_IDEMPOTENCY_KEYS)
}

/** An empty body reads as {} (see readBody); JSON is compared by content, not by its spacing. */
function canonicalBody(text: string): string {
  if (text.trim() === '') return '{}'
  try {
    return JSON.stringify(JSON.parse(text))
  } catch {
    return text
  }
}

function replay(world: World, answer: NonNullable<IdempotencyEntry['answer']>): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...dateHeader(world) }
  if (answer.etag !== null) headers.ETag = answer.etag
  return new HttpResponse(answer.body, { status: answer.status, headers })
}
