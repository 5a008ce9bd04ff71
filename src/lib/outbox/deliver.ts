/**
 * Sends one change and says what became of it. Both the first attempt (the mutation
 * hooks) and every retry (the outbox runner) go through `deliver`, so a change is judged
 * the same way however many times it is tried.
 */
import { apiRequest, isApiError, type ApiError } from '@/api/client'
import { conflictBody, etagOf, versionFromEtag } from '@/api/incidents'
import { incident as incidentSchema, timelineEvent, type Incident } from '@/api/schemas'
import type { OutboxRequest } from '@/domain/outbox'
import { conflictVerdict } from './conflict'
import type { StakeField } from './outbox-store'

export type Delivery =
  | { kind: 'saved'; incident: Incident | null; version: number | null }
  | { kind: 'retry'; message: string; retryAfterMs: number | undefined }
  | { kind: 'conflict'; current: Incident; message: string }
  | { kind: 'rejected'; message: string; current: Incident | null }

export type FailureClass = 'retry' | 'conflict' | 'missing-version' | 'reject'

/**
 * Which failures may heal by themselves. Transport failures, timeouts, 408, 429 and 5xx
 * do; so does a body that is not JSON (the mock's fault injection and broken proxies
 * produce it before the write happens). Any other refusal will be refused again.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (!isApiError(error)) return 'reject'
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'aborted':
    case 'malformed':
      return 'retry'
    // A 2xx the contract does not describe: the write probably happened, so repeating it
    // every minute could only add duplicates.
    case 'schema':
      return 'reject'
    case 'http': {
      const status = error.status ?? 0
      if (status === 412) return 'conflict'
      if (status === 428) return 'missing-version'
      if (status === 408 || status === 429 || status >= 500) return 'retry'
      return 'reject'
    }
  }
}

const MISSING_VERSION_MESSAGE =
  'Vigil sent this change without a version (HTTP 428). That is a bug in Vigil — please report it. The change was not saved.'

/** Times a 412 may be answered by re-sending on the newer version before we give up (someone is very busy). */
const MAX_REAPPLY = 3

async function send(id: string, request: OutboxRequest) {
  const headers: Record<string, string> = { 'Idempotency-Key': id }
  if (request.ifMatch !== undefined) headers['If-Match'] = request.ifMatch
  // Notes and messages answer with the event; every other change with the incident.
  const appends = /\/(notes|messages)$/.test(request.path)
  const options = { method: request.method, headers, ...(request.body === undefined ? {} : { body: request.body }) }
  if (appends) {
    const r = await apiRequest(request.path, timelineEvent, options)
    return { incident: null, version: versionFromEtag(r.headers.get('ETag')) }
  }
  const r = await apiRequest(request.path, incidentSchema, options)
  return { incident: r.data, version: r.data.version }
}

function currentFrom(error: ApiError): Incident | null {
  const parsed = conflictBody.safeParse(error.details.body)
  return parsed.success ? parsed.data.current : null
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Sends `request` (idempotency key `id`). On a 412 it compares the change's `stake` with
 * the server's current incident: a change someone already made counts as saved; one whose
 * values nobody touched is sent again on the current version; anything else is a conflict.
 */
export async function deliver(id: string, request: OutboxRequest, stake: readonly StakeField[]): Promise<Delivery> {
  let attempt = request
  for (let round = 0; ; round++) {
    try {
      return { kind: 'saved', ...(await send(id, attempt)) }
    } catch (error) {
      const verdictClass = classifyFailure(error)
      if (verdictClass === 'retry') {
        const retryAfterMs = isApiError(error) ? error.details.retryAfterMs : undefined
        return { kind: 'retry', message: messageOf(error), retryAfterMs }
      }
      if (verdictClass === 'missing-version') return { kind: 'rejected', message: MISSING_VERSION_MESSAGE, current: null }
      const current = isApiError(error) ? currentFrom(error) : null
      if (verdictClass === 'reject') return { kind: 'rejected', message: messageOf(error), current }
      if (current === null) {
        return { kind: 'rejected', message: `${messageOf(error)} The server did not say what changed.`, current: null }
      }
      const verdict = conflictVerdict(stake, current)
      if (verdict === 'already-applied') return { kind: 'saved', incident: current, version: current.version }
      if (verdict === 'conflict' || round >= MAX_REAPPLY) return { kind: 'conflict', current, message: messageOf(error) }
      attempt = { ...attempt, ifMatch: etagOf(current.version) }
    }
  }
}
