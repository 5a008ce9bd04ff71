import type { Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { useAcknowledgeIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { useShortcut } from '@/lib/shortcuts/shortcut-registry'
import { SaveAlert } from './save-alert'

/** "Acknowledge" stops the response clock; once acknowledged the clock says how long it took. */
export function AcknowledgeControl({ incident }: { incident: Incident }) {
  const acknowledge = useAcknowledgeIncident(incident.id)
  const unacknowledged = incident.acknowledgedAt === null
  // `a`, while there is something to acknowledge.
  useShortcut(
    'acknowledge',
    () => {
      if (!acknowledge.isPending) acknowledge.save(undefined)
    },
    unacknowledged,
  )
  if (!unacknowledged) return null
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="primary"
        aria-keyshortcuts="a"
        disabled={acknowledge.isPending}
        onClick={() => {
          acknowledge.save(undefined)
        }}
      >
        {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
      </Button>
      <SaveAlert text={acknowledge.problem} tone={acknowledge.failure === 'queued' ? 'pending' : 'error'} />
    </div>
  )
}
