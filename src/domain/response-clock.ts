/**
 * The response-time clock: how long a responder has left to acknowledge an incident,
 * and whether the runbook's deadline was met. Times are epoch milliseconds; `now` is
 * always an argument so the clock is a pure function of its inputs.
 */
import { RESPONSE_MS, isKnownSeverity } from './severity'

export type ClockState =
  | { kind: 'running'; remainingMs: number }
  | { kind: 'met'; tookMs: number }
  | { kind: 'breached'; overdueMs: number; acknowledged: boolean }

export interface ClockInput {
  severity: string
  declaredAt: number
  acknowledgedAt: number | null
}

/** The acknowledgement budget for a severity; an unknown one gets P1's, the strictest. */
export function responseBudgetMs(severity: string): number {
  return isKnownSeverity(severity) ? RESPONSE_MS[severity] : RESPONSE_MS.P1
}

/** The instant acknowledgement is due. */
export function responseDeadline(i: Pick<ClockInput, 'severity' | 'declaredAt'>): number {
  return i.declaredAt + responseBudgetMs(i.severity)
}

/**
 * Acknowledgement deadline per severity; the current severity wins (a downgrade moves
 * the deadline later, an upgrade can breach at once). The deadline instant itself is
 * still in time: breached means strictly after it. A late acknowledgement stays
 * breached for ever, with the overdue time frozen at the acknowledgement.
 */
export function responseClock(i: ClockInput, now: number): ClockState {
  const budget = responseBudgetMs(i.severity)
  const deadline = i.declaredAt + budget
  const at = i.acknowledgedAt ?? now
  if (at > deadline) return { kind: 'breached', overdueMs: at - deadline, acknowledged: i.acknowledgedAt !== null }
  if (i.acknowledgedAt === null) {
    // A browser clock behind the server's must not show more time than the budget.
    return { kind: 'running', remainingMs: Math.min(budget, deadline - now) }
  }
  // Clock skew between writers can put the acknowledgement before the declaration.
  return { kind: 'met', tookMs: Math.max(0, i.acknowledgedAt - i.declaredAt) }
}

/** True when the deadline passed, acknowledged since or not. */
export function isBreached(state: ClockState): boolean {
  return state.kind === 'breached'
}

export interface DurationInput {
  declaredAt: number
  acknowledgedAt: number | null
  mitigatedAt: number | null
  resolvedAt: number | null
}

export interface IncidentDurations {
  timeToAcknowledge: number | null
  timeToMitigate: number | null
  timeToResolve: number | null
}

/**
 * Time to acknowledge, mitigate and resolve, each from declaration, or null when that
 * has not happened. An incident resolved without a separate mitigation step was
 * mitigated by its resolution, so its time to mitigate is its time to resolve. A
 * negative span (writers' clocks disagree) is reported as 0, not as time travel.
 */
export function incidentDurations(i: DurationInput): IncidentDurations {
  const since = (at: number | null): number | null => (at === null ? null : Math.max(0, at - i.declaredAt))
  return {
    timeToAcknowledge: since(i.acknowledgedAt),
    timeToMitigate: since(i.mitigatedAt ?? i.resolvedAt),
    timeToResolve: since(i.resolvedAt),
  }
}
