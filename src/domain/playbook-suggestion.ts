/**
 * Which runbook playbooks fit the alerts that fired. The alert's own `playbook` slug
 * (set by its rule, see alert-rules.ts) is trusted first; then our rule config, by rule
 * id and subject; and for a rule neither knows (a real backend's own rule names) the
 * words in its id, following the runbook's pairing of symptoms and playbooks.
 */
import { ALERT_INSTANCES, ALERT_RULES } from './alert-rules'
import { PLAYBOOKS, type Playbook } from './runbook'

export interface SuggestionAlert {
  readonly ruleId: string
  readonly subject: string
  readonly state: string
  /** The slug the alert names, when the backend sends one. */
  readonly playbook?: string | null
}

/** Pending counts as fired: a responder should open the playbook before the page, not after. */
const FIRED_STATES: readonly string[] = ['pending', 'firing']

/**
 * Last resort for unknown rule ids, checked in this order because ids can hold two
 * hints: "db-error-rate" is a database problem first, "quota-429-errors" a quota one.
 */
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/database|\bdb\b|db[-_.]|postgres|connection[-_ ]lost/i, 'database-connection-lost'],
  [/quota|429|rate[-_ ]?limit/i, 'rate-limiting'],
  [/error|retry|retries/i, 'high-error-rate'],
  // Last: "agent-error-rate" is an error problem; anything else about the agent itself
  // ("voice-agent-health-check") is the runbook's "Agent Not Responding".
  [/down|latency|slow|timeout|unresponsive|not[-_ ]responding|agent|health[-_ ]?check/i, 'agent-not-responding'],
]

/**
 * The playbook slug one alert points at, or null when none fits (for example host CPU
 * under our rules has one; an unknown "disk-full" rule has none).
 */
export function playbookForAlert(alert: Omit<SuggestionAlert, 'state'>): string | null {
  if (alert.playbook !== undefined && alert.playbook !== null && alert.playbook.trim() !== '') return alert.playbook
  const instance = ALERT_INSTANCES.find((i) => i.ruleId === alert.ruleId && i.subject === alert.subject)
  if (instance) return instance.playbook
  const rule = ALERT_RULES.find((r) => r.id === alert.ruleId)
  if (rule) return rule.playbook
  const words = `${alert.ruleId} ${alert.subject}`
  return PATTERNS.find(([pattern]) => pattern.test(words))?.[1] ?? null
}

export interface PlaybookSuggestion<A extends SuggestionAlert = SuggestionAlert> {
  readonly slug: string
  /** The fired alerts that led to it, in the order given. */
  readonly alerts: readonly A[]
}

/**
 * The playbooks suggested by the alerts that fired (pending or firing), each with the
 * alerts behind it, in the order of `playbooks` (the runbook's order for the built-in
 * ones). A slug no playbook in `playbooks` has is dropped: there would be nothing to
 * open.
 */
export function playbookSuggestions<A extends SuggestionAlert>(
  alerts: readonly A[],
  playbooks: readonly Playbook[] = PLAYBOOKS,
): readonly PlaybookSuggestion<A>[] {
  const bySlug = new Map<string, A[]>()
  for (const alert of alerts) {
    if (!FIRED_STATES.includes(alert.state)) continue
    const slug = playbookForAlert(alert)
    if (slug === null) continue
    const list = bySlug.get(slug)
    if (list) list.push(alert)
    else bySlug.set(slug, [alert])
  }
  const suggestions: PlaybookSuggestion<A>[] = []
  for (const p of playbooks) {
    const behind = bySlug.get(p.slug)
    if (!behind) continue
    suggestions.push({ slug: p.slug, alerts: behind })
    // A list that names a slug twice still suggests it once.
    bySlug.delete(p.slug)
  }
  return suggestions
}

/** The slugs of the suggested playbooks, deduplicated, in runbook order. */
export function suggestPlaybooks(alerts: readonly SuggestionAlert[], playbooks: readonly Playbook[] = PLAYBOOKS): string[] {
  return playbookSuggestions(alerts, playbooks).map((s) => s.slug)
}
