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
 *
 * A status this client does not know (a newer backend's "monitoring") is kept as sent
 * and shown as unknown, never dropped. It counts as open — hiding a live P1 because of a
 * new word would cost more than one incident too many on the wall — and no move is
 * offered from it: the client cannot tell which moves that backend allows.
 */

export const INCIDENT_STATUSES = ['investigating', 'identified', 'mitigated', 'resolved', 'closed'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]
/** A status as the API sent it: one of ours, or one this client does not know. */
export type ShownStatus = IncidentStatus | (string & {})

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

/** True when the lifecycle allows moving `from` → `to` (never to the same status, never from an unknown one). */
export function canTransition(from: ShownStatus, to: IncidentStatus): boolean {
  return isIncidentStatus(from) && TRANSITIONS[from].includes(to)
}

/** The statuses reachable from `from` in one move, in lifecycle order; none from a status we do not know. */
export function nextStatuses(from: ShownStatus): readonly IncidentStatus[] {
  return isIncidentStatus(from) ? TRANSITIONS[from] : []
}

/** The fields that must be non-blank for an incident to enter `to`. */
export function requiresFields(to: IncidentStatus): readonly TransitionField[] {
  return REQUIRED[to]
}

/**
 * Open incidents are the ones still being worked: not yet resolved. A status we do not
 * know counts as open, so the wall, the P1 takeover and alert coverage still show it.
 */
export function isOpen(status: ShownStatus): boolean {
  return status !== 'resolved' && status !== 'closed'
}

/** "Investigating"; a status we do not know as sent, said to be unknown: "monitoring (unknown status)". */
export function statusLabel(status: ShownStatus): string {
  return isIncidentStatus(status) ? STATUS_LABELS[status] : `${status} (unknown status)`
}

/** Why no status change is offered from a status we do not know; null for one we know. */
export function unknownStatusReason(status: ShownStatus): string | null {
  if (isIncidentStatus(status)) return null
  return (
    `“${status}” is a status this version of Vigil does not know, so it cannot tell which changes are allowed from it ` +
    'and offers none. The incident is treated as open. Change the status where it was set, or update Vigil.'
  )
}

export type TransitionResult = { ok: true } | { ok: false; reason: string }

export interface TransitionSubject {
  status: ShownStatus
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
  const unknown = unknownStatusReason(from)
  if (unknown !== null) return { ok: false, reason: unknown }
  if (from === to) return { ok: false, reason: `The incident is already ${STATUS_LABELS[to].toLowerCase()}.` }
  if (!canTransition(from, to)) {
    return { ok: false, reason: `An incident cannot go from ${statusLabel(from)} to ${STATUS_LABELS[to]}.` }
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
