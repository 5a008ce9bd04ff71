import { memo, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { metricQueries, problemsFor } from '@/api/metrics'
import type { MetricsResponse } from '@/api/schemas'
import { SERVICES, type MetricId, type Service } from '@/domain/catalog'
import { QueryPanel, Skeleton } from '@/components/ui/panel'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { LineChart } from '@/components/charts/line-chart'
import { MetricProblemList } from '@/components/ui/metric-problem-list'
import { LATENCY_QUERY, LATENCY_REFRESH_MS, latencySeries, latencySpans, latencyThresholds, latencyTitle } from './latency-series'
import { polling } from '@/api/refresh-schedule'

/** STT, LLM and TTS latency (P50, P95) over the last hour, one query for all six series. */
export function LatencyOverview() {
  const query = useQuery({ ...metricQueries.range(LATENCY_QUERY), ...polling(LATENCY_REFRESH_MS) })
  return (
    <QueryPanel title="Pipeline latency, last hour" query={query} skeleton={<ChartsSkeleton />}>
      {(data) => (
        <>
          <LatencyCharts data={data} />
          <SetAsideNotice setAside={data.setAside} gaps={data.gaps} noun={['series', 'series']} />
        </>
      )}
    </QueryPanel>
  )
}

const LatencyCharts = memo(function LatencyCharts({ data }: { data: MetricsResponse }) {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      {SERVICES.map((service) => (
        <ServiceLatencyChart key={service} service={service} data={data} />
      ))}
    </div>
  )
})

function ServiceLatencyChart({ service, data }: { service: Service; data: MetricsResponse }) {
  const series = useMemo(() => latencySeries(data, service), [data, service])
  const thresholds = useMemo(() => latencyThresholds(service), [service])
  const spans = useMemo(() => latencySpans(data, service), [data, service])
  const problems = useMemo(() => problemsFor(data.problems, [`${service}.latency.p50`, `${service}.latency.p95`] satisfies MetricId[]), [data, service])
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <LineChart title={latencyTitle(service)} series={series} unit="ms" thresholds={thresholds} spans={spans} />
      <MetricProblemList problems={problems} />
    </div>
  )
}

function ChartsSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      {SERVICES.map((s) => (
        <div key={s} className="flex flex-col gap-2">
          <Skeleton rows={1} />
          <div className="h-[200px] rounded bg-zinc-100 motion-safe:animate-pulse dark:bg-zinc-800/60" />
        </div>
      ))}
    </div>
  )
}
