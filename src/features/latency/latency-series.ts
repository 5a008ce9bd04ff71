import type { MetricsResponse } from '@/api/schemas'
import { gridsByMetric, toGrid, type MetricsQuery } from '@/api/metrics'
import { SERVICE_LABELS, SERVICES, type MetricId, type Service } from '@/domain/catalog'
import { ALERT_INSTANCES, thresholdsFor } from '@/domain/alert-rules'
import type { ChartSeries, ChartSpan, ChartThreshold } from '@/components/charts/chart-data'
import { chartAlertSpans } from '@/components/charts/alert-spans'

const HOUR_MS = 3_600_000

/**
 * The Overview's latency query. A module constant with a relative window, so the
 * query key never changes while time moves on (the fetch computes from/to).
 */
export const LATENCY_QUERY: MetricsQuery = {
  metrics: SERVICES.flatMap((s): MetricId[] => [`${s}.latency.p50`, `${s}.latency.p95`]),
  window: { kind: 'relative', durationMs: HOUR_MS },
  step: 10,
}

export const LATENCY_REFRESH_MS = 10_000

const P50_COLOR = '#0284c7'
const P95_COLOR = '#7c3aed'

/** P50 and P95 of one service as chart series; a metric missing from the answer is left out. */
export function latencySeries(response: MetricsResponse, service: Service): ChartSeries[] {
  const pick = (metric: MetricId) => response.series.find((s) => s.metric === metric)
  const out: ChartSeries[] = []
  const p50 = pick(`${service}.latency.p50`)
  const p95 = pick(`${service}.latency.p95`)
  if (p50) out.push({ label: 'P50', color: P50_COLOR, data: toGrid(p50) })
  if (p95) out.push({ label: 'P95', color: P95_COLOR, dash: '5 2', data: toGrid(p95) })
  return out
}

/** The runbook's thresholds on the P95 series, labelled as the chart states them; P50 has none. */
export function latencyThresholds(service: Service): ChartThreshold[] {
  return thresholdsFor(`${service}.latency.p95`).map((t) => ({
    value: t.value,
    severity: t.severity,
    comparator: t.comparator,
    label: `P95 ${t.label.charAt(0).toLowerCase()}${t.label.slice(1)}`,
    series: ['P95'],
  }))
}

export function latencyTitle(service: Service): string {
  return `${SERVICE_LABELS[service]} latency`
}

/**
 * Where a latency rule on the service (P95 above its threshold) was pending or firing
 * over the hour on screen, evaluated on these very series, as on /metrics.
 */
export function latencySpans(response: MetricsResponse, service: Service): ChartSpan[] {
  const latencyMetrics = new Set<MetricId>([`${service}.latency.p50`, `${service}.latency.p95`])
  return chartAlertSpans(
    ALERT_INSTANCES.filter((instance) => latencyMetrics.has(instance.metric)),
    gridsByMetric(response),
  )
}
