/**
 * The mock backend's incident store: plain data (so it can be saved as JSON) and the
 * operations a real incident service would offer — idempotent declaration, optimistic
 * concurrency by version, the status lifecycle, escalation and an append-only timeline.
 * Every operation takes the time as an argument and returns a result the HTTP layer maps
 * to a status code; none of them throws for a bad request.
 */
import { incident as incidentSchema, type DeclareIncidentRequest, type Incident, type MessageTemplate, type PatchIncidentRequest, type TimelineEvent } from '@/api/schemas'
import {
  ANONYMOUS,
  declarationEvents,
  declaredIncident,
  fingerprint as fingerprintOf,
  freshIncident,
  planAcknowledge,
  planChecklist,
  planEscalate,
  planMessage,
  planNote,
  planPatch,
  refuse,
  type Planned,
  type Refusal,
} from '@/backend/incident-rules'
import { ROSTER } from '@/backend/roster'

export { checkIfMatch, etag } from '@/backend/incident-rules'

export interface DbState {
  /**
   * Goes up with every change to any incident or to the list (each change records a
   * timeline event, see addEvent), so the list's ETag can say "nothing changed" without
   * comparing 10,000 incidents. Saved with the rest, so every tab of the browser agrees.
   */
  revision: number
  nextIncidentNo: number
  nextEventNo: number
  incidents: Incident[]
  /** Every incident's timeline, in the order the events were recorded. */
  events: TimelineEvent[]
  /**
   * Idempotency-Keys already served: a retried declaration returns the same incident; any
   * other retried write its first answer (handlers/idempotent.ts).
   */
  idempotency: IdempotencyEntry[]
}

export interface IdempotencyEntry {
  key: string
  /** What the key came with; the same key with another request is refused. */
  fingerprint: string
  incidentId: string
  /** The first answer, to give again; absent for declarations (a retry gets the incident as it is now). */
  answer?: { status: number; body: string; etag: string | null }
}

export const FIRST_INCIDENT_NO = 10_001
/** Enough to cover any client's retry window; older keys are forgotten. */
export const MAX_IDEMPOTENCY_KEYS = 500

export function emptyDb(revision = 0): DbState {
  return { revision, nextIncidentNo: FIRST_INCIDENT_NO, nextEventNo: 1, incidents: [], events: [], idempotency: [] }
}

export type Failure = Refusal
export type DbResult<T> = { ok: true; value: T } | Failure

const ok = <T>(value: T): DbResult<T> => ({ ok: true, value })
const iso = (ms: number): string => new Date(ms).toISOString()

// ---------------------------------------------------------------- reads

/** All incidents, newest declaration first. */
export function listIncidents(db: DbState): Incident[] {
  return [...db.incidents].sort((a, b) => Date.parse(b.declaredAt) - Date.parse(a.declaredAt) || idNumber(b.id) - idNumber(a.id))
}

export function getIncident(db: DbState, incidentId: string): Incident | undefined {
  return db.incidents.find((i) => i.id === incidentId)
}

/** One incident's events in time order (events at the same instant keep their recorded order). */
export function timelineOf(db: DbState, incidentId: string): TimelineEvent[] {
  return db.events
    .map((event, order) => ({ event, order }))
    .filter(({ event }) => event.incidentId === incidentId)
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.order - b.order)
    .map(({ event }) => event)
}

/** The incident list's ETag: weak, because it names the list's content, not its bytes. */
export function listEtag(db: Pick<DbState, 'revision'>): string {
  return `W/"incidents-${db.revision}"`
}

// ---------------------------------------------------------------- declaration

export interface Declared {
  incident: Incident
  /** False when the Idempotency-Key had been seen: the earlier incident is returned. */
  created: boolean
}

export function declareIncident(
  db: DbState,
  request: DeclareIncidentRequest,
  options: { nowMs: number; idempotencyKey: string },
): DbResult<Declared> {
  const fingerprint = fingerprintOf(request)
  const seen = db.idempotency.find((e) => e.key === options.idempotencyKey)
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      return refuse(422, 'This Idempotency-Key was already used for a different declaration.')
    }
    const earlier = getIncident(db, seen.incidentId)
    if (earlier) return ok({ incident: earlier, created: false })
  }

  const incident = declaredIncident(takeIncidentId(db), request, options.nowMs)
  db.incidents.push(incident)
  recordDeclaration(db, incident, request.actor ?? ANONYMOUS)

  db.idempotency.push({ key: options.idempotencyKey, fingerprint, incidentId: incident.id })
  if (db.idempotency.length > MAX_IDEMPOTENCY_KEYS) db.idempotency.splice(0, db.idempotency.length - MAX_IDEMPOTENCY_KEYS)
  return ok({ incident, created: true })
}

/** The timeline's first entries: the declaration, then one per linked alert. */
function recordDeclaration(db: DbState, incident: Incident, actor: string): void {
  for (const e of declarationEvents(incident, actor)) addEvent(db, incident.id, incident.declaredAt, e.actor, e.kind, e.text)
}

/**
 * Puts an incident straight into the store, for tests and demo data: any field may be
 * given, the rest get the defaults of a fresh declaration. Its timeline records the
 * declaration and each lifecycle timestamp that was given. Throws on an invalid result,
 * because a test that seeds nonsense should fail where it does so.
 */
