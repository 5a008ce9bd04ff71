import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { TextLink } from '@/components/ui/text-link'

export function AlertsPage() {
  return (
    <>
      <PageHeader title="Alerts" />
      <EmptyState heading="The alert list is not built yet" links={<TextLink to="/">Service health on the Overview</TextLink>}>
        <p>
          This page will list the runbook’s alert rules (service down, error rate over 5 % and 10 %, P95 latency over 3 s,
          database connection lost, API quota, retries, resource use) with their state — pending or firing — and since when.
        </p>
        <p>It arrives with the metrics-and-alerting work. Available now: the Service health strip on the Overview, where each component says which rule decided its state.</p>
      </EmptyState>
    </>
  )
}
