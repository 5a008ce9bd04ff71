/**
 * How often an open incident owes the channel a status update. The runbook gives the
 * update's template but no cadence; these defaults scale with its response times
 * (P1 answers in 5 minutes, so people waiting on a P1 hear every 15) and a team may
 * override them. Times are epoch milliseconds; `now` is an argument.
 */
import { isOpen, type ShownStatus } from './incident-status'
import { isKnownSeverity, type Severity } from './severity'

/** Milliseconds between updates per severity; null means no reminder for that severity. */
export type StatusCadence = Readonly<Record<Severity, number | null>>

const MINUTE = 60_000

export const DEFAULT_STATUS_CADENCE: StatusCadence = {
  P1: 15 * MINUTE,
  P2: 30 * MINUTE,
  P3: 2 * 60 * MINUTE,
  P4: null,
}

/** The default cadence with some severities changed (a value of null turns one off). */
export function statusCadence(overrides: Partial<Record<Severity, number | null>>): StatusCadence {
  return { ...DEFAULT_STATUS_CADENCE, ...overrides }
}

export type StatusUpdateDue =
  | { kind: 'none' }
  | { kind: 'ok'; nextDueInMs: number }
  | { kind: 'overdue'; overdueMs: number }

export interface StatusUpdateSubject {
  severity: string
  /** A status we do not know counts as open: updates stay due. */
  status: ShownStatus
  /** Epoch ms. */
  declaredAt: number
  /** Epoch ms of the last status update posted, or null when none was. */
  lastStatusUpdateAt: number | null
}

/** The interval for a severity; an unknown one gets P1's, as the response clock does. */
export function cadenceFor(severity: string, cadence: StatusCadence = DEFAULT_STATUS_CADENCE): number | null {
  return isKnownSeverity(severity) ? cadence[severity] : cadence.P1
}

/**
 * Whether a status update is due. Counting starts at the last update, or at the
 * declaration when none was posted (the internal alert went out then). Only open
 * incidents owe updates: a resolved one has had its resolution message. The due
 * instant itself is still on time; overdue means strictly after it. A non-positive or
 * non-finite interval in the config means no reminder rather than a constant alarm.
 */
export function statusUpdateDue(
  incident: StatusUpdateSubject,
  now: number,
  cadence: StatusCadence = DEFAULT_STATUS_CADENCE,
): StatusUpdateDue {
  if (!isOpen(incident.status)) return { kind: 'none' }
  const every = cadenceFor(incident.severity, cadence)
  if (every === null || !Number.isFinite(every) || every <= 0) return { kind: 'none' }
  // A last update stamped before the declaration (clock skew) cannot restart the count earlier.
  const from = Math.max(incident.declaredAt, incident.lastStatusUpdateAt ?? incident.declaredAt)
  const due = from + every
  return now > due ? { kind: 'overdue', overdueMs: now - due } : { kind: 'ok', nextDueInMs: due - now }
}
