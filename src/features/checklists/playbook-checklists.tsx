import { useQuery } from '@tanstack/react-query'
import { alertQueries } from '@/api/alerts'
import type { Incident } from '@/api/schemas'
import { playbookChecklist, playbookProgress } from '@/domain/checklist'
import type { Playbook } from '@/domain/runbook'
import { Button } from '@/components/ui/button'
import { CheckboxField } from '@/components/ui/checkbox-field'
import { CodeBlock } from '@/components/ui/code-block'
import { Panel } from '@/components/ui/panel'
import { Select } from '@/components/ui/select'
import { TextLink } from '@/components/ui/text-link'
import { useEditIncident, useSetChecklistStep } from '@/lib/incident-mutations/use-incident-mutation'
import { usePlaybooks } from '@/lib/use-playbooks'
import { attachable, incidentPlaybooks, linkedAlerts, type IncidentPlaybook } from './incident-playbooks'
import { appPath } from '@/lib/safe-url'

/**
 * The playbooks for this incident: suggested by the alerts that fired, plus any attached
 * by hand. Each shows its investigation commands to copy and its resolution steps to
 * tick, saved and written on the timeline like the process checklist.
 */
export function PlaybookChecklists({ incident }: { incident: Incident }) {
  const { playbooks } = usePlaybooks()
  const alerts = useQuery({ ...alertQueries.current(), enabled: incident.alertIds.length > 0 })
  const shown = incidentPlaybooks(incident.playbooks, linkedAlerts(incident.alertIds, alerts.data?.alerts), playbooks)
  const edit = useEditIncident(incident.id)
  const options = attachable(playbooks, shown)

  const setAttached = (next: readonly string[]) => {
    edit.save({ playbooks: [...next] })
  }

  return (
    <Panel title="Playbooks">
      <div className="flex flex-wrap items-end gap-3">
        <Select
          label="Attach playbook"
          value=""
          disabled={options.length === 0}
          onChange={(e) => {
            const slug = e.target.value
            if (slug !== '' && !incident.playbooks.includes(slug)) setAttached([...incident.playbooks, slug])
          }}
        >
          <option value="">{options.length === 0 ? 'All playbooks are shown' : 'Choose a playbook…'}</option>
          {options.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.title}
            </option>
          ))}
        </Select>
        {edit.isPending && <span className="pb-1.5 text-xs text-zinc-600 dark:text-zinc-400">Saving…</span>}
      </div>
      {edit.problem !== null && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {edit.problem}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No alert linked to this incident suggests a playbook. Attach one by hand if one fits.
        </p>
      ) : (
        <ul className="flex flex-col gap-3">
          {shown.map((entry) => (
            <li key={entry.slug}>
              <IncidentPlaybookCard
                incidentId={incident.id}
                checked={incident.checklist}
                entry={entry}
                onDetach={
                  entry.attached
                    ? () => {
                        setAttached(incident.playbooks.filter((s) => s !== entry.slug))
                      }
                    : undefined
                }
              />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}

function IncidentPlaybookCard({
  incidentId,
  checked,
  entry,
  onDetach,
}: {
  incidentId: string
  checked: readonly string[]
  entry: IncidentPlaybook
  onDetach: (() => void) | undefined
}) {
  const { playbook } = entry
  const title = playbook?.title ?? entry.slug
  const why =
    entry.suggestedBy.length > 0
      ? `Suggested by ${entry.suggestedBy.map((a) => a.name).join(', ')}${entry.attached ? '; also attached by hand' : ''}`
      : 'Attached by hand'
  return (
    <article aria-label={title} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-700">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold">
            {playbook === null ? title : <TextLink to={appPath('runbooks', playbook.slug)}>{title}</TextLink>}
          </h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{why}</p>
        </div>
        {onDetach && (
          <Button size="sm" variant="ghost" aria-label={`Detach ${title}`} onClick={onDetach}>
            Detach
          </Button>
        )}
      </header>
      {playbook === null ? (
        <p className="mt-2 text-sm text-amber-900 dark:text-amber-200">
          <span aria-hidden="true">⚠ </span>No playbook is named “{entry.slug}” any more; detach it or ask whoever maintains the runbook.
        </p>
      ) : (
        <PlaybookBody incidentId={incidentId} checked={checked} playbook={playbook} />
      )}
    </article>
  )
}

function PlaybookBody({ incidentId, checked, playbook }: { incidentId: string; checked: readonly string[]; playbook: Playbook }) {
  const progress = playbookProgress(checked, playbook)
  const commands = playbook.investigation
  return (
    <div className="mt-2 grid gap-3 lg:grid-cols-2">
      <fieldset className="flex flex-col gap-1.5">
        <legend className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">Resolution</legend>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {progress.done} of {progress.total}
        </p>
        {playbookChecklist(playbook).map((step) => (
          <PlaybookStepBox
            key={step.id}
            incidentId={incidentId}
            stepId={step.id}
            label={step.label}
            timelineLabel={`${playbook.title} — ${step.label}`}
            checked={checked.includes(step.id)}
          />
        ))}
      </fieldset>
      <div className="flex min-w-0 flex-col gap-1.5">
        <h4 className="text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">Investigation</h4>
        {commands.length === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No investigation steps recorded.</p>}
        {commands.map((item, i) =>
          item.kind === 'command' ? (
            <div key={i} className="flex flex-col gap-1 text-sm">
              <span className="font-medium">{item.comment}</span>
              <CodeBlock code={item.command} purpose={item.comment} />
            </div>
          ) : (
            <p key={i} className="text-sm">
              <span className="font-medium">{item.comment}:</span> {item.text}
            </p>
          ),
        )}
      </div>
    </div>
  )
}

function PlaybookStepBox(props: { incidentId: string; stepId: string; label: string; timelineLabel: string; checked: boolean }) {
  const tick = useSetChecklistStep(props.incidentId)
  return (
    <CheckboxField
      label={props.label}
      checked={props.checked}
      busy={tick.isPending}
      problem={tick.problem}
      onChange={(done) => {
        tick.save({ stepId: props.stepId, done, label: props.timelineLabel })
      }}
    />
  )
}
