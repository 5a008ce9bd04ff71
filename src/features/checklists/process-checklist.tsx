import type { Incident } from '@/api/schemas'
import { checklistStepLabel, currentPhase, processChecklist, processProgress } from '@/domain/checklist'
import type { ProcessStep } from '@/domain/runbook'
import { CheckboxField } from '@/components/ui/checkbox-field'
import { Panel } from '@/components/ui/panel'
import { useSetChecklistStep } from '@/lib/incident-mutations/use-incident-mutation'

/**
 * The runbook's five phases on one incident, each step a checkbox. A tick is saved
 * like every change (shown at once, rolled back if refused, queued if the network
 * fails) and the backend writes it on the timeline. Phases are not gated: the
 * "current" phase is only the earliest one with work left.
 */
export function ProcessChecklist({ incident }: { incident: Incident }) {
  const phases = processChecklist(incident.checklist)
  const overall = processProgress(incident.checklist)
  const current = currentPhase(incident.checklist)
  return (
    <Panel
      title="Response process"
      actions={
        <span>
          {overall.done} of {overall.total} steps
        </span>
      }
    >
      <ol className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
        {phases.map(({ phase, steps, progress }) => {
          const isCurrent = current?.id === phase.id
          const done = progress.done === progress.total
          return (
            <li
              key={phase.id}
              className={`rounded-md border p-2 ${isCurrent ? 'border-sky-600 dark:border-sky-400' : 'border-zinc-200 dark:border-zinc-700'}`}
            >
              <fieldset className="flex flex-col gap-1.5">
                <legend className="text-sm font-semibold">
                  {phase.number}. {phase.name}
                </legend>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  {done && <span aria-hidden="true">✓ </span>}
                  {progress.done} of {progress.total}
                  {isCurrent && <span className="font-medium text-sky-800 dark:text-sky-300"> · current phase</span>}
                </p>
                {steps.map(({ step, checked }) => (
                  <ProcessStepBox key={step.id} incidentId={incident.id} step={step} checked={checked} />
                ))}
              </fieldset>
            </li>
          )
        })}
      </ol>
    </Panel>
  )
}

function ProcessStepBox({ incidentId, step, checked }: { incidentId: string; step: ProcessStep; checked: boolean }) {
  const tick = useSetChecklistStep(incidentId)
  return (
    <CheckboxField
      label={step.label}
      checked={checked}
      busy={tick.isPending}
      problem={tick.problem}
      onChange={(done) => {
        tick.save({ stepId: step.id, done, label: checklistStepLabel(step.id, []) ?? step.label })
      }}
    />
  )
}
