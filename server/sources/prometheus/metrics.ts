/**
 * GET /api/metrics from Prometheus: one query_range per metric, on the grid the
 * simulator answers on (metrics-grid.ts), each step keeping its worst value. A metric
 * that fails is an empty series plus a problem its panel shows, so one broken query
 * never blanks the page; only when Prometheus cannot be reached at all does the
 * answer fail, naming Prometheus and where it was looked for.
 */
import type { MetricProblem, MetricSeries, MetricsResponse } from '@/api/schemas'
import { fitMetricsGrid } from '@/backend/telemetry/metrics-grid'
import type { MetricsQuery, Parsed } from '@/backend/telemetry/params'
import { aggregationOf } from '@/backend/simulator/aggregate'
import { METRIC_UNITS, type MetricId } from '@/domain/catalog'
import { alignWindow, sampleCount } from '@/domain/time-grid'
import { PrometheusError, type PrometheusClient, type PromResult } from './client'
import { gridValues } from './grid-values'
import { mapBounded } from './map-bounded'
import { metricQuery, rangeExpr, type QueryOverrides } from './queries'
import { isResolutionRefusal, MAX_RESOLUTION_RETRIES, raisedStep } from './resolution'
import { toSourceError } from './upstream-failure'

/** Queries in flight at once per answer: a page asks for ~30 metrics; Prometheus is shared. */
const CONCURRENCY = 6

export interface PrometheusMetricsOptions {
  client: PrometheusClient
  /** VIGIL_PROMETHEUS_QUERIES. */
  queries: QueryOverrides
  /** VIGIL_PROMETHEUS_RATE_WINDOW, for `$window`. */
  rateWindow: string
}

interface Grid {
  fromMs: number
  toMs: number
  stepS: number
}

type Outcome = { kind: 'series'; series: MetricSeries; problems: MetricProblem[] } | { kind: 'down'; error: PrometheusError }

const iso = (ms: number) => new Date(ms).toISOString()

export async function prometheusMetrics(options: PrometheusMetricsOptions, query: MetricsQuery, nowMs: number): Promise<Parsed<MetricsResponse>> {
  const fitted = fitMetricsGrid(query, nowMs)
  if (!fitted.ok) return fitted
  const grid = fitted.value
  const answer = { from: iso(grid.fromMs), to: iso(grid.toMs), step: grid.stepS }
  // Nothing is recorded after now: no need to ask.
  if (grid.future) return { ok: true, value: { ...answer, series: query.metrics.map((m) => gapSeries(m, grid)) } }

  const outcomes = await mapBounded(query.metrics, CONCURRENCY, (metric) => readMetric(options, metric, grid))
  const down = outcomes.flatMap((o) => (o.kind === 'down' ? [o.error] : []))
  if (down.length === outcomes.length && down[0] !== undefined) {
    // Every panel would say the same: one answer the page shows as stale, naming Prometheus.
    throw toSourceError(down.find((e) => e.kind === 'unreachable') ?? down[0], 'the metrics')
  }
  const series: MetricSeries[] = []
  const problems: MetricProblem[] = []
  outcomes.forEach((o, i) => {
    const metric = query.metrics[i] as MetricId
    if (o.kind === 'series') {
      series.push(o.series)
      problems.push(...o.problems)
    } else {
      series.push(gapSeries(metric, grid))
      problems.push({ metric, message: `${metric}: ${o.error.message}` })
    }
  })
  return { ok: true, value: problems.length > 0 ? { ...answer, series, problems } : { ...answer, series } }
}

async function readMetric(options: PrometheusMetricsOptions, metric: MetricId, fitted: Grid): Promise<Outcome> {
  const promql = metricQuery(metric, options.queries, options.rateWindow)
  const problems: MetricProblem[] = []
  const say = (message: string) => problems.push({ metric, message: `${metric}: ${message}` })
  let grid = fitted
  let result: PromResult | null = null
  for (let attempt = 0; result === null; attempt++) {
    try {
      result = await options.client.queryRange(rangeExpr(metric, promql, grid.stepS), grid.fromMs, grid.toMs, grid.stepS)
    } catch (error) {
      if (isResolutionRefusal(error) && attempt < MAX_RESOLUTION_RETRIES) {
        const stepS = raisedStep(fitted.toMs - fitted.fromMs, grid.stepS)
        grid = { ...alignWindow(fitted.fromMs, fitted.toMs, stepS), stepS }
        continue
      }
      if (!(error instanceof PrometheusError)) throw error
      if (error.kind === 'unreachable' || error.kind === 'timeout') return { kind: 'down', error }
      say(error.kind === 'error' ? `Prometheus refused the query — ${error.message}` : error.message)
      return { kind: 'series', series: gapSeries(metric, grid), problems }
    }
  }
  if (grid !== fitted) say(`Prometheus refused the resolution; step raised to ${grid.stepS}s`)
  for (const warning of result.warnings) say(`Prometheus warned: ${warning}`)

  const count = sampleCount(grid.fromMs, grid.toMs, grid.stepS)
  const placed = gridValues(metric, result, grid.fromMs, grid.stepS, count)
  if (placed.seriesCount === 0) say('no data — Prometheus has no series for this query in the range')
  else if (placed.notFinite + placed.negative === 0 && placed.values.every((v) => v === null)) say('no data in this range')
  if (placed.notFinite > 0) say(`${placed.notFinite} samples were NaN/Inf; shown as gaps`)
  if (placed.negative > 0) say(`${placed.negative} samples were negative; shown as gaps`)
  if (placed.seriesCount > 1) say(`the query returned ${placed.seriesCount} series, shown as one (${aggregationOf(metric)} of them); aggregate it to one series`)
  return { kind: 'series', series: toSeries(metric, grid, placed.values), problems }
}

function toSeries(metric: MetricId, grid: Grid, values: (number | null)[]): MetricSeries {
  return { metric, unit: METRIC_UNITS[metric], from: iso(grid.fromMs), to: iso(grid.toMs), step: grid.stepS, values }
}

function gapSeries(metric: MetricId, grid: Grid): MetricSeries {
  return toSeries(metric, grid, new Array<number | null>(sampleCount(grid.fromMs, grid.toMs, grid.stepS)).fill(null))
}
