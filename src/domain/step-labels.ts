/**
 * What a checklist tick or an attached playbook says on an incident's timeline. The backend writes the timeline's
 * text (TimelineEvent.text is "a human summary written by the backend"), and the report
 * and every screen show that text as is, so the words are chosen once, here, where the
 * tick is recorded — not re-derived by each reader from a bare step id.
 */
import { checklistStepLabel } from './checklist'
import { PLAYBOOKS, type Playbook } from './runbook'

/**
 * The timeline text for ticking (`done`) or unticking a checklist step, in the runbook's
 * words: "Checked: Triage — Assess: Determine severity level", "Unchecked: Rate Limiting
 * Triggered — Add more API keys (load balance)". `playbooks` is every playbook the
 * backend knows (the built-ins and any it serves). A step none of them knows (a playbook
 * since withdrawn, or one served elsewhere) is named by its id, so the entry still says
 * which step it was rather than nothing.
 */
export function checklistEventText(stepId: string, done: boolean, playbooks: readonly Playbook[] = PLAYBOOKS): string {
  return `${done ? 'Checked' : 'Unchecked'}: ${checklistStepLabel(stepId, playbooks) ?? stepId}`
}

/**
 * The timeline text for attaching or detaching a playbook by hand, by its title:
 * "Playbook attached: Database Connection Lost". `playbooks` is every playbook the backend
 * knows, as for `checklistEventText`; a slug none of them knows keeps the slug
 * ("Playbook detached: disk-full"), so the entry still says which playbook it was.
 */
export function playbookEventText(slug: string, attached: boolean, playbooks: readonly Playbook[] = PLAYBOOKS): string {
  const title = playbooks.find((p) => p.slug === slug)?.title ?? slug
  return `Playbook ${attached ? 'attached' : 'detached'}: ${title}`
}
