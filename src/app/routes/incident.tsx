import { useParams } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { TextLink } from '@/components/ui/text-link'

export function IncidentPage() {
  const { id = '' } = useParams()
  return (
    <>
      <PageHeader title={id} />
      <EmptyState heading="Incident details are not built yet" links={<TextLink to="/incidents">All incidents</TextLink>}>
        <p>
          This page will show {id}: its severity, status, assignee and escalation, the response clock, the timeline, the runbook
          checklist and the Slack messages.
        </p>
        <p>It arrives with the incident work. Nothing about this incident is loaded yet.</p>
      </EmptyState>
    </>
  )
}
