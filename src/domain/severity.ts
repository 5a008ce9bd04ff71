/**
 * Incident severity as the runbook defines it (P1–P4), how severities sort, and the
 * guided assessment that suggests one. The API may send a severity we do not know
 * ("P0", "SEV-X"); it is kept, treated as the most urgent and held to the strictest
 * deadline, because missing a real emergency costs more than over-reacting to a label.
 */

export const SEVERITY_IDS = ['P1', 'P2', 'P3', 'P4'] as const
export type Severity = (typeof SEVERITY_IDS)[number]

export interface SeverityInfo {
  readonly id: Severity
  /** The runbook's word for the level: Critical, High, Medium, Low. */
  readonly label: string
  readonly impact: string
  /** The response time as the runbook words it. */
  readonly responseTime: string
  /** The acknowledgement deadline, counted from declaration. */
  readonly responseMs: number
  readonly example: string
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Acknowledgement deadline per severity, in milliseconds from declaration. */
export const RESPONSE_MS: Readonly<Record<Severity, number>> = {
  P1: 5 * MINUTE,
  P2: 15 * MINUTE,
  P3: HOUR,
  P4: 4 * HOUR,
}

/** The runbook's severity levels, most urgent first; wording verbatim. */
export const SEVERITIES: readonly SeverityInfo[] = [
  {
    id: 'P1',
    label: 'Critical',
    impact: 'Service completely down',
    responseTime: 'Immediate (< 5 minutes)',
    responseMs: RESPONSE_MS.P1,
    example: 'All users cannot access service',
  },
  {
    id: 'P2',
    label: 'High',
    impact: 'Major functionality broken',
    responseTime: '15 minutes',
    responseMs: RESPONSE_MS.P2,
    example: 'Voice agent not responding, high error rate',
  },
  {
    id: 'P3',
    label: 'Medium',
    impact: 'Partial functionality affected',
    responseTime: '1 hour',
    responseMs: RESPONSE_MS.P3,
    example: 'Specific feature not working, minor errors',
  },
  {
    id: 'P4',
    label: 'Low',
    impact: 'Minor issue, workaround available',
    responseTime: '4 hours',
    responseMs: RESPONSE_MS.P4,
    example: 'UI bug, minor latency issues',
  },
]

/** True for the four severities the runbook defines (case-sensitive: "p1" is unknown). */
export function isKnownSeverity(s: string): s is Severity {
  return (SEVERITY_IDS as readonly string[]).includes(s)
}

/** The runbook entry for a severity, or undefined for one we do not know. */
export function severityInfo(s: string): SeverityInfo | undefined {
  return SEVERITIES.find((info) => info.id === s)
}

/**
 * Sort rank: 1 for P1 … 4 for P4, and 0 for any unknown severity so it sorts before P1
 * — an unrecognised label from the API is more likely a new emergency class than noise.
 */
export function severityRank(s: string): number {
  return isKnownSeverity(s) ? SEVERITY_IDS.indexOf(s) + 1 : 0
}

/**
 * Comparator for `Array.prototype.sort`, most urgent first. Unknown severities tie on
 * rank, so they are ordered by their text to keep a sort stable across renders.
 */
export function compareSeverity(a: string, b: string): number {
  const byRank = severityRank(a) - severityRank(b)
  if (byRank !== 0) return byRank
  return a < b ? -1 : a > b ? 1 : 0
}

// ---------------------------------------------------------------- guided assessment

export interface SeverityAnswers {
  completelyDown: boolean
  majorBroken: boolean
  partial: boolean
  workaround: boolean
}

export interface SeverityQuestion {
  readonly key: keyof SeverityAnswers
  readonly question: string
}

/** The assessment, asked in this order; each question mirrors one runbook impact line. */
export const SEVERITY_QUESTIONS: readonly SeverityQuestion[] = [
  { key: 'completelyDown', question: 'Is the service completely down?' },
  { key: 'majorBroken', question: 'Is major functionality broken?' },
  { key: 'partial', question: 'Is only part of the functionality affected?' },
  { key: 'workaround', question: 'Is a workaround available?' },
]

/**
 * Suggests a severity from the assessment. The most severe "yes" wins, so contradictory
 * answers never talk a real outage down. A workaround only separates P3 from P4 — the
 * runbook's P4 is "Minor issue, workaround available" while P1 and P2 say nothing of
 * workarounds, and letting one optimistic answer downgrade an outage or a broken agent
 * would delay the response that matters most. With nothing affected the answer is P4.
 */
export function suggestSeverity(answers: SeverityAnswers): Severity {
  if (answers.completelyDown) return 'P1'
  if (answers.majorBroken) return 'P2'
  if (answers.partial && !answers.workaround) return 'P3'
  return 'P4'
}

// ---------------------------------------------------------------- from alerts

/**
 * The components the voice conversation cannot happen without: speech in, thinking,
 * speech out and the LiveKit room that carries it. One of them down means "all users
 * cannot access service". The database (conversations are not saved) and a single API
 * provider (a fallback exists) are major breakage, not a complete outage.
 */
export const CORE_SUBJECTS: readonly string[] = ['stt', 'llm', 'tts', 'livekit']

export interface AlertForSeverity {
  severity: 'critical' | 'warning'
  ruleId: string
  subject: string
}

/**
 * True for an alert that says something is down: the runbook's "Service down > 1 minute"
 * rule. Matched by the word "down" in the rule id ("service-down", "livekit-down") so a
 * renamed rule still counts — erring toward P1 is the safe direction.
 */
export function isDownAlert(alert: Pick<AlertForSeverity, 'ruleId'>): boolean {
  return /down/i.test(alert.ruleId)
}

/**
 * Suggests a severity from the alerts that are firing (the caller filters by state):
 * a critical "down" alert on a core component → P1 (service completely down); any
 * other critical alert (error rate > 10 %, database connection lost, quota exceeded,
 * a non-core component down) → P2 (major functionality broken); only warnings → P3
 * (degraded, partly affected); no alerts → P4. Warnings never reach P2 because the
 * runbook's warning thresholds are early signs, not breakage.
 */
export function suggestSeverityFromAlerts(alerts: readonly AlertForSeverity[]): Severity {
  const critical = alerts.filter((a) => a.severity === 'critical')
  if (critical.some((a) => isDownAlert(a) && CORE_SUBJECTS.includes(a.subject))) return 'P1'
  if (critical.length > 0) return 'P2'
  if (alerts.length > 0) return 'P3'
  return 'P4'
}
