/**
 * The outbox as every tab of the browser shares it: the pure core (src/domain/outbox.ts)
 * persisted in localStorage under "vigil.outbox.v1", plus a sidecar record under
 * "vigil.outbox.meta.v1" with what the core does not keep — what each change is (for
 * the "Unsaved changes" list), the values it was based on (to tell a real conflict from
 * a version bump on a 412), and the saves that need the responder: conflicts to decide
 * and changes the server refused.
 *
 * Every write re-reads storage first, so two tabs writing in turn do not undo each other.
 */
import * as z from 'zod/mini'
import { incident as incidentSchema, type Incident } from '@/api/schemas'
import {
  deserialize,
  discard as discardEntry,
  enqueue,
  recordFailure,
  recordSuccess,
  serialize,
  type NewOutboxEntry,
  type Outbox,
  type OutboxRequest,
} from '@/domain/outbox'
import { readStored, subscribeStored, writeStored } from './storage'

export const OUTBOX_STORAGE_KEY = 'vigil.outbox.v1'
export const OUTBOX_META_STORAGE_KEY = 'vigil.outbox.meta.v1'

/**
 * One value a change depends on: where it lives on the incident ("status",
 * "checklist:triage.assign", "acknowledged"), what it was when the change was made and
 * what the change sets it to.
 */
export interface StakeField {
  readonly path: string
  readonly base: unknown
  readonly yours: unknown
}

export interface ChangeMeta {
  readonly incidentId: string
  /** What the change is, in words: "Status → Identified", "Note: restarted the pool". */
  readonly summary: string
  readonly stake: readonly StakeField[]
  /** The draft (see drafts.ts) this change came from, cleared once it is saved. */
  readonly draftKey?: string
}

export type SaveProblemKind = 'conflict' | 'rejected'

/** A save that stopped and waits for the responder: nothing is retried until they decide. */
export interface SaveProblem {
  readonly id: string
  readonly kind: SaveProblemKind
  readonly key: string
  readonly request: OutboxRequest
  readonly meta: ChangeMeta
  readonly message: string
  /** The incident as the server had it when it refused (conflicts always have it). */
  readonly current: Incident | null
  readonly at: number
}

export interface OutboxSnapshot {
  readonly box: Outbox
  readonly meta: Readonly<Record<string, ChangeMeta>>
  readonly problems: readonly SaveProblem[]
}

export interface NewChange extends NewOutboxEntry {
  meta: ChangeMeta
}

// ---------------------------------------------------------------- sidecar parsing

// zod/mini, as the wire contract uses: the outbox ships on the incident page's first load.
const nonEmpty = () => z.string().check(z.minLength(1))
const stakeSchema = z.object({ path: nonEmpty(), base: z.unknown(), yours: z.unknown() })
const metaSchema = z.object({
  incidentId: nonEmpty(),
  summary: z.string(),
  stake: z.array(stakeSchema),
  draftKey: z.optional(nonEmpty()),
})
const requestSchema = z.object({
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  path: nonEmpty(),
  body: z.unknown(),
  ifMatch: z.optional(z.string()),
})
const problemSchema = z.object({
  id: nonEmpty(),
  kind: z.enum(['conflict', 'rejected']),
  key: nonEmpty(),
  request: requestSchema,
  meta: metaSchema,
  message: z.string(),
  current: z.nullable(incidentSchema),
  at: z.number(),
})

interface Sidecar {
  meta: Record<string, ChangeMeta>
  problems: SaveProblem[]
}

const SIDECAR_VERSION = 1

function toMeta(raw: z.infer<typeof metaSchema>): ChangeMeta {
  const stake = raw.stake.map((s) => ({ path: s.path, base: s.base, yours: s.yours }))
  const meta: ChangeMeta = { incidentId: raw.incidentId, summary: raw.summary, stake }
  return raw.draftKey === undefined ? meta : { ...meta, draftKey: raw.draftKey }
}

function toRequest(raw: z.infer<typeof requestSchema>): OutboxRequest {
  const request: OutboxRequest = { method: raw.method, path: raw.path, body: raw.body }
  return raw.ifMatch === undefined ? request : { ...request, ifMatch: raw.ifMatch }
}

/** Like the core's deserialize: never throws, and one bad record does not lose the rest. */
export function parseSidecar(text: string | null): Sidecar {
  const empty: Sidecar = { meta: {}, problems: [] }
  if (text === null || text === '') return empty
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return empty
  }
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed) || parsed.version !== SIDECAR_VERSION) return empty
  const result: Sidecar = { meta: {}, problems: [] }
  if ('meta' in parsed && typeof parsed.meta === 'object' && parsed.meta !== null) {
    for (const [id, raw] of Object.entries(parsed.meta)) {
      const m = z.safeParse(metaSchema, raw)
      if (m.success) result.meta[id] = toMeta(m.data)
    }
  }
  if ('problems' in parsed && Array.isArray(parsed.problems)) {
    for (const raw of parsed.problems as unknown[]) {
      const p = z.safeParse(problemSchema, raw)
      if (!p.success || result.problems.some((q) => q.id === p.data.id)) continue
      result.problems.push({ ...p.data, request: toRequest(p.data.request), meta: toMeta(p.data.meta) })
    }
  }
  return result
}

function serializeSidecar(sidecar: Sidecar): string {
  return JSON.stringify({ version: SIDECAR_VERSION, meta: sidecar.meta, problems: sidecar.problems })
}

// ---------------------------------------------------------------- snapshot

let cached: { boxText: string | null; sideText: string | null; snapshot: OutboxSnapshot } | null = null

