/**
 * The mock backend's incident store: plain data (so it can be saved as JSON) and the
 * operations a real incident service would offer — idempotent declaration, optimistic
 * concurrency by version, the status lifecycle, escalation and an append-only timeline.
 * Every operation takes the time as an argument and returns a result the HTTP layer maps
 * to a status code; none of them throws for a bad request.
 */
import {
  incident as incidentSchema,
  type DeclareIncidentRequest,
  type FollowUp,
  type Incident,
  type IncidentStatus,
  type MessageTemplate,
  type PatchIncidentRequest,
  type TimelineEvent,
} from '@/api/schemas'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import { canTransition, validateTransition } from '@/domain/incident-status'
import { checklistEventText, playbookEventText } from '@/domain/step-labels'
import { findPerson, rosterLevel } from './roster'

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
  /** Declarations already served, so a retried POST returns the same incident. */
  idempotency: { key: string; fingerprint: string; incidentId: string }[]
}

export const FIRST_INCIDENT_NO = 10_001
/** Enough to cover any client's retry window; older keys are forgotten. */
const MAX_IDEMPOTENCY_KEYS = 500
const ANONYMOUS = 'anonymous'

export function emptyDb(revision = 0): DbState {
  return { revision, nextIncidentNo: FIRST_INCIDENT_NO, nextEventNo: 1, incidents: [], events: [], idempotency: [] }
}

export type Failure = { ok: false; status: number; message: string; current?: Incident }
export type DbResult<T> = { ok: true; value: T } | Failure

const fail = (status: number, message: string, current?: Incident): Failure =>
  current === undefined ? { ok: false, status, message } : { ok: false, status, message, current }
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
  const fingerprint = JSON.stringify(request)
  const seen = db.idempotency.find((e) => e.key === options.idempotencyKey)
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      return fail(422, 'This Idempotency-Key was already used for a different declaration.')
    }
    const earlier = getIncident(db, seen.incidentId)
    if (earlier) return ok({ incident: earlier, created: false })
  }

  const at = iso(options.nowMs)
  const actor = request.actor ?? ANONYMOUS
  const incident: Incident = {
    ...freshIncident(at),
    id: takeIncidentId(db),
    title: request.title,
    severity: request.severity,
    impact: request.impact,
    services: [...request.services],
    alertIds: [...(request.alertIds ?? [])],
  }
  db.incidents.push(incident)
  recordDeclaration(db, incident, actor)

  db.idempotency.push({ key: options.idempotencyKey, fingerprint, incidentId: incident.id })
  if (db.idempotency.length > MAX_IDEMPOTENCY_KEYS) db.idempotency.splice(0, db.idempotency.length - MAX_IDEMPOTENCY_KEYS)
  return ok({ incident, created: true })
}

/** What every incident starts with, however it enters the store (everything but what it is about). */
function freshIncident(declaredAt: string): Omit<Incident, 'id' | 'title' | 'severity' | 'impact' | 'services'> {
  return {
    status: 'investigating',
    assignee: null,
    escalationLevel: 1,
    declaredAt,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    rootCause: '',
    resolution: '',
    alertIds: [],
    playbooks: [],
    checklist: [],
    postmortemAt: null,
    followUps: [],
    lastStatusUpdateAt: null,
    updatedAt: declaredAt,
    version: 1,
  }
}

