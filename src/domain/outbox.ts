/**
 * The pure core of the outbox: saves that failed wait here, are retried with backoff,
 * and survive a reload (serialized to storage by the caller), so nothing a responder
 * typed is lost. Every function returns a new outbox and leaves its argument alone;
 * a call that changes nothing returns the same object, so a store can skip the render.
 *
 * Ordering: entries with the same `key` change the same thing, so they are sent one at
 * a time, oldest first — a later edit never lands before an earlier one and a second
 * note never overtakes the first. Entries with different keys do not wait for each other.
 */

export type OutboxMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface OutboxRequest {
  readonly method: OutboxMethod
  readonly path: string
  /** JSON-serialisable body; undefined when the request has none. */
  readonly body: unknown
  /** The incident version the change was made against, sent as If-Match. */
  readonly ifMatch?: string
}

export interface OutboxEntry {
  readonly id: string
  /** What the entry changes, e.g. "incident:INC-1:note"; same key → sent in order. */
  readonly key: string
  readonly request: OutboxRequest
  /** Failed attempts so far. */
  readonly attempts: number
  /** Epoch ms before which the entry is not retried. */
  readonly nextAttemptAt: number
  readonly lastError: string | null
  readonly createdAt: number
}

export interface Outbox {
  readonly entries: readonly OutboxEntry[]
}

export const EMPTY_OUTBOX: Outbox = { entries: [] }

/** First retry waits up to this long; each failure doubles it. */
export const BACKOFF_BASE_MS = 1_000
/** No backoff window is longer than this, however many failures. */
export const BACKOFF_CAP_MS = 60_000

export interface NewOutboxEntry {
  id: string
  key: string
  request: OutboxRequest
}

/**
 * Adds a save to the outbox, due at once. Enqueuing an id that is already there
 * replaces its request in place (the responder edited the failed text and saved again):
 * it keeps its place and creation time, and its retry count starts over.
 */
export function enqueue(box: Outbox, entry: NewOutboxEntry, now: number): Outbox {
  const existing = box.entries.find((e) => e.id === entry.id)
  const next: OutboxEntry = {
    id: entry.id,
    key: entry.key,
    request: entry.request,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    createdAt: existing?.createdAt ?? now,
  }
  if (!existing) return { entries: [...box.entries, next] }
  return { entries: box.entries.map((e) => (e === existing ? next : e)) }
}

/** The heads of each key's queue, in queue order: the first entry of every key. */
function heads(box: Outbox): OutboxEntry[] {
  const seen = new Set<string>()
  const result: OutboxEntry[] = []
  for (const e of box.entries) {
    if (seen.has(e.key)) continue
    seen.add(e.key)
    result.push(e)
  }
  return result
}

/**
 * The entries to send now: for each key, its oldest entry, if its backoff has passed
 * (an entry is due at exactly its nextAttemptAt). In queue order.
 */
export function due(box: Outbox, now: number): OutboxEntry[] {
  return heads(box).filter((e) => e.nextAttemptAt <= now)
}

/**
 * When the next entry becomes due, or null when the outbox is empty — what a caller
 * sets its single timer to, rather than polling.
 */
export function nextDueAt(box: Outbox): number | null {
  const times = heads(box).map((e) => e.nextAttemptAt)
  return times.length === 0 ? null : Math.min(...times)
}

/**
 * The wait after the `attempts`-th failure: exponential backoff with full jitter
 * (a uniform pick in [0, min(cap, base·2^(attempts−1)))), so many tabs that failed
 * together do not retry together. `random` returns a number in [0, 1).
 */
export function backoffDelayMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1))
  const r = random()
  // A misbehaving random source must not produce a negative or runaway wait.
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0
  return Math.floor(unit * ceiling)
}

/**
 * Records a failed attempt: counts it, keeps the error for the responder to see, and
 * schedules the next try with backoff. A server's Retry-After is a floor: the entry is
 * never retried earlier than it asked, even when the jittered backoff is shorter. An
 * unknown id (already sent, or discarded) leaves the outbox unchanged.
 *
 * @param retryAfterMs the server's Retry-After in ms, when it sent one.
 * @param random injected so tests (and a seeded caller) control the jitter.
 */
