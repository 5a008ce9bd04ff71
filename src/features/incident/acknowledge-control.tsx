import type { Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { useAcknowledgeIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { SaveAlert } from './save-alert'

/** "Acknowledge" stops the response clock; once acknowledged the clock says how long it took. */
export function AcknowledgeControl({ incident }: { incident: Incident }) {
  const acknowledge = useAcknowledgeIncident(incident.id)
  if (incident.acknowledgedAt !== null) return null
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="primary"
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