/** The shared outbox now. The same object until storage changes (fit for useSyncExternalStore). */
export function outboxSnapshot(): OutboxSnapshot {
  const boxText = readStored(OUTBOX_STORAGE_KEY)
  const sideText = readStored(OUTBOX_META_STORAGE_KEY)
  if (cached?.boxText === boxText && cached.sideText === sideText) return cached.snapshot
  const side = parseSidecar(sideText)
  const snapshot: OutboxSnapshot = { box: deserialize(boxText), meta: side.meta, problems: side.problems }
  cached = { boxText, sideText, snapshot }
  return snapshot
}

export function subscribeOutbox(listener: () => void): () => void {
  const a = subscribeStored(OUTBOX_STORAGE_KEY, listener)
  const b = subscribeStored(OUTBOX_META_STORAGE_KEY, listener)
  return () => {
    a()
    b()
  }
}

function write(box: Outbox, sidecar: Sidecar): void {
  // Meta of entries no longer queued (sent, discarded, moved to problems) is dropped.
  const meta: Record<string, ChangeMeta> = {}
  for (const e of box.entries) {
    const m = sidecar.meta[e.id]
    if (m !== undefined) meta[e.id] = m
  }
  const empty = Object.keys(meta).length === 0 && sidecar.problems.length === 0
  const sideText = empty ? null : serializeSidecar({ meta, problems: sidecar.problems })
  const boxText = box.entries.length === 0 ? null : serialize(box)
  // The sidecar first: a queued entry never exists without its meta, even for a moment.
  if (sideText !== readStored(OUTBOX_META_STORAGE_KEY)) writeStored(OUTBOX_META_STORAGE_KEY, sideText)
  if (boxText !== readStored(OUTBOX_STORAGE_KEY)) writeStored(OUTBOX_STORAGE_KEY, boxText)
}

function change(fn: (snap: OutboxSnapshot) => { box: Outbox; meta?: Record<string, ChangeMeta>; problems?: SaveProblem[] }): void {
  const snap = outboxSnapshot()
  const next = fn(snap)
  if (next.box === snap.box && next.meta === undefined && next.problems === undefined) return
  write(next.box, { meta: next.meta ?? { ...snap.meta }, problems: next.problems ?? [...snap.problems] })
}

// ---------------------------------------------------------------- actions

/**
 * Queues a change, due at once. Queuing an id already there replaces it in place (the
 * responder saved the same draft again); a problem with that id is superseded.
 */
export function queueChange(entry: NewChange, now: number): void {
  change((s) => ({
    box: enqueue(s.box, { id: entry.id, key: entry.key, request: entry.request }, now),
    meta: { ...s.meta, [entry.id]: entry.meta },
    problems: s.problems.filter((p) => p.id !== entry.id),
  }))
}

/** Queues a change whose first attempt already failed, so it waits out its backoff first. */
export function queueFailedChange(entry: NewChange, error: string, now: number, retryAfterMs?: number): void {
  change((s) => {
    const box = recordFailure(enqueue(s.box, { id: entry.id, key: entry.key, request: entry.request }, now), entry.id, error, now, retryAfterMs)
    return { box, meta: { ...s.meta, [entry.id]: entry.meta }, problems: s.problems.filter((p) => p.id !== entry.id) }
  })
}

export function changeFailed(id: string, error: string, now: number, retryAfterMs?: number): void {
  change((s) => ({ box: recordFailure(s.box, id, error, now, retryAfterMs) }))
}

/**
 * Removes a saved change. `rebase` moves the changes queued behind it on the same key
 * from the version it was based on to the version its save produced (see rebase.ts).
 */
export function changeSaved(id: string, rebaseFn?: (box: Outbox) => Outbox): void {
  change((s) => {
    const box = recordSuccess(s.box, id)
    return { box: rebaseFn ? rebaseFn(box) : box }
  })
}

/** Every queued change is due now (the responder pressed Retry now, or the network came back). */
export function retryAllNow(now: number): void {
  change((s) => {
    let box = s.box
    for (const e of s.box.entries) box = enqueue(box, { id: e.id, key: e.key, request: e.request }, now)
    return { box }
  })
}

/** Drops queued changes (all when `ids` is omitted) and problems with those ids. */
export function discardChanges(ids?: readonly string[]): void {
  change((s) => {
    const drop = new Set(ids ?? [...s.box.entries.map((e) => e.id), ...s.problems.map((p) => p.id)])
    let box = s.box
    for (const id of drop) box = discardEntry(box, id)
    return { box, problems: s.problems.filter((p) => !drop.has(p.id)) }
  })
}

/** Takes a change out of the queue and keeps it for the responder to decide. */
export function reportProblem(problem: SaveProblem): void {
  change((s) => ({
    box: discardEntry(s.box, problem.id),
    problems: [...s.problems.filter((p) => p.id !== problem.id), problem],
  }))
}

export function resolveProblem(id: string): void {
  change((s) => (s.problems.some((p) => p.id === id) ? { box: s.box, problems: s.problems.filter((p) => p.id !== id) } : { box: s.box }))
}

// ---------------------------------------------------------------- queries

/** True while a change on `key` waits (queued, or stopped at a conflict): a newer one must queue behind it. */
export function hasPendingOnKey(snap: OutboxSnapshot, key: string): boolean {
  return snap.box.entries.some((e) => e.key === key) || snap.problems.some((p) => p.key === key && p.kind === 'conflict')
}

/** The keys held by a conflict: nothing on them is sent until the responder decides. */
export function pausedKeys(snap: OutboxSnapshot): Set<string> {
  return new Set(snap.problems.filter((p) => p.kind === 'conflict').map((p) => p.key))
}
