import { EmptyState } from '@/components/ui/empty-state'
import { TextLink } from '@/components/ui/text-link'

export function IncidentNotFound({ incidentId }: { incidentId: string }) {
  return (
    <EmptyState heading={`No incident ${incidentId}`} links={<TextLink to="/incidents">All incidents</TextLink>}>
      <p>
        There is no incident with the ID {incidentId}. Check the ID, or find the incident in the list — it may have been declared under
        another number.
      </p>
    </EmptyState>
  )
}
