/**
 * The runbook's escalation path, L1 on-call → L4 CTO/VP Engineering, and when Vigil
 * suggests taking the next step.
 */
import type { ClockState } from './response-clock'

export const ESCALATION_LEVEL_NUMBERS = [1, 2, 3, 4] as const
export type EscalationLevel = (typeof ESCALATION_LEVEL_NUMBERS)[number]

export interface EscalationStep {
  readonly level: EscalationLevel
  /** "L1" … "L4". */
  readonly code: string
  readonly role: string
  /** What the level is for, as the runbook words it. */
  readonly scope: string
}

/** The runbook's escalation path, wording verbatim. */
export const ESCALATION_LEVELS: readonly EscalationStep[] = [
  { level: 1, code: 'L1', role: 'On-call engineer', scope: 'initial response' },
  { level: 2, code: 'L2', role: 'Senior engineer', scope: 'complex issues' },
  { level: 3, code: 'L3', role: 'Engineering lead', scope: 'critical issues' },
  { level: 4, code: 'L4', role: 'CTO/VP Engineering', scope: 'business-critical' },
]

export const TOP_ESCALATION_LEVEL: EscalationLevel = 4

export function isEscalationLevel(level: number): level is EscalationLevel {
  return (ESCALATION_LEVEL_NUMBERS as readonly number[]).includes(level)
}

/** The runbook step for a level, or undefined outside 1–4. */
export function escalationStep(level: number): EscalationStep | undefined {
  return ESCALATION_LEVELS.find((s) => s.level === level)
}

/**
 * The level to escalate to from `level`, or null when there is none: at L4 (nobody is
 * above the CTO/VP) and for a level outside 1–4, where guessing a step would page the
 * wrong person.
 */
export function nextLevel(level: number): EscalationLevel | null {
  const next = level + 1
  return isEscalationLevel(level) && isEscalationLevel(next) ? next : null
}

/**
 * Suggest escalating while the response clock is breached and nobody has acknowledged:
 * the people paged so far have not answered in time, so page the next level. Once
 * someone acknowledges — even late — a responder is on it and escalating is their call
 * (the breach stays on record). Never above L4.
 */
export function shouldSuggestEscalation(clock: ClockState, level: number): boolean {
  return clock.kind === 'breached' && !clock.acknowledged && nextLevel(level) !== null
}

/** "L2: Senior engineer", as the runbook lists it; an unknown level is shown as "L7". */
export function escalationLabel(level: number): string {
  const step = escalationStep(level)
  return step ? `${step.code}: ${step.role}` : `L${level}`
}
