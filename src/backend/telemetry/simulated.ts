/**
 * The simulator's answers to the telemetry endpoints — metrics, alerts and their
 * history, health, logs and error groups — computed from a scenario history and "now".
 * The mock backend (in the page or msw/node) and the server's simulator source both
 * answer with these, so every browser of a war room sees the same simulated world.
 */
import { BASE_STEP_S, METRIC_UNITS, type MetricId } from '@/domain/catalog'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import { alertSpans, LOOKBACK_MS } from '@/domain/alert-engine'
import type {
  AlertHistoryResponse,
  AlertsResponse,
  AlertSpan,
  ErrorGroupsResponse,
  HealthResponse,
  MetricsResponse,
  logsResponse,
} from '@/api/schemas'
import type * as z from 'zod/mini'
import { evaluateAlerts, HEALTH_WINDOW_MS } from '../evaluate'
import { contractAlert, healthFromAlerts } from '../alert-answers'
import { errorBreakdown } from '../simulator/errors'
import { recentLogs } from '../simulator/logs'
import type { SimConfig } from '../simulator/scenarios'
import { generateMany } from '../simulator/series'
import { fitMetricsGrid } from './metrics-grid'
import { isFiltered, logMatches, type LogsQuery, type MetricsQuery, type Parsed, type TimeRange } from './params'

type LogsResponse = z.infer<typeof logsResponse>

const iso = (ms: number): string => new Date(ms).toISOString()

/** Where the mock backend has always read it; the grid rule itself lives in metrics-grid.ts. */
export { MAX_SAMPLES_PER_SERIES } from './metrics-grid'
/**
 * Longer than the health window so `since` is true for alerts that started well
 * before it (a slow degradation creeps for hours); the states are the same either way.
 */
export const ALERTS_WINDOW_MS = 6 * 3_600_000
/** History is computed on 10-second data: a week is the most a chart shows. */
export const MAX_HISTORY_RANGE_MS = 7 * 86_400_000
/** Error groups are counted over 10-second samples; a month is plenty for "top errors". */
export const MAX_ERRORS_RANGE_MS = 31 * 86_400_000
/** Evaluation starts this much before `from`, so a span open at `from` shows as it was. */
const WARM_UP_MS = Math.max(...ALERT_INSTANCES.map((i) => i.forMs)) + LOOKBACK_MS
/** Lines read from the tail before filtering, so a rare level still fills a page. */
const FILTER_POOL = 5000

/** Series on the step grid, each step keeping its worst value as a Prometheus query_range with max_over_time would. */
export function simulatedMetrics(config: SimConfig, query: MetricsQuery, nowMs: number): Parsed<MetricsResponse> {
  const grid = fitMetricsGrid(query, nowMs)
  if (!grid.ok) return grid
  const { future, samples, stepS: step } = grid.value
  const window = { fromMs: grid.value.fromMs, toMs: grid.value.toMs }
  const series = future
    ? query.metrics.map((metric) => ({ metric, ...window, stepS: step, values: new Array<number | null>(samples).fill(null) }))
    : generateMany(config, query.metrics, window.fromMs, window.toMs, step)
  return {
    ok: true,
    value: {
      from: iso(window.fromMs),
      to: iso(window.toMs),
      step,
      series: series.map((s) => ({
        metric: s.metric,
        unit: METRIC_UNITS[s.metric],
        from: iso(s.fromMs),
        to: iso(s.toMs),
        step: s.stepS,
        values: s.values,
      })),
    },
  }
}

/** Every rule instance's state now. */
export function simulatedAlerts(config: SimConfig, nowMs: number): AlertsResponse {
  const alerts = evaluateAlerts(config, nowMs, ALERTS_WINDOW_MS).map((r) => contractAlert(r))
  return { at: iso(nowMs), alerts }
}

/** The spans each rule instance was pending, firing or without data over a range (for chart shading). */
export function simulatedAlertHistory(config: SimConfig, range: TimeRange, nowMs: number): AlertHistoryResponse {
  const { fromMs, toMs } = range
  const until = Math.min(toMs, nowMs)
  if (fromMs > until) return { from: iso(fromMs), to: iso(toMs), spans: [] }
  const metrics = [...new Set(ALERT_INSTANCES.map((i) => i.metric))]
  const series = generateMany(config, metrics, fromMs - WARM_UP_MS, until, BASE_STEP_S)
  const byMetric = new Map<MetricId, (typeof series)[number]>(series.map((s) => [s.metric, s]))
  const spans: AlertSpan[] = []
  for (const instance of ALERT_INSTANCES) {
    const s = byMetric.get(instance.metric)
    if (!s) continue
    for (const span of alertSpans(instance, s)) {
      if (span.toMs < fromMs) continue
      spans.push({
        alertId: instance.id,
        ruleId: instance.ruleId,
        subject: instance.subject,
        state: span.state,
        from: iso(Math.max(span.fromMs, fromMs)),
        to: iso(span.toMs),
      })
    }
  }
  return { from: iso(fromMs), to: iso(toMs), spans }
}

/** One tile per component, decided by the same alert evaluation as /api/alerts. */
export function simulatedHealth(config: SimConfig, nowMs: number): HealthResponse {
  return healthFromAlerts(evaluateAlerts(config, nowMs, HEALTH_WINDOW_MS), nowMs)
}

/** The tail of the agent's log, newest first, filtered. */
export function simulatedLogs(config: SimConfig, query: LogsQuery, nowMs: number): LogsResponse {
  const tail = recentLogs(config, nowMs, { limit: isFiltered(query) ? FILTER_POOL : query.limit })
  return { lines: tail.filter((line) => logMatches(line, query)).slice(0, query.limit) }
}

/** Errors grouped by service and error_type over a range. */
export function simulatedErrors(config: SimConfig, range: TimeRange, nowMs: number): ErrorGroupsResponse {
  const until = Math.min(range.toMs, nowMs)
  const groups = range.fromMs > until ? [] : errorBreakdown(config, range.fromMs, until)
  return { from: iso(range.fromMs), to: iso(range.toMs), groups }
}
