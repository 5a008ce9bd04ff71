/**
 * The incident lifecycle: investigating → identified → mitigated → resolved → closed.
 *
 * Allowed moves (the TRANSITIONS table is the single source):
 * - Forward, one step or several, up to resolved: a responder may mitigate before the
 *   root cause is known (switch to the fallback LLM first, ask why later) or fix a
 *   simple fault outright. The skipped statuses simply never happened.
 * - closed only from resolved: closing ends the post-incident phase, which starts at
 *   resolution; an open incident cannot be closed without being resolved.
 * - Back to investigating from every other status: the root cause was wrong, the
 *   mitigation did not hold, or a resolved or closed incident came back. Other backward
 *   moves (mitigated → identified, closed → resolved) are refused: they would rewrite
 *   what happened, and investigating is the honest state when the picture is unclear.
 * - Never to the same status.
 */

export const INCIDENT_STATUSES = ['investigating', 'identified', 'mitigated', 'resolved', 'closed'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

export const STATUS_LABELS: Readonly<Record<IncidentStatus, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
}

/** from → the statuses it may move to, in lifecycle order. */
export const TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  investigating: ['identified', 'mitigated', 'resolved'],
  identified: ['investigating', 'mitigated', 'resolved'],
  mitigated: ['investigating', 'resolved'],
  resolved: ['investigating', 'closed'],
  closed: ['investigating'],
}

/** Fields a transition needs filled in (non-blank) on the incident or with the change. */
export type TransitionField = 'rootCause' | 'resolution'

export const FIELD_LABELS: Readonly<Record<TransitionField, string>> = {
  rootCause: 'Root cause',
  resolution: 'Resolution',
}

const REQUIRED: Readonly<Record<IncidentStatus, readonly TransitionField[]>> = {
  investigating: [],
  identified: [],
  mitigated: [],
  // The resolution message and the incident report are built from these two.
  resolved: ['rootCause', 'resolution'],
  // Closing from resolved already had them; asking again catches records that lost them.
  closed: ['rootCause', 'resolution'],
}

export function isIncidentStatus(value: string): value is IncidentStatus {
  return (INCIDENT_STATUSES as readonly string[]).includes(value)
}

/** True when the lifecycle allows moving `from` → `to` (never to the same status). */
export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** The statuses reachable from `from` in one move, in lifecycle order. */
export function nextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[from]
}

/** The fields that must be non-blank for an incident to enter `to`. */
export function requiresFields(to: IncidentStatus): readonly TransitionField[] {
  return REQUIRED[to]
}

/** Open incidents are the ones still being worked: not yet resolved. */
export function isOpen(status: IncidentStatus): boolean {
  return status === 'investigating' || status === 'identified' || status === 'mitigated'
}

export type TransitionResult = { ok: true } | { ok: false; reason: string }

export interface TransitionSubject {
  status: IncidentStatus
  rootCause: string
  resolution: string
}

/**
 * Checks a status change before it is sent. `fields` are the values entered with the
 * change; a field given there overrides the incident's, so a responder can fill in the
 * root cause in the same step that resolves. Whitespace alone does not count as filled.
 */
export function validateTransition(
  incident: TransitionSubject,
  to: IncidentStatus,
  fields: Partial<Record<TransitionField, string>> = {},
): TransitionResult {
  const from = incident.status
  if (from === to) return { ok: false, reason: `The incident is already ${STATUS_LABELS[to].toLowerCase()}.` }
  if (!canTransition(from, to)) {
    return { ok: false, reason: `An incident cannot go from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}.` }
  }
  const missing = requiresFields(to).filter((f) => (fields[f] ?? incident[f]).trim() === '')
  if (missing.length > 0) {
    const names = missing.map((f, i) => (i === 0 ? FIELD_LABELS[f] : FIELD_LABELS[f].toLowerCase()))
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.slice(-1).join('')}` : names.join('')
    const verb = names.length > 1 ? 'are' : 'is'
    return { ok: false, reason: `${list} ${verb} required to mark the incident ${STATUS_LABELS[to].toLowerCase()}.` }
  }
  return { ok: true }
}
