/**
 * What a change to an incident means, for both implementations of the contract: the mock
 * backend (src/mocks/db.ts, over its in-memory store) and the server (server/services,
 * over PostgreSQL). Each rule takes the incident as it is and the request, and answers
 * either a refusal (an HTTP status and a message) or the incident as it should become
 * with the timeline entries that say why. Nothing here stores anything, reads a clock
 * or throws for a bad request; who stores the plan decides who wins a race.
 */
import type {
  DeclareIncidentRequest,
  FollowUp,
  Incident,
  IncidentStatus,
  MessageTemplate,
  PatchIncidentRequest,
  Roster,
} from '@/api/schemas'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import { canTransition, validateTransition } from '@/domain/incident-status'
import { checklistEventText, playbookEventText } from '@/domain/step-labels'
import { findPerson, rosterLevel } from './roster'

export const ANONYMOUS = 'anonymous'

export type Refusal = { ok: false; status: number; message: string; current?: Incident }
export interface PlannedEvent {
  kind: string
  text: string
}
/**
 * The incident as it should become and what to write on its timeline. With no events the
 * request changed nothing and `incident` is the one given (same version): nothing to store.
 */
export type Plan = { ok: true; incident: Incident; events: PlannedEvent[] }
export type Planned = Plan | Refusal

/** Who does it, when, and who can be paged. */
export interface ChangeContext {
  nowMs: number
  actor: string
  roster: Roster
}

export const refuse = (status: number, message: string, current?: Incident): Refusal =>
  current === undefined ? { ok: false, status, message } : { ok: false, status, message, current }

const iso = (ms: number): string => new Date(ms).toISOString()

// ---------------------------------------------------------------- declaration