/** The timeline's first entries: the declaration, then one per linked alert. */
function recordDeclaration(db: DbState, incident: Incident, actor: string): void {
  addEvent(db, incident.id, incident.declaredAt, actor, 'declared', `Declared ${incident.severity} — ${incident.title}`)
  for (const alertId of incident.alertIds) addEvent(db, incident.id, incident.declaredAt, 'system', 'alert', alertText(alertId))
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

// ---------------------------------------------------------------- concurrency

/**
 * Checks an If-Match header against the incident's version. Missing → 428; a stale or
 * unreadable tag → 412 with the current incident so the client can show the conflict.
 */
export function checkIfMatch(incident: Incident, ifMatch: string | null): Failure | null {
  if (ifMatch === null || ifMatch.trim() === '') {
    return fail(428, 'Send If-Match with the version you last read, e.g. If-Match: "3".')
  }
  const tags = ifMatch.split(',').map((t) => t.trim())
  if (tags.includes('*')) return null
  const versions = tags.map((t) => t.replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
  if (versions.includes(String(incident.version))) return null
  return fail(412, `${incident.id} was changed by someone else (now version ${incident.version}).`, incident)
}

export function etag(incident: Pick<Incident, 'version'>): string {
  return `"${incident.version}"`
}

// ---------------------------------------------------------------- changes

const STATUS_ORDER: readonly IncidentStatus[] = ['investigating', 'identified', 'mitigated', 'resolved', 'closed']

export function patchIncident(
  db: DbState,
  incidentId: string,
  ifMatch: string | null,
  patch: PatchIncidentRequest,
  nowMs: number,
): DbResult<Incident> {
  const incident = getIncident(db, incidentId)
  if (!incident) return notFound(incidentId)
  const precondition = checkIfMatch(incident, ifMatch)
  if (precondition) return precondition

  // Validate everything before changing anything: a refused PATCH changes nothing.
  const toStatus = patch.status !== undefined && patch.status !== incident.status ? patch.status : undefined
  if (toStatus !== undefined) {
    if (!canTransition(incident.status, toStatus)) {
      return fail(409, `An incident cannot go from ${incident.status} to ${toStatus}.`, incident)
    }
    const fields: { rootCause?: string; resolution?: string } = {}
    if (patch.rootCause !== undefined) fields.rootCause = patch.rootCause
    if (patch.resolution !== undefined) fields.resolution = patch.resolution
    const check = validateTransition(incident, toStatus, fields)
    if (!check.ok) return fail(422, check.reason, incident)
  }
  const assignee = patch.assignee === undefined || patch.assignee === null ? null : findPerson(patch.assignee)
  if (patch.assignee !== undefined && patch.assignee !== null && !assignee) {
    return fail(422, `Nobody called "${patch.assignee}" is on the roster.`)
  }

  const at = iso(nowMs)
  const actor = patch.actor ?? ANONYMOUS
  const events: [kind: string, text: string][] = []

  if (patch.title !== undefined && patch.title !== incident.title) {
    events.push(['title', `Title changed to “${patch.title}”`])
    incident.title = patch.title
  }
  if (patch.severity !== undefined && patch.severity !== incident.severity) {
    const reason = patch.severityReason?.trim()
    events.push(['severity', `Severity ${incident.severity} → ${patch.severity}${reason ? `: ${reason}` : ''}`])
    incident.severity = patch.severity
  }
  if (patch.impact !== undefined && patch.impact !== incident.impact) {
    events.push(['impact', `Impact: ${patch.impact}`])
    incident.impact = patch.impact
  }
  if (patch.services !== undefined && !sameList(patch.services, incident.services)) {
    events.push(['services', `Affected services: ${patch.services.length > 0 ? patch.services.join(', ') : 'none'}`])
    incident.services = [...patch.services]
  }
  if (patch.assignee !== undefined && (assignee?.id ?? null) !== incident.assignee) {
    events.push(['assignee', assignee ? `Assigned to ${assignee.name}` : 'Unassigned'])
    incident.assignee = assignee?.id ?? null
  }
  if (patch.rootCause !== undefined && patch.rootCause !== incident.rootCause) {
    events.push(['root-cause', `Root cause: ${patch.rootCause}`])
    incident.rootCause = patch.rootCause
  }
  if (patch.resolution !== undefined && patch.resolution !== incident.resolution) {
    events.push(['resolution', `Resolution: ${patch.resolution}`])
    incident.resolution = patch.resolution
  }
  if (patch.playbooks !== undefined && !sameList(patch.playbooks, incident.playbooks)) {
    for (const slug of patch.playbooks) if (!incident.playbooks.includes(slug)) events.push(['playbook', playbookEventText(slug, true)])
    for (const slug of incident.playbooks) if (!patch.playbooks.includes(slug)) events.push(['playbook', playbookEventText(slug, false)])
    incident.playbooks = [...new Set(patch.playbooks)]
  }
  if (patch.postmortemAt !== undefined && !sameInstant(patch.postmortemAt, incident.postmortemAt)) {
    events.push(['postmortem', patch.postmortemAt === null ? 'Post-mortem unscheduled' : `Post-mortem scheduled for ${iso(Date.parse(patch.postmortemAt))}`])
    incident.postmortemAt = patch.postmortemAt === null ? null : iso(Date.parse(patch.postmortemAt))
  }
  if (patch.followUps !== undefined) {
    const changes = followUpChanges(incident.followUps, patch.followUps)
    for (const text of changes) events.push(['follow-up', text])
    if (changes.length > 0) incident.followUps = patch.followUps.map((f) => ({ ...f }))
  }
  if (toStatus !== undefined) {
    if (incident.acknowledgedAt === null) events.push(['acknowledged', 'Acknowledged'])
    events.push(['status', `Status ${incident.status} → ${toStatus}`])
    applyStatus(incident, toStatus, at)
  }

  if (events.length === 0) return ok(incident)
  for (const [kind, text] of events) addEvent(db, incident.id, at, actor, kind, text)
  touch(incident, at)
  return ok(incident)
}

/** Moves the status and keeps the lifecycle timestamps consistent with it. */
function applyStatus(incident: Incident, to: IncidentStatus, at: string): void {
  const rank = STATUS_ORDER.indexOf(to)
  incident.status = to
  incident.acknowledgedAt ??= at
  // Going back (the fix did not hold, the incident came back) clears what no longer holds.
  incident.mitigatedAt = rank >= STATUS_ORDER.indexOf('mitigated') ? (incident.mitigatedAt ?? at) : null
  incident.resolvedAt = rank >= STATUS_ORDER.indexOf('resolved') ? (incident.resolvedAt ?? at) : null
  incident.closedAt = to === 'closed' ? (incident.closedAt ?? at) : null
}

/** Acknowledging twice is harmless: the second time changes nothing and succeeds. */
export function acknowledgeIncident(
  db: DbState,
  incidentId: string,
  ifMatch: string | null,
  actor: string | undefined,
  nowMs: number,
): DbResult<Incident> {
  const incident = getIncident(db, incidentId)
  if (!incident) return notFound(incidentId)
  const precondition = checkIfMatch(incident, ifMatch)
  if (precondition?.status === 428) return precondition
  // Two responders acknowledging at once both succeed, whichever version they held.
  if (incident.acknowledgedAt !== null) return ok(incident)
  if (precondition) return precondition
  const at = iso(nowMs)
  incident.acknowledgedAt = at
  addEvent(db, incident.id, at, actor ?? ANONYMOUS, 'acknowledged', 'Acknowledged')
  touch(incident, at)
  return ok(incident)
}

/** Pages the next level's on-call person and makes them the assignee; refused at L4. */
export function escalateIncident(
  db: DbState,
  incidentId: string,
  ifMatch: string | null,
  request: { actor?: string | undefined; reason?: string | undefined },
  nowMs: number,
): DbResult<Incident> {
  const incident = getIncident(db, incidentId)
  if (!incident) return notFound(incidentId)
  const precondition = checkIfMatch(incident, ifMatch)
  if (precondition) return precondition
  const next = rosterLevel(incident.escalationLevel + 1)
  if (!next) return fail(400, `${incident.id} is already at L${incident.escalationLevel}, the top of the escalation path.`, incident)
  const paged = findPerson(next.onCall)
  const at = iso(nowMs)
  const reason = request.reason?.trim()
  incident.escalationLevel = next.level
  incident.assignee = paged?.id ?? next.onCall
  const text = `Escalated to L${next.level} ${next.title} — paged ${paged?.name ?? next.onCall}${reason ? `: ${reason}` : ''}`
  addEvent(db, incident.id, at, request.actor ?? ANONYMOUS, 'escalated', text)
  touch(incident, at)
  return ok(incident)
}

export function setChecklistStep(
  db: DbState,
  incidentId: string,
  ifMatch: string | null,
  request: { stepId: string; done: boolean; actor?: string | undefined },
  nowMs: number,
): DbResult<Incident> {
  const incident = getIncident(db, incidentId)
  if (!incident) return notFound(incidentId)
  const precondition = checkIfMatch(incident, ifMatch)
  if (precondition) return precondition
  const isDone = incident.checklist.includes(request.stepId)
  if (isDone === request.done) return ok(incident)
  const at = iso(nowMs)
  incident.checklist = request.done
    ? [...incident.checklist, request.stepId]
    : incident.checklist.filter((s) => s !== request.stepId)
  addEvent(db, incident.id, at, request.actor ?? ANONYMOUS, 'checklist', checklistEventText(request.stepId, request.done))
  touch(incident, at)
  return ok(incident)
}

export interface Recorded {
  event: TimelineEvent
  incident: Incident
}

/** Notes only append, so they need no If-Match: two notes never conflict. */
export function addNote(
  db: DbState,
  incidentId: string,
  request: { text: string; actor?: string | undefined },
  nowMs: number,
): DbResult<Recorded> {
  const incident = getIncident(db, incidentId)
  if (!incident) return notFound(incidentId)
  const at = iso(nowMs)
  const event = addEvent(db, incident.id, at, request.actor ?? ANONYMOUS, 'note', request.text)
  touch(incident, at)
  return ok({ event, incident })
}

/** Logs a posted message with its exact text; a status update restarts the update clock. */
export function recordMessage(
  db: DbState,
  incidentId: string,
  request: { template: MessageTemplate; text: string; actor?: string | undefined },
  nowMs: number,
): DbResult<Recorded> {
  const incident = getIncident(db, incidentId)
  if (!incident) return notFound(incidentId)
  const at = iso(nowMs)
  const event = addEvent(db, incident.id, at, request.actor ?? ANONYMOUS, 'message', request.text)
  if (request.template === 'status-update') incident.lastStatusUpdateAt = at
  touch(incident, at)
  return ok({ event, incident })
}

// ---------------------------------------------------------------- helpers

function notFound(incidentId: string): Failure {
  return fail(404, `No incident ${incidentId}.`)
}

/** "Alert linked: STT error rate > 10 % (error-rate-critical:stt)"; an unknown id as it came. */
function alertText(alertId: string): string {
  const instance = ALERT_INSTANCES.find((i) => i.id === alertId)
  return instance ? `Alert linked: ${instance.name} (${alertId})` : `Alert linked: ${alertId}`
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

function touch(incident: Incident, at: string): void {
  incident.version += 1
  incident.updatedAt = at
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : Date.parse(a) === Date.parse(b)
}

/**
 * The follow-up list is saved whole; the timeline says, item by item, what that save did.
 * An item both edited and ticked in one save gets both entries, so neither goes unsaid.
 */
function followUpChanges(before: readonly FollowUp[], after: readonly FollowUp[]): string[] {
  const texts: string[] = []
  for (const f of after) {
    const old = before.find((b) => b.id === f.id)
    if (!old) {
      texts.push(`Follow-up added: ${f.text}${f.owner === '' ? '' : ` (${f.owner})`}`)
      continue
    }
    const edit = followUpEdit(old, f)
    if (edit !== null) texts.push(`Follow-up updated: ${edit}`)
    if (old.done !== f.done) texts.push(`Follow-up ${f.done ? 'done' : 'reopened'}: ${f.text}`)
  }
  for (const b of before) if (!after.some((f) => f.id === b.id)) texts.push(`Follow-up removed: ${b.text}`)
  return texts
}

/**
 * "Alert on quota at 80 % (was “Add a quota alert”) — owner @ana → @tom, due none → 2026-12-04",
 * or null when the text, owner and due date are unchanged. The old text is kept because
 * people name a follow-up by its text: without it the entry could not be traced back.
 */
function followUpEdit(old: FollowUp, next: FollowUp): string | null {
  const details: string[] = []
  const owner = (o: string) => (o.trim() === '' ? 'nobody' : o)
  if (old.owner !== next.owner) details.push(`owner ${owner(old.owner)} → ${owner(next.owner)}`)
  if (old.due !== next.due) details.push(`due ${old.due ?? 'none'} → ${next.due ?? 'none'}`)
  if (old.text === next.text && details.length === 0) return null
  const text = old.text === next.text ? next.text : `${next.text} (was “${old.text}”)`
  return details.length === 0 ? text : `${text} — ${details.join(', ')}`
}
