import { queryOptions } from '@tanstack/react-query'
import type { MetricId } from '@/domain/catalog'
import type { GridSeries } from '@/domain/alert-engine'
import * as z from 'zod/mini'
import { apiFetch } from './client'
import type { SetAside } from './lenient-list'
import { parseSeriesList } from './lenient-series'
import { isoDateTime, metricProblem, type MetricProblem, type MetricsResponse } from './schemas'
import { onServerTime, serverNow } from './server-time'

const NO_PROBLEMS: readonly MetricProblem[] = []

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

/**
 * Runs a fetch of `window` with "now" on the server's clock: a browser whose clock is
 * 5 minutes slow must still ask for the newest 5 minutes. A relative window is asked
 * again if the answer corrected the clock (see onServerTime).
 */
export function fetchOnServerTime<T>(window: MetricWindow, fetch: (serverNowMs: number) => Promise<T>): Promise<T> {
  return window.kind === 'relative' ? onServerTime(fetch) : fetch(serverNow())
}

/** The answer's frame, strict; its series are parsed one by one (lenient-series.ts). */
const metricsEnvelope = z.object({
  from: isoDateTime,
  to: isoDateTime,
  step: z.int().check(z.positive()),
  series: z.array(z.unknown()),
  problems: z.optional(z.array(z.unknown())),
})

/** A metrics answer as the app holds it: the series that parsed, and what was left out. */
export interface MetricsAnswer extends MetricsResponse {
  setAside: SetAside
  /** Samples that were not valid numbers, shown as gaps. */
  gaps: number
  /** What the backend said went wrong with single metrics (Prometheus): each panel shows its own. */
  problems: MetricProblem[]
}

export async function fetchMetrics(q: MetricsQuery, nowMs: number, signal?: AbortSignal): Promise<MetricsAnswer> {
  const { fromMs, toMs } = resolveWindow(q.window, nowMs)
  const answer = await apiFetch('/api/metrics', metricsEnvelope, {
    signal,
    query: {
      metrics: q.metrics.join(','),
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      step: q.step,
    },
  })
  return { ...answer, ...parseSeriesList(answer.series), problems: parseProblems(answer.problems ?? []) }
}

/**
 * A problem that breaks the contract is dropped, not fatal: it only explains a panel,
 * and the charts it came with are still good.
 */
function parseProblems(raw: readonly unknown[]): MetricProblem[] {
  return raw.flatMap((p) => {
    const parsed = metricProblem.safeParse(p)
    return parsed.success ? [parsed.data] : []
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

/**
 * The problems a panel shows: those of the metrics it draws, in the answer's order. An
 * answer without problems (the simulator's) gives one shared empty list, so memoised
 * panels do not redraw for it.
 */
export function problemsFor(problems: readonly MetricProblem[] | undefined, metrics: readonly MetricId[]): readonly MetricProblem[] {
  if (problems === undefined || problems.length === 0) return NO_PROBLEMS
  const own = problems.filter((p) => metrics.includes(p.metric))
  return own.length === 0 ? NO_PROBLEMS : own
}

export const metricQueries = {
  all: () => ['metrics'] as const,
  range: (q: MetricsQuery) =>
    queryOptions({
      queryKey: [...metricQueries.all(), q] as const,
      queryFn: ({ signal }) => fetchOnServerTime(q.window, (nowMs) => fetchMetrics(q, nowMs, signal)),
    }),
}
