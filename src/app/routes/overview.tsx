import { lazy, Suspense } from 'react'
import type { Alert } from '@/api/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { Panel, Skeleton } from '@/components/ui/panel'
import { HealthStrip } from '@/features/health/health-strip'

// Recharts is most of this page's weight: the health strip renders while it loads.
const LatencyOverview = lazy(() => import('@/features/latency/latency-overview').then((m) => ({ default: m.LatencyOverview })))
// The alert list carries the rule config and runbook titles: loaded beside the charts, not before the strip.
const FiringAlerts = lazy(async () => {
  const [{ FiringAlertsPanel }, { figureHref }, { DEFAULT_VIEW }] = await Promise.all([
    import('@/features/alerts/firing-alerts-panel'),
    import('@/features/metrics/metric-figures'),
    import('@/features/metrics/metric-range'),
  ])
  const chartHref = (alert: Alert) => figureHref(alert.metric, DEFAULT_VIEW)
  return { default: () => <FiringAlertsPanel chartHref={chartHref} /> }
})

export function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="The voice-agent pipeline now: STT → LLM → TTS, LiveKit, the database and the API providers." />
      <div className="flex flex-col gap-4">
        <HealthStrip />
        <Suspense
          fallback={
            <Panel title="Firing alerts" busy>
              <Skeleton rows={2} />
            </Panel>
          }
        >
          <FiringAlerts />
        </Suspense>
        <Suspense
          fallback={
            <Panel title="Pipeline latency, last hour" busy>
              <span className="sr-only">Loading charts…</span>
              <Skeleton rows={4} />
            </Panel>
          }
        >
          <LatencyOverview />
        </Suspense>
      </div>
    </>
  )
}