export function insertIncident(db: DbState, partial: Partial<Incident>, nowMs: number): Incident {
  const declaredAt = partial.declaredAt ?? iso(nowMs)
  const incident = incidentSchema.parse({
    ...freshIncident(declaredAt),
    id: partial.id ?? takeIncidentId(db),
    title: 'Voice agent not responding',
    severity: 'P2',
    impact: 'Users cannot hold a conversation',
    services: [],
    ...partial,
    declaredAt,
    updatedAt: partial.updatedAt ?? declaredAt,
  } satisfies Record<keyof Incident, unknown>)
  if (getIncident(db, incident.id)) throw new Error(`An incident ${incident.id} already exists.`)
  // A seeded id must not be handed out again by a later declaration.
  db.nextIncidentNo = Math.max(db.nextIncidentNo, idNumber(incident.id) + 1)
  db.incidents.push(incident)

  recordDeclaration(db, incident, ANONYMOUS)
  const milestones: [string | null, string, string][] = [
    [incident.acknowledgedAt, 'acknowledged', 'Acknowledged'],
    [incident.mitigatedAt, 'status', 'Status → mitigated'],
    [incident.resolvedAt, 'status', 'Status → resolved'],
    [incident.closedAt, 'status', 'Status → closed'],
  ]
  for (const [at, kind, text] of milestones) if (at !== null) addEvent(db, incident.id, at, ANONYMOUS, kind, text)
  return incident
}

// ---------------------------------------------------------------- changes
// The rules are the shared ones (src/backend/incident-rules.ts); here they are applied to the store.

const context = (actor: string | undefined, nowMs: number) => ({ nowMs, actor: actor ?? ANONYMOUS, roster: ROSTER })

export function patchIncident(db: DbState, incidentId: string, ifMatch: string | null, patch: PatchIncidentRequest, nowMs: number): DbResult<Incident> {
  return apply(db, incidentId, (current) => planPatch(current, ifMatch, patch, context(patch.actor, nowMs)), patch.actor)
}

export function acknowledgeIncident(db: DbState, incidentId: string, ifMatch: string | null, actor: string | undefined, nowMs: number): DbResult<Incident> {
  return apply(db, incidentId, (current) => planAcknowledge(current, ifMatch, context(actor, nowMs)), actor)
}

export function escalateIncident(
  db: DbState,
  incidentId: string,
  ifMatch: string | null,
  request: { actor?: string | undefined; reason?: string | undefined },
  nowMs: number,
): DbResult<Incident> {
  return apply(db, incidentId, (current) => planEscalate(current, ifMatch, request.reason, context(request.actor, nowMs)), request.actor)
}

export function setChecklistStep(
  db: DbState,
  incidentId: string,
  ifMatch: string | null,
  request: { stepId: string; done: boolean; actor?: string | undefined },
  nowMs: number,
): DbResult<Incident> {
  return apply(db, incidentId, (current) => planChecklist(current, ifMatch, request, context(request.actor, nowMs)), request.actor)
}

export interface Recorded {
  event: TimelineEvent
  incident: Incident
}

export function addNote(db: DbState, incidentId: string, request: { text: string; actor?: string | undefined }, nowMs: number): DbResult<Recorded> {
  return record(db, incidentId, (current) => planNote(current, request.text, context(request.actor, nowMs)), request.actor)
}

export function recordMessage(
  db: DbState,
  incidentId: string,
  request: { template: MessageTemplate; text: string; actor?: string | undefined },
  nowMs: number,
): DbResult<Recorded> {
  return record(db, incidentId, (current) => planMessage(current, request, context(request.actor, nowMs)), request.actor)
}

/** Stores a plan: the incident replaced by its next state, the plan's events appended. */
function apply(db: DbState, incidentId: string, plan: (current: Incident) => Planned, actor: string | undefined): DbResult<Incident> {
  const index = db.incidents.findIndex((i) => i.id === incidentId)
  const current = db.incidents[index]
  if (current === undefined) return notFound(incidentId)
  const result = plan(current)
  if (!result.ok) return result
  if (result.events.length === 0) return ok(current)
  db.incidents[index] = result.incident
  for (const e of result.events) addEvent(db, incidentId, result.incident.updatedAt, actor ?? ANONYMOUS, e.kind, e.text)
  return ok(result.incident)
}

/** Like apply, for changes that are one timeline entry (notes, messages): answers that entry. */
function record(db: DbState, incidentId: string, plan: (current: Incident) => Planned, actor: string | undefined): DbResult<Recorded> {
  const before = db.events.length
  const applied = apply(db, incidentId, plan, actor)
  if (!applied.ok) return applied
  const event = db.events[before]
  if (event === undefined) throw new Error('A note or message must record a timeline entry.')
  return ok({ event, incident: applied.value })
}

// ---------------------------------------------------------------- helpers

function notFound(incidentId: string): Failure {
  return refuse(404, `No incident ${incidentId}.`)
}

function takeIncidentId(db: DbState): string {
  const id = `INC-${db.nextIncidentNo}`
  db.nextIncidentNo += 1
  return id
}

function idNumber(incidentId: string): number {
  const match = /^INC-(\d+)$/.exec(incidentId)
  return match?.[1] === undefined ? 0 : Number(match[1])
}

/** Every change to the store records an event, so this is where the revision moves. */
function addEvent(db: DbState, incidentId: string, at: string, actor: string, kind: string, text: string): TimelineEvent {
  const event: TimelineEvent = { id: `EV-${db.nextEventNo}`, incidentId, at, actor, kind, text }
  db.nextEventNo += 1
  db.revision += 1
  db.events.push(event)
  return event
}
