import { queryOptions } from '@tanstack/react-query'
import type { MetricId } from '@/domain/catalog'
import type { GridSeries } from '@/domain/alert-engine'
import { apiFetch } from './client'
import { metricsResponse, type MetricsResponse } from './schemas'

/**
 * A window is either relative to now ("last hour", the live view) or absolute.
 * Relative windows keep one stable query key while time moves on: the fetch computes
 * the window when it runs, so polling never grows the cache.
 */
export type MetricWindow = { kind: 'relative'; durationMs: number } | { kind: 'absolute'; fromMs: number; toMs: number }

export interface MetricsQuery {
  metrics: readonly MetricId[]
  window: MetricWindow
  /** Seconds per sample the chart can use; the backend aggregates to it. */
  step: number
}

export function resolveWindow(window: MetricWindow, nowMs: number): { fromMs: number; toMs: number } {
  return window.kind === 'relative' ? { fromMs: nowMs - window.durationMs, toMs: nowMs } : window
}

export async function fetchMetrics(q: MetricsQuery, nowMs: number, signal?: AbortSignal) {
  const { fromMs, toMs } = resolveWindow(q.window, nowMs)
  return apiFetch('/api/metrics', metricsResponse, {
    signal,
    query: {
      metrics: q.metrics.join(','),
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      step: q.step,
    },
  })
}

/** A wire series as the alert engine and the charts read it: samples on a time grid. */
export function toGrid(series: MetricsResponse['series'][number]): GridSeries {
  return { fromMs: Date.parse(series.from), stepS: series.step, values: series.values }
}

/** An answer's series by metric, as grids. */
export function gridsByMetric(response: MetricsResponse): Map<MetricId, GridSeries> {
  return new Map(response.series.map((s) => [s.metric, toGrid(s)]))
}

export const metricQueries = {
  all: () => ['metrics'] as const,
  range: (q: MetricsQuery) =>
    queryOptions({
      queryKey: [...metricQueries.all(), q] as const,
      queryFn: ({ signal }) => fetchMetrics(q, Date.now(), signal),
    }),
}
