import type { Alert } from '@/api/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { FiringAlertsPanel } from '@/features/alerts/firing-alerts-panel'
import { HealthStrip } from '@/features/health/health-strip'
import { LatencyOverview } from '@/features/latency/latency-overview'
import { figureHref } from '@/features/metrics/metric-figures'
import { DEFAULT_VIEW } from '@/features/metrics/metric-range'

// Every panel is imported here, not lazily: the route's chunk and theirs (Recharts among
// them) download in parallel, and no panel waits behind a Suspense fallback — React
// holds a revealed fallback for at least 300 ms, which cost the first chart ~0.7 s
// (BENCHMARKS.md, "First chart on /").
const chartHref = (alert: Alert) => figureHref(alert.metric, DEFAULT_VIEW)

export function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="The voice-agent pipeline now: STT → LLM → TTS, LiveKit, the database and the API providers." />
      <div className="flex flex-col gap-4">
        <HealthStrip />
        <FiringAlertsPanel chartHref={chartHref} />
        <LatencyOverview />
      </div>
    </>
  )
}
