/**
 * What an incident request means: the shared rules (src/backend/incident-rules.ts) plan
 * the change, the repository stores it with one compare-and-set, and the database
 * decides who wins a race. Every write honours its Idempotency-Key: a retried request
 * gets the first answer back and records nothing new. No SQL and no HTTP here: answers
 * are plain values the routes send as they are.
 */
import type {
  AcknowledgeRequest,
  ChecklistRequest,
  DeclareIncidentRequest,
  EscalateRequest,
  Incident,
  MessageRequest,
  NoteRequest,
  PatchIncidentRequest,
  Roster,
  TimelineEvent,
} from '@/api/schemas'
import {
  declarationEvents,
  declaredIncident,
  etag,
  fingerprint,
  planAcknowledge,
  planChecklist,
  planEscalate,
  planMessage,
  planNote,
  planPatch,
  type ChangeContext,
  type Plan,
  type Planned,
  type Refusal,
} from '@/backend/incident-rules'
import type { IncidentRepository, StoredAnswer } from '../db/incident-repository'

/** What a request gets back: a status, a JSON body and the incident's ETag when there is one. */
export type Answer = StoredAnswer

/** Who asks, and the key that makes a retry safe. */
export interface WriteContext {
  /** The proxy's identity, or the body's actor, or "anonymous": decided by the route. */
  actor: string
  idempotencyKey: string | null
}

/** A compare-and-set lost to another writer: re-read and plan again, a few times at most. */
const MAX_ATTEMPTS = 5
export const MAX_IDEMPOTENCY_KEY = 255

export interface IncidentServiceOptions {
  repository: IncidentRepository
  roster: Roster
  now: () => number
}

export type IncidentService = ReturnType<typeof createIncidentService>

