import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { TextLink } from '@/components/ui/text-link'

export function IncidentsPage() {
  return (
    <>
      <PageHeader title="Incidents" />
      <EmptyState heading="Incident handling is not built yet" links={<TextLink to="/runbooks">Runbooks</TextLink>}>
        <p>
          This page will list incidents with filters (severity, status, service, assignee) kept in the link, and let you declare one
          by hand or from a firing alert.
        </p>
        <p>It arrives with the incident work. Available now: live service health and latency on the Overview.</p>
      </EmptyState>
    </>
  )
}