export function recordFailure(
  box: Outbox,
  id: string,
  error: string,
  now: number,
  retryAfterMs?: number | null,
  random: () => number = Math.random,
): Outbox {
  const target = box.entries.find((e) => e.id === id)
  if (!target) return box
  const attempts = target.attempts + 1
  const jittered = backoffDelayMs(attempts, random)
  const floor = retryAfterMs !== undefined && retryAfterMs !== null && Number.isFinite(retryAfterMs) ? retryAfterMs : 0
  const updated: OutboxEntry = {
    ...target,
    attempts,
    lastError: error,
    nextAttemptAt: now + Math.max(jittered, floor),
  }
  return { entries: box.entries.map((e) => (e === target ? updated : e)) }
}

/** Removes an entry the server accepted. An unknown id leaves the outbox unchanged. */
export function recordSuccess(box: Outbox, id: string): Outbox {
  return remove(box, id)
}

/**
 * Removes an entry the responder gave up on, or one that can never succeed (a conflict
 * the responder must resolve by hand, a 4xx the server will always refuse).
 */
export function discard(box: Outbox, id: string): Outbox {
  return remove(box, id)
}

function remove(box: Outbox, id: string): Outbox {
  if (!box.entries.some((e) => e.id === id)) return box
  return { entries: box.entries.filter((e) => e.id !== id) }
}

// ---------------------------------------------------------------- storage

const STORAGE_VERSION = 1

/** The outbox as text for storage (localStorage and the like). */
export function serialize(box: Outbox): string {
  return JSON.stringify({ version: STORAGE_VERSION, entries: box.entries })
}

/**
 * Reads an outbox back from storage. Storage is outside our control (another version of
 * the app, a user, a full disk that truncated the write), so this never throws: text
 * that is not an outbox gives an empty one, and an entry that does not validate is
 * dropped while the valid ones are kept — one bad record must not lose the rest.
 * A repeated id keeps its first entry.
 */
export function deserialize(text: string | null | undefined): Outbox {
  if (typeof text !== 'string' || text === '') return EMPTY_OUTBOX
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return EMPTY_OUTBOX
  }
  if (!isRecord(parsed) || parsed.version !== STORAGE_VERSION || !Array.isArray(parsed.entries)) return EMPTY_OUTBOX
  const seen = new Set<string>()
  const entries: OutboxEntry[] = []
  for (const raw of parsed.entries as unknown[]) {
    const entry = toEntry(raw)
    if (!entry || seen.has(entry.id)) continue
    seen.add(entry.id)
    entries.push(entry)
  }
  return entries.length === 0 ? EMPTY_OUTBOX : { entries }
}

const METHODS: readonly OutboxMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE']

function isMethod(v: unknown): v is OutboxMethod {
  return METHODS.some((m) => m === v)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v !== ''
}

function isTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

function toRequest(raw: unknown): OutboxRequest | null {
  if (!isRecord(raw)) return null
  const { method, path, body, ifMatch } = raw
  if (!isMethod(method) || !isText(path)) return null
  if (ifMatch !== undefined && typeof ifMatch !== 'string') return null
  const request: OutboxRequest = { method, path, body }
  return ifMatch === undefined ? request : { ...request, ifMatch }
}

function toEntry(raw: unknown): OutboxEntry | null {
  if (!isRecord(raw)) return null
  const { id, key, request, attempts, nextAttemptAt, lastError, createdAt } = raw
  if (!isText(id) || !isText(key)) return null
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return null
  if (!isTime(nextAttemptAt) || !isTime(createdAt)) return null
  if (lastError !== null && typeof lastError !== 'string') return null
  const req = toRequest(request)
  if (!req) return null
  return { id, key, request: req, attempts, nextAttemptAt, lastError, createdAt }
}