export function createIncidentService({ repository, roster, now }: IncidentServiceOptions) {
  const context = (actor: string): ChangeContext => ({ nowMs: now(), actor, roster })

  /** The stored first answer for a retried key, a refusal for a reused one, or null to go ahead. */
  async function replayed(key: string | null, print: string, replayStatus?: number): Promise<Answer | null> {
    if (key === null) return null
    const seen = await repository.findAnswer(key)
    if (seen === null) return null
    return sameRequest(seen.fingerprint, print, seen.answer, replayStatus)
  }

  /**
   * Plans against the incident as stored and writes the plan with a compare-and-set on its
   * version. Losing the race means someone else wrote first: plan again on what they wrote,
   * which refuses (412) a request whose If-Match no longer holds, and lets appends through.
   */
  async function change(
    id: string,
    operation: string,
    request: unknown,
    ctx: WriteContext,
    plan: (current: Incident, c: ChangeContext) => Planned,
    answer: (incident: Incident, events: readonly TimelineEvent[]) => Answer,
  ): Promise<Answer> {
    const print = fingerprint({ operation, id, request })
    const replay = await replayed(ctx.idempotencyKey, print)
    if (replay) return replay

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await repository.get(id)
      if (current === null) return refusalAnswer({ ok: false, status: 404, message: `No incident ${id}.` })
      const planned = plan(current, context(ctx.actor))
      if (!planned.ok) return refusalAnswer(planned)
      if (planned.events.length === 0) return answer(current, [])

      const stored = await repository.update({
        id,
        expectedVersion: current.version,
        key: ctx.idempotencyKey,
        fingerprint: print,
        next: planned.incident,
        events: planned.events.map((e) => ({ ...e, at: planned.incident.updatedAt, actor: ctx.actor })),
        answer,
      })
      if (stored.kind === 'updated') return answer(stored.incident, stored.events)
      if (stored.kind === 'replay') return sameRequest(stored.fingerprint, print, stored.answer)
      if (stored.current === null) return refusalAnswer({ ok: false, status: 404, message: `No incident ${id}.` })
    }
    return { status: 503, body: { message: `${id} is changing too fast to save this; try again.` }, etag: null }
  }

  /** Notes and messages: no version to hold, so they queue on the row in the database and never conflict. */
  async function append(id: string, operation: string, request: unknown, ctx: WriteContext, plan: (current: Incident, c: ChangeContext) => Plan): Promise<Answer> {
    const print = fingerprint({ operation, id, request })
    const replay = await replayed(ctx.idempotencyKey, print)
    if (replay) return replay
    const stored = await repository.append({
      id,
      key: ctx.idempotencyKey,
      fingerprint: print,
      plan(current) {
        const planned = plan(current, context(ctx.actor))
        return { next: planned.incident, events: planned.events.map((e) => ({ ...e, at: planned.incident.updatedAt, actor: ctx.actor })) }
      },
      answer: eventAnswer,
    })
    if (stored.kind === 'missing') return refusalAnswer({ ok: false, status: 404, message: `No incident ${id}.` })
    if (stored.kind === 'replay') return sameRequest(stored.fingerprint, print, stored.answer)
    return eventAnswer(stored.incident, stored.events)
  }

  const incidentAnswer = (incident: Incident): Answer => ({ status: 200, body: incident, etag: etag(incident) })
  const eventAnswer = (incident: Incident, events: readonly TimelineEvent[]): Answer => {
    const event = events[0]
    if (event === undefined) throw new Error('A note or message must record a timeline entry.')
    return { status: 201, body: event, etag: etag(incident) }
  }

  return {
    list: () => repository.list(),
    revision: () => repository.revision(),
    get: (id: string) => repository.get(id),
    async timeline(id: string): Promise<{ incident: Incident; events: TimelineEvent[] } | null> {
      const incident = await repository.get(id)
      return incident === null ? null : { incident, events: await repository.timeline(id) }
    },

    /** Declaring needs a key: a retried declaration must never open a second incident. */
    async declare(request: DeclareIncidentRequest, ctx: WriteContext): Promise<Answer> {
      if (ctx.idempotencyKey === null) {
        return refusalAnswer({ ok: false, status: 400, message: 'Send an Idempotency-Key header so a retried declaration cannot create a second incident.' })
      }
      const print = fingerprint({ operation: 'declare', request })
      // A replayed declaration answers 200, not 201: nothing new was created (as the mock backend does).
      const replay = await replayed(ctx.idempotencyKey, print, 200)
      if (replay) return replay
      const nowMs = now()
      const created = await repository.create({
        key: ctx.idempotencyKey,
        fingerprint: print,
        build: (id) => declaredIncident(id, request, nowMs),
        events: declarationEvents(declaredIncident('INC-0', request, nowMs), ctx.actor).map((e) => ({ ...e, at: new Date(nowMs).toISOString() })),
        answer: (incident) => ({ status: 201, body: incident, etag: etag(incident) }),
      })
      if (created.kind === 'replay') return sameRequest(created.fingerprint, print, created.answer, 200)
      return { status: 201, body: created.incident, etag: etag(created.incident) }
    },

    patch: (id: string, ifMatch: string | null, request: PatchIncidentRequest, ctx: WriteContext) =>
      change(id, 'patch', request, ctx, (current, c) => planPatch(current, ifMatch, request, c), incidentAnswer),

    acknowledge: (id: string, ifMatch: string | null, request: AcknowledgeRequest, ctx: WriteContext) =>
      change(id, 'acknowledge', request, ctx, (current, c) => planAcknowledge(current, ifMatch, c), incidentAnswer),

    escalate: (id: string, ifMatch: string | null, request: EscalateRequest, ctx: WriteContext) =>
      change(id, 'escalate', request, ctx, (current, c) => planEscalate(current, ifMatch, request.reason, c), incidentAnswer),

    checklist: (id: string, ifMatch: string | null, request: ChecklistRequest, ctx: WriteContext) =>
      change(id, 'checklist', request, ctx, (current, c) => planChecklist(current, ifMatch, request, c), incidentAnswer),

    note: (id: string, request: NoteRequest, ctx: WriteContext) =>
      append(id, 'note', request, ctx, (current, c) => planNote(current, request.text, c)),

    message: (id: string, request: Pick<MessageRequest, 'template' | 'text'>, ctx: WriteContext, operation = 'message') =>
      append(id, operation, request, ctx, (current, c) => planMessage(current, request, c)),

    /** The stored answer for a key, if any (Slack posting checks it before sending anything). */
    replayed: (key: string | null, operation: string, id: string, request: unknown) => replayed(key, fingerprint({ operation, id, request })),
  }
}

function sameRequest(stored: string, print: string, answer: Answer, replayStatus?: number): Answer {
  if (stored !== print) {
    return refusalAnswer({ ok: false, status: 422, message: 'This Idempotency-Key was already used for a different request.' })
  }
  return replayStatus === undefined ? answer : { ...answer, status: replayStatus }
}

export function refusalAnswer(refusal: Refusal): Answer {
  const body = refusal.current === undefined ? { message: refusal.message } : { message: refusal.message, current: refusal.current }
  return { status: refusal.status, body, etag: refusal.current === undefined ? null : etag(refusal.current) }
}
