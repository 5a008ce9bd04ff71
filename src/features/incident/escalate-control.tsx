import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import type { Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { nextLevel, shouldSuggestEscalation } from '@/domain/escalation'
import { escalationText } from '@/lib/incident-mutations/fields'
import { personName } from '@/lib/incident-mutations/use-person-names'
import { useEscalateIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { useShortcut } from '@/lib/shortcuts/shortcut-registry'
import { useResponseClock } from './response-clock'
import { SaveAlert } from './save-alert'

/**
 * "Escalate" moves the incident one level up the runbook's path; the backend pages that
 * level's on-call and records it on the timeline. Vigil suggests it — highlighted, in
 * words — while the response time is breached and nobody has acknowledged.
 */
export function EscalateControl({ incident }: { incident: Incident }) {
  const escalate = useEscalateIncident(incident.id)
  const clock = useResponseClock(incident)
  const { data: roster } = useQuery(rosterQueries.current())
  const descriptionId = useId()
  const to = nextLevel(incident.escalationLevel)
  const suggested = shouldSuggestEscalation(clock, incident.escalationLevel)
  const onCall = roster?.levels.find((l) => l.level === to)?.onCall
  // `e`, while there is a level to escalate to; one press, one escalation.
  useShortcut(
    'escalate',
    () => {
      if (!escalate.isPending) escalate.save(undefined)
    },
    to !== null,
  )

  const description =
    to === null
      ? `Already at ${escalationText(incident.escalationLevel)} — the top of the escalation path; there is no one further to page.`
      : `Pages ${escalationText(to)}${onCall === undefined ? '' : ` (${personName(roster, onCall)} on call)`}.`

  return (
    <div className={`flex flex-col items-start gap-1 rounded-md ${suggested ? 'border-2 border-red-700 bg-red-50 p-2 dark:border-red-400 dark:bg-red-950/40' : ''}`}>
      {suggested && (
        <p className="text-sm font-bold text-red-800 dark:text-red-200">
          <span aria-hidden="true">⚠ </span>Response time breached — escalate?
        </p>
      )}
      <Button
        variant={suggested ? 'primary' : 'secondary'}
        className={suggested ? 'bg-red-700 hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500' : ''}
        disabled={to === null || escalate.isPending}
        aria-describedby={descriptionId}
        aria-keyshortcuts="e"
        onClick={() => {
          escalate.save(undefined)
        }}
      >
        {escalate.isPending ? 'Escalating…' : 'Escalate'}
      </Button>
      <p id={descriptionId} className="text-xs text-zinc-600 dark:text-zinc-400">
        {description}
      </p>
      <SaveAlert text={escalate.problem} tone={escalate.failure === 'queued' ? 'pending' : 'error'} />
    </div>
  )
}