/** What every incident starts with, however it enters a store (everything but what it is about). */
export function freshIncident(declaredAt: string): Omit<Incident, 'id' | 'title' | 'severity' | 'impact' | 'services'> {
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

/** A declared incident, once the store has given it an id. */
export function declaredIncident(id: string, request: DeclareIncidentRequest, nowMs: number): Incident {
  return {
    ...freshIncident(iso(nowMs)),
    id,
    title: request.title,
    severity: request.severity,
    impact: request.impact,
    services: [...request.services],
    alertIds: [...new Set(request.alertIds ?? [])],
  }
}

/** The timeline's first entries: the declaration, then one per linked alert (written by the system). */
export function declarationEvents(incident: Incident, actor: string): (PlannedEvent & { actor: string })[] {
  return [
    { actor, kind: 'declared', text: `Declared ${incident.severity} — ${incident.title}` },
    ...incident.alertIds.map((alertId) => ({ actor: 'system', kind: 'alert', text: alertText(alertId) })),
  ]
}

/** "Alert linked: STT error rate > 10 % (error-rate-critical:stt)"; an unknown id as it came. */
function alertText(alertId: string, linked = true): string {
  const instance = ALERT_INSTANCES.find((i) => i.id === alertId)
  const verb = linked ? 'Alert linked' : 'Alert unlinked'
  return instance ? `${verb}: ${instance.name} (${alertId})` : `${verb}: ${alertId}`
}

/** The JSON a retried request must match to be the same request (key order as the parser built it). */
export function fingerprint(request: unknown): string {
  return JSON.stringify(request)
}

// ---------------------------------------------------------------- concurrency

/**
 * Checks an If-Match header against the incident's version. Missing → 428; a stale or
 * unreadable tag → 412 with the current incident so the client can show the conflict.
 */
export function checkIfMatch(incident: Incident, ifMatch: string | null): Refusal | null {
  if (ifMatch === null || ifMatch.trim() === '') {
    return refuse(428, 'Send If-Match with the version you last read, e.g. If-Match: "3".')
  }
  const tags = ifMatch.split(',').map((t) => t.trim())
  if (tags.includes('*')) return null
  const versions = tags.map((t) => t.replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
  if (versions.includes(String(incident.version))) return null
  return refuse(412, `${incident.id} was changed by someone else (now version ${incident.version}).`, incident)
}

export function etag(incident: Pick<Incident, 'version'>): string {
  return `"${incident.version}"`
}

// ---------------------------------------------------------------- changes

const STATUS_ORDER: readonly IncidentStatus[] = ['investigating', 'identified', 'mitigated', 'resolved', 'closed']

export function planPatch(current: Incident, ifMatch: string | null, patch: PatchIncidentRequest, ctx: ChangeContext): Planned {
  const precondition = checkIfMatch(current, ifMatch)
  if (precondition) return precondition

  // Validate everything before changing anything: a refused PATCH changes nothing.
  const toStatus = patch.status !== undefined && patch.status !== current.status ? patch.status : undefined
  if (toStatus !== undefined) {
    if (!canTransition(current.status, toStatus)) {
      return refuse(409, `An incident cannot go from ${current.status} to ${toStatus}.`, current)
    }
    const fields: { rootCause?: string; resolution?: string } = {}
    if (patch.rootCause !== undefined) fields.rootCause = patch.rootCause
    if (patch.resolution !== undefined) fields.resolution = patch.resolution
    const check = validateTransition(current, toStatus, fields)
    if (!check.ok) return refuse(422, check.reason, current)
  }
  const assignee = patch.assignee === undefined || patch.assignee === null ? null : findPerson(ctx.roster, patch.assignee)
  if (patch.assignee !== undefined && patch.assignee !== null && !assignee) {
    return refuse(422, `Nobody called "${patch.assignee}" is on the roster.`)
  }

  const next = structuredClone(current)
  const at = iso(ctx.nowMs)
  const events: PlannedEvent[] = []
  const say = (kind: string, text: string) => events.push({ kind, text })

  if (patch.title !== undefined && patch.title !== next.title) {
    say('title', `Title changed to “${patch.title}”`)
    next.title = patch.title
  }
  if (patch.severity !== undefined && patch.severity !== next.severity) {
    const reason = patch.severityReason?.trim()
    say('severity', `Severity ${next.severity} → ${patch.severity}${reason ? `: ${reason}` : ''}`)
    next.severity = patch.severity
  }
  if (patch.impact !== undefined && patch.impact !== next.impact) {
    say('impact', `Impact: ${patch.impact}`)
    next.impact = patch.impact
  }
  if (patch.services !== undefined && !sameList(patch.services, next.services)) {
    say('services', `Affected services: ${patch.services.length > 0 ? patch.services.join(', ') : 'none'}`)
    next.services = [...patch.services]
  }
  if (patch.assignee !== undefined && (assignee?.id ?? null) !== next.assignee) {
    say('assignee', assignee ? `Assigned to ${assignee.name}` : 'Unassigned')
    next.assignee = assignee?.id ?? null
  }
  if (patch.rootCause !== undefined && patch.rootCause !== next.rootCause) {
    say('root-cause', `Root cause: ${patch.rootCause}`)
    next.rootCause = patch.rootCause
  }
  if (patch.resolution !== undefined && patch.resolution !== next.resolution) {
    say('resolution', `Resolution: ${patch.resolution}`)
    next.resolution = patch.resolution
  }
  if (patch.playbooks !== undefined && !sameList(patch.playbooks, next.playbooks)) {
    for (const slug of patch.playbooks) if (!next.playbooks.includes(slug)) say('playbook', playbookEventText(slug, true))
    for (const slug of next.playbooks) if (!patch.playbooks.includes(slug)) say('playbook', playbookEventText(slug, false))
    next.playbooks = [...new Set(patch.playbooks)]
  }
  if (patch.alertIds !== undefined && !sameList(patch.alertIds, next.alertIds)) {
    for (const alertId of patch.alertIds) if (!next.alertIds.includes(alertId)) say('alert', alertText(alertId))
    for (const alertId of next.alertIds) if (!patch.alertIds.includes(alertId)) say('alert', alertText(alertId, false))
    next.alertIds = [...new Set(patch.alertIds)]
  }
  if (patch.postmortemAt !== undefined && !sameInstant(patch.postmortemAt, next.postmortemAt)) {
    say('postmortem', patch.postmortemAt === null ? 'Post-mortem unscheduled' : `Post-mortem scheduled for ${iso(Date.parse(patch.postmortemAt))}`)
    next.postmortemAt = patch.postmortemAt === null ? null : iso(Date.parse(patch.postmortemAt))
  }
  if (patch.followUps !== undefined) {
    const changes = followUpChanges(next.followUps, patch.followUps)
    for (const text of changes) say('follow-up', text)
    if (changes.length > 0) next.followUps = patch.followUps.map((f) => ({ ...f }))
  }
  if (toStatus !== undefined) {
    if (next.acknowledgedAt === null) say('acknowledged', 'Acknowledged')
    say('status', `Status ${next.status} → ${toStatus}`)
    applyStatus(next, toStatus, at)
  }
  return planned(current, next, events, at)
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
export function planAcknowledge(current: Incident, ifMatch: string | null, ctx: ChangeContext): Planned {
  const precondition = checkIfMatch(current, ifMatch)
  if (precondition?.status === 428) return precondition
  // Two responders acknowledging at once both succeed, whichever version they held.
  if (current.acknowledgedAt !== null) return { ok: true, incident: current, events: [] }
  if (precondition) return precondition
  const at = iso(ctx.nowMs)
  return planned(current, { ...current, acknowledgedAt: at }, [{ kind: 'acknowledged', text: 'Acknowledged' }], at)
}

/** Pages the next level's on-call person and makes them the assignee; refused at L4. */
export function planEscalate(current: Incident, ifMatch: string | null, reason: string | undefined, ctx: ChangeContext): Planned {
  const precondition = checkIfMatch(current, ifMatch)
  if (precondition) return precondition
  const level = rosterLevel(ctx.roster, current.escalationLevel + 1)
  if (!level) return refuse(400, `${current.id} is already at L${current.escalationLevel}, the top of the escalation path.`, current)
  const paged = findPerson(ctx.roster, level.onCall)
  const why = reason?.trim()
  const text = `Escalated to L${level.level} ${level.title} — paged ${paged?.name ?? level.onCall}${why ? `: ${why}` : ''}`
  const next = { ...current, escalationLevel: level.level, assignee: paged?.id ?? level.onCall }
  return planned(current, next, [{ kind: 'escalated', text }], iso(ctx.nowMs))
}

export function planChecklist(current: Incident, ifMatch: string | null, step: { stepId: string; done: boolean }, ctx: ChangeContext): Planned {
  const precondition = checkIfMatch(current, ifMatch)
  if (precondition) return precondition
  if (current.checklist.includes(step.stepId) === step.done) return { ok: true, incident: current, events: [] }
  const checklist = step.done ? [...current.checklist, step.stepId] : current.checklist.filter((s) => s !== step.stepId)
  return planned(current, { ...current, checklist }, [{ kind: 'checklist', text: checklistEventText(step.stepId, step.done) }], iso(ctx.nowMs))
}

/** Notes only append, so they need no If-Match: two notes never conflict. */
export function planNote(current: Incident, text: string, ctx: ChangeContext): Plan {
  return planned(current, { ...current }, [{ kind: 'note', text }], iso(ctx.nowMs))
}

/** Logs a posted message with its exact text; a status update restarts the update clock. */
export function planMessage(current: Incident, message: { template: MessageTemplate; text: string }, ctx: ChangeContext): Plan {
  const at = iso(ctx.nowMs)
  const next = message.template === 'status-update' ? { ...current, lastStatusUpdateAt: at } : { ...current }
  return planned(current, next, [{ kind: 'message', text: message.text }], at)
}

/** A change with something to say moves the version on; one that says nothing stores nothing. */
function planned(current: Incident, next: Incident, events: PlannedEvent[], at: string): Plan {
  if (events.length === 0) return { ok: true, incident: current, events }
  return { ok: true, incident: { ...next, version: current.version + 1, updatedAt: at }, events }
}

// ---------------------------------------------------------------- helpers

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
