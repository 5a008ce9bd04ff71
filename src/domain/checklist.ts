/**
 * Checklists on an incident: the five-phase process, the resolution steps of each
 * attached playbook and the post-incident checklist. An incident stores only the ids of
 * the ticked steps (one flat list, see Incident.checklist); everything here derives
 * progress from that list, so nothing is copied or kept in step by hand.
 *
 * Id namespaces never overlap: process steps are "<phase>.<key>" ("triage.assign"),
 * playbook steps "playbook.<slug>.<step>", post-incident items "post-incident-checklist.<key>".
 */
import {
  POST_INCIDENT_CHECKLIST,
  PROCESS_PHASES,
  type ChecklistStep,
  type PhaseId,
  type Playbook,
  type ProcessPhase,
  type ProcessStep,
} from './runbook'

export interface Progress {
  readonly done: number
  readonly total: number
}

export interface PhaseChecklist {
  readonly phase: ProcessPhase
  readonly steps: readonly { readonly step: ProcessStep; readonly checked: boolean }[]
  readonly progress: Progress
}

/** The process steps grouped by phase, in runbook order, each marked ticked or not. */
export function processChecklist(
  checked: readonly string[] = [],
  phases: readonly ProcessPhase[] = PROCESS_PHASES,
): readonly PhaseChecklist[] {
  const ticked = new Set(checked)
  return phases.map((phase) => {
    const steps = phase.steps.map((step) => ({ step, checked: ticked.has(step.id) }))
    return { phase, steps, progress: { done: steps.filter((s) => s.checked).length, total: steps.length } }
  })
}

function progressOf(checked: readonly string[], steps: readonly ChecklistStep[]): Progress {
  const ticked = new Set(checked)
  return { done: steps.filter((s) => ticked.has(s.id)).length, total: steps.length }
}

/**
 * How many of a phase's steps are ticked. Ids in `checked` that belong elsewhere (other
 * phases, playbooks, steps since removed from the runbook) are ignored, so `done` never
 * exceeds `total`. An unknown phase id has no steps.
 */
export function phaseProgress(
  checked: readonly string[],
  phase: PhaseId | ProcessPhase,
  phases: readonly ProcessPhase[] = PROCESS_PHASES,
): Progress {
  const found = typeof phase === 'string' ? phases.find((p) => p.id === phase) : phase
  return progressOf(checked, found?.steps ?? [])
}

/** Progress over all five phases together. */
export function processProgress(checked: readonly string[], phases: readonly ProcessPhase[] = PROCESS_PHASES): Progress {
  return progressOf(
    checked,
    phases.flatMap((p) => p.steps),
  )
}

/**
 * The first phase with an unticked step — where the responder is in the process — or
 * null when every step is done. Phases are not gated: a step may be ticked out of order
 * (an incident often starts from a fix already under way), and this still points at
 * the earliest gap.
 */
export function currentPhase(checked: readonly string[], phases: readonly ProcessPhase[] = PROCESS_PHASES): ProcessPhase | null {
  return phases.find((p) => {
    const { done, total } = phaseProgress(checked, p)
    return done < total
  }) ?? null
}

/** The incident-wide id of a playbook's resolution step: "playbook.rate-limiting.add-api-keys". */
export function playbookStepId(slug: string, stepId: string): string {
  return `playbook.${slug}.${stepId}`
}

/** A playbook's resolution steps with their incident-wide ids, ready to tick. */
export function playbookChecklist(playbook: Playbook): readonly ChecklistStep[] {
  return playbook.resolution.map((s) => ({ id: playbookStepId(playbook.slug, s.id), label: s.label }))
}

/** How many of a playbook's resolution steps are ticked. */
export function playbookProgress(checked: readonly string[], playbook: Playbook): Progress {
  return progressOf(checked, playbookChecklist(playbook))
}

/** How many of the six post-incident checklist items are ticked. */
export function postIncidentProgress(
  checked: readonly string[],
  items: readonly ChecklistStep[] = POST_INCIDENT_CHECKLIST,
): Progress {
  return progressOf(checked, items)
}

export function isChecked(checked: readonly string[], stepId: string): boolean {
  return checked.includes(stepId)
}

/**
 * `checked` with `stepId` ticked (done) or unticked, as a new array. Ticking twice keeps
 * one entry; the order of the other ids is kept so the list diffs cleanly.
 */
export function setChecked(checked: readonly string[], stepId: string, done: boolean): readonly string[] {
  const without = checked.filter((id) => id !== stepId)
  return done ? [...without, stepId] : without
}

/**
 * The label for any checklist step id, for the timeline and the report: "Triage —
 * Assign: Assign to on-call engineer", "Rate Limiting Triggered — Add more API keys
 * (load balance)". Undefined for an id none of the given checklists knows.
 */
export function checklistStepLabel(
  stepId: string,
  playbooks: readonly Playbook[],
  phases: readonly ProcessPhase[] = PROCESS_PHASES,
  postIncident: readonly ChecklistStep[] = POST_INCIDENT_CHECKLIST,
): string | undefined {
  for (const phase of phases) {
    const step = phase.steps.find((s) => s.id === stepId)
    if (step) return `${phase.name} — ${step.label}`
  }
  for (const playbook of playbooks) {
    const step = playbookChecklist(playbook).find((s) => s.id === stepId)
    if (step) return `${playbook.title} — ${step.label}`
  }
  const item = postIncident.find((s) => s.id === stepId)
  return item ? `Post-incident checklist — ${item.label}` : undefined
}
