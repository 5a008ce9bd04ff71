/**
 * Every change a responder can make to an incident, as data: what request it becomes,
 * which values it depends on (its stake, for the conflict check) and what the screen may
 * show before the server answers. Pure: no React, no fetch.
 */
import type { FollowUp, Incident, MessageTemplate, PatchIncidentRequest } from '@/api/schemas'
import { setChecked } from '@/domain/checklist'
import { STATUS_LABELS } from '@/domain/incident-status'
import { nextLevel } from '@/domain/escalation'
import { messageTemplate } from '@/domain/runbook'
import type { StakeField } from './conflict'
import { fieldLabel } from './fields'

export type IncidentPatch = Omit<PatchIncidentRequest, 'actor'>

export type IncidentChange =
  | { kind: 'acknowledge' }
  | { kind: 'patch'; patch: IncidentPatch }
  | { kind: 'escalate'; reason?: string }
  /** `label` names the step for the Unsaved changes list ("Triage — Assign: …"). */
  | { kind: 'checklist'; stepId: string; done: boolean; label?: string }
  | { kind: 'note'; text: string }
  | { kind: 'message'; template: MessageTemplate; text: string }

const incidentPath = (id: string, suffix = '') => `/api/incidents/${encodeURIComponent(id)}${suffix}`

/** True for changes sent with If-Match (everything but notes and messages, which only append). */
export function isVersioned(change: IncidentChange): boolean {
  return change.kind !== 'note' && change.kind !== 'message'
}

/**
 * The queue (TanStack mutation scope) a change waits in. Versioned changes to one
 * incident go one at a time, in the order they were made; notes and messages only append
 * and have queues of their own, so a stuck status change does not hold back a note.
 */
export function scopeOf(incidentId: string, change: IncidentChange): string {
  return isVersioned(change) ? `incident:${incidentId}` : `incident:${incidentId}:${change.kind}`
}

/** Patch fields that are not incident fields of their own. */
const NOT_STAKE: readonly string[] = ['severityReason']

/** The values `change` depends on, as they are on `incident` and as the change sets them. */
export function stakeOf(incident: Incident, change: IncidentChange): StakeField[] {
  switch (change.kind) {
    case 'acknowledge':
      return [{ path: 'acknowledged', base: incident.acknowledgedAt !== null, yours: true }]
    case 'escalate':
      return [{ path: 'escalationLevel', base: incident.escalationLevel, yours: nextLevel(incident.escalationLevel) ?? incident.escalationLevel }]
    case 'checklist':
      return [{ path: `checklist:${change.stepId}`, base: incident.checklist.includes(change.stepId), yours: change.done }]
    case 'patch':
      return Object.entries(change.patch as Record<string, unknown>)
        .filter(([field, value]) => value !== undefined && !NOT_STAKE.includes(field))
        .map(([field, value]) => ({ path: field, base: (incident as unknown as Record<string, unknown>)[field] ?? null, yours: value }))
    case 'note':
    case 'message':
      return []
  }
}

/** The request a change becomes; the version (If-Match) is added when it is sent. */
export function requestOf(incidentId: string, change: IncidentChange, actor: string | null): { method: 'POST' | 'PATCH'; path: string; body: unknown } {
  const who = actor === null ? {} : { actor }
  switch (change.kind) {
    case 'acknowledge':
      return { method: 'POST', path: incidentPath(incidentId, '/acknowledge'), body: who }
    case 'escalate':
      return { method: 'POST', path: incidentPath(incidentId, '/escalate'), body: { ...who, ...(change.reason ? { reason: change.reason } : {}) } }
    case 'checklist':
      return { method: 'POST', path: incidentPath(incidentId, '/checklist'), body: { stepId: change.stepId, done: change.done, ...who } }
    case 'patch':
      return { method: 'PATCH', path: incidentPath(incidentId), body: { ...change.patch, ...who } }
    case 'note':
      return { method: 'POST', path: incidentPath(incidentId, '/notes'), body: { text: change.text.trim(), ...who } }
    case 'message':
      return { method: 'POST', path: incidentPath(incidentId, '/messages'), body: { template: change.template, text: change.text, ...who } }
  }
}

const excerpt = (text: string, max = 60) => {
  const line = text.trim().replace(/\s+/g, ' ')
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** The change in words, for the Unsaved changes list: "Status → Identified", "Note: restarted the pool". */
export function summarizeChange(incident: Pick<Incident, 'escalationLevel'>, change: IncidentChange): string {
  switch (change.kind) {
    case 'acknowledge':
      return 'Acknowledge'
    case 'escalate': {
      const to = nextLevel(incident.escalationLevel)
      return to === null ? 'Escalate' : `Escalate to L${to}`
    }
    case 'checklist':
      return `${change.done ? 'Tick' : 'Untick'} “${change.label ?? change.stepId}”`
    case 'note':
      return `Note: ${excerpt(change.text)}`
    case 'message':
      return `${messageTemplate(change.template).name} message`
    case 'patch': {
      const parts = Object.entries(change.patch as Record<string, unknown>)
        .filter(([field, value]) => value !== undefined && !NOT_STAKE.includes(field))
        .map(([field, value]) => {
          if (field === 'status' && typeof value === 'string' && value in STATUS_LABELS) return `Status → ${STATUS_LABELS[value as keyof typeof STATUS_LABELS]}`
          if (field === 'severity' && typeof value === 'string') return `Severity → ${value}`
          return `${fieldLabel(field)} edited`
        })
      return parts.length === 0 ? 'Edit' : parts.join(', ')
    }
  }
}

/**
 * What the incident looks like once the change lands, where showing it early helps
 * (a select that snaps back while the request runs reads as a broken control): status,
 * assignee, checklist ticks and follow-ups changed in place (edited or ticked). Null for
 * changes shown only once the server has them.
 */
export function applyOptimistic(incident: Incident, change: IncidentChange): Incident | null {
  if (change.kind === 'checklist') return { ...incident, checklist: [...setChecked(incident.checklist, change.stepId, change.done)] }
  if (change.kind !== 'patch') return null
  const { status, assignee } = change.patch
  const followUps = changesInPlace(incident.followUps, change.patch.followUps) ? change.patch.followUps : undefined
  if (status === undefined && assignee === undefined && followUps === undefined) return null
  return {
    ...incident,
    ...(status === undefined ? {} : { status }),
    ...(assignee === undefined ? {} : { assignee }),
    ...(followUps === undefined ? {} : { followUps }),
  }
}

/**
 * True when `next` has the same follow-ups as `current`, in the same order, only
 * edited or ticked. Items added or removed wait for the server: a removed item whose
 * save failed would come back without its control's error (the control unmounted
 * with it), and an added one is still in its form until it is saved.
 */
function changesInPlace(current: readonly FollowUp[], next: readonly FollowUp[] | undefined): next is readonly FollowUp[] {
  return next !== undefined && next.length === current.length && next.every((f, i) => f.id === current[i]?.id)
}
