/**
 * Which playbooks an incident shows: those its linked alerts suggest, then those a
 * responder attached by hand. Pure, so the rules are tested without a screen.
 */
import type { Alert } from '@/api/schemas'
import { playbookSuggestions } from '@/domain/playbook-suggestion'
import type { Playbook } from '@/domain/runbook'

/** An alert linked to the incident, as much of it as is known. */
export interface LinkedAlert {
  readonly id: string
  readonly ruleId: string
  readonly subject: string
  readonly name: string
  readonly playbook: string | null
}

/**
 * The incident's alerts, from the current alert list where they are in it. An alert
 * that is gone from the list (a real backend that forgets resolved alerts) is rebuilt
 * from its id, "ruleId:subject", so its playbook is still suggested.
 */
export function linkedAlerts(alertIds: readonly string[], current: readonly Alert[] | undefined): LinkedAlert[] {
  return alertIds.map((id) => {
    const found = current?.find((a) => a.id === id)
    if (found) return { id, ruleId: found.ruleId, subject: found.subject, name: found.name, playbook: found.playbook }
    const colon = id.indexOf(':')
    return colon < 0
      ? { id, ruleId: id, subject: '', name: id, playbook: null }
      : { id, ruleId: id.slice(0, colon), subject: id.slice(colon + 1), name: id, playbook: null }
  })
}

export interface IncidentPlaybook {
  readonly slug: string
  /** Null when attached by a slug no playbook has (since renamed or no longer served). */
  readonly playbook: Playbook | null
  readonly suggestedBy: readonly LinkedAlert[]
  readonly attached: boolean
}

/**
 * Suggested playbooks first, in runbook order, then the ones attached by hand in the
 * order attached. A playbook both suggested and attached shows once, marked as both.
 */
export function incidentPlaybooks(
  attached: readonly string[],
  linked: readonly LinkedAlert[],
  playbooks: readonly Playbook[],
): IncidentPlaybook[] {
  // Linked to an incident means it fired; whether it still fires now does not matter.
  const suggestions = playbookSuggestions(
    linked.map((a) => ({ ...a, state: 'firing' })),
    playbooks,
  )
  const attachedSet = new Set(attached)
  const out: IncidentPlaybook[] = suggestions.map((s) => ({
    slug: s.slug,
    playbook: playbooks.find((p) => p.slug === s.slug) ?? null,
    suggestedBy: s.alerts.map(({ id, ruleId, subject, name, playbook }) => ({ id, ruleId, subject, name, playbook })),
    attached: attachedSet.has(s.slug),
  }))
  for (const slug of new Set(attached)) {
    if (out.some((p) => p.slug === slug)) continue
    out.push({ slug, playbook: playbooks.find((p) => p.slug === slug) ?? null, suggestedBy: [], attached: true })
  }
  return out
}

/** The playbooks that can still be attached: every one not already shown. */
export function attachable(playbooks: readonly Playbook[], shown: readonly IncidentPlaybook[]): Playbook[] {
  const taken = new Set(shown.map((p) => p.slug))
  return playbooks.filter((p) => !taken.has(p.slug))
}
