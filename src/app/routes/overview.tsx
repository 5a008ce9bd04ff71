import { lazy, Suspense } from 'react'
import { PageHeader } from '@/components/ui/page-header'
import { Panel, Skeleton } from '@/components/ui/panel'
import { HealthStrip } from '@/features/health/health-strip'

// Recharts is most of this page's weight: the health strip renders while it loads.
const LatencyOverview = lazy(() => import('@/features/latency/latency-overview').then((m) => ({ default: m.LatencyOverview })))

export function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="The voice-agent pipeline now: STT → LLM → TTS, LiveKit, the database and the API providers." />
      <div className="flex flex-col gap-4">
        <HealthStrip />
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
