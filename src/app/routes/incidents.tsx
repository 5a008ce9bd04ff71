import { PageHeader } from '@/components/ui/page-header'
import { DeclareIncidentButton } from '@/features/declare/declare-dialog'
import { IncidentList } from '@/features/incident-list/incident-list'

export function IncidentsPage() {
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Open and recently resolved incidents with their response clocks. Filters are kept in the link."
        actions={<DeclareIncidentButton />}
      />
      <IncidentList />
    </>
  )
}
