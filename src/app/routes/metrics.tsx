import { PageHeader } from '@/components/ui/page-header'
import { MetricsDashboard } from '@/features/metrics/metrics-dashboard'
import { RangeControl } from '@/features/metrics/range-control'

export function MetricsPage() {
  return (
    <>
      <PageHeader
        title="Metrics"
        description="Latency, errors, traffic and capacity of the voice agent, with the runbook’s thresholds and the alerts they raised."
        actions={<RangeControl searchTarget />}
      />
      <MetricsDashboard />
    </>
  )
}
