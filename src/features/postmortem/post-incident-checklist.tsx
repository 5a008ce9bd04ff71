import type { Incident } from '@/api/schemas'
import { postIncidentProgress } from '@/domain/checklist'
import { POST_INCIDENT_CHECKLIST, type ChecklistStep } from '@/domain/runbook'
import { CheckboxField } from '@/components/ui/checkbox-field'
import { useSetChecklistStep } from '@/lib/incident-mutations/use-incident-mutation'

/** The runbook's six post-incident items, ticked and saved like every checklist step. */
export function PostIncidentChecklist({ incident }: { incident: Incident }) {
  const progress = postIncidentProgress(incident.checklist)
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-sm font-semibold">Post-incident checklist</legend>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {progress.done} of {progress.total}
      </p>
      {POST_INCIDENT_CHECKLIST.map((item) => (
        <ItemBox key={item.id} incidentId={incident.id} item={item} checked={incident.checklist.includes(item.id)} />
      ))}
    </fieldset>
  )
}

function ItemBox({ incidentId, item, checked }: { incidentId: string; item: ChecklistStep; checked: boolean }) {
  const tick = useSetChecklistStep(incidentId)
  return (
    <CheckboxField
      label={item.label}
      checked={checked}
      busy={tick.isPending}
      problem={tick.problem}
      onChange={(done) => {
        tick.save({ stepId: item.id, done, label: `Post-incident checklist — ${item.label}` })
      }}
    />
  )
}
