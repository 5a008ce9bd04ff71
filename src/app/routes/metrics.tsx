import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { TextLink } from '@/components/ui/text-link'

export function MetricsPage() {
  return (
    <>
      <PageHeader title="Metrics" />
      <EmptyState heading="Metric charts are not built yet" links={<TextLink to="/">Live latency on the Overview</TextLink>}>
        <p>
          This page will chart every metric the runbook names over a range you choose (15 min to 7 days, live or paused):
          latency, request and error rates for STT, LLM and TTS, end-to-end turn latency, LiveKit and database health, API quota,
          retries, CPU and memory, with thresholds drawn and alert spans shaded.
        </p>
        <p>They arrive with the metrics-and-alerting work. Available now: live STT, LLM and TTS latency for the last hour on the Overview.</p>
      </EmptyState>
    </>
  )
}
