/**
 * The simulator's answers to the telemetry endpoints — metrics, alerts and their
 * history, health, logs and error groups — computed from a scenario history and "now".
 * The mock backend (in the page or msw/node) and the server's simulator source both
 * answer with these, so every browser of a war room sees the same simulated world.
 */
import { BASE_STEP_S, COMPONENT_LABELS, COMPONENTS, METRIC_UNITS, PROVIDERS, SERVICES, type ComponentId, type MetricId } from '@/domain/catalog'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import { alertSpans, describeAlert, LOOKBACK_MS } from '@/domain/alert-engine'
import { healthVerdict } from '@/domain/provider-health'
import { alignWindow, sampleCount } from '@/domain/time-grid'
import type {
  Alert,
  AlertHistoryResponse,
  AlertSpan,
  ComponentHealth,
  ErrorGroupsResponse,
  HealthResponse,
  MetricsResponse,
  logsResponse,
} from '@/api/schemas'
import type * as z from 'zod/mini'
import { evaluateAlerts, HEALTH_WINDOW_MS } from '../evaluate'
import { errorBreakdown } from '../simulator/errors'
import { recentLogs } from '../simulator/logs'
import type { SimConfig } from '../simulator/scenarios'
import { generateMany } from '../simulator/series'
import { isFiltered, logMatches, type LogsQuery, type MetricsQuery, type Parsed, type TimeRange } from './params'

type LogsResponse = z.infer<typeof logsResponse>

const iso = (ms: number): string => new Date(ms).toISOString()

/** A week of 10-second samples, inclusive of both ends. */
export const MAX_SAMPLES_PER_SERIES = 60_481
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
  // The simulator keeps 10-second samples: coarser steps are whole multiples of them.
  const step = Math.max(BASE_STEP_S, Math.ceil(query.stepS / BASE_STEP_S) * BASE_STEP_S)
  // Nothing has been recorded after now: the series ends there (a client whose clock
  // runs a little ahead gets a slightly shorter series, not a made-up future).
  const future = query.fromMs > nowMs
  const window = alignWindow(query.fromMs, future ? query.toMs : Math.min(query.toMs, nowMs), step)
  const samples = sampleCount(window.fromMs, window.toMs, step)
  if (samples > MAX_SAMPLES_PER_SERIES) {
    return {
      ok: false,
      status: 400,
      message: `That range at a ${step} s step is ${samples} samples per series; the limit is ${MAX_SAMPLES_PER_SERIES}. Use a larger step.`,
    }
  }
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
export function simulatedAlerts(config: SimConfig, nowMs: number): { at: string; alerts: Alert[] } {
  const alerts = evaluateAlerts(config, nowMs, ALERTS_WINDOW_MS).map(
    (r): Alert => ({
      id: r.instance.id,
      ruleId: r.instance.ruleId,
      name: r.instance.name,
      severity: r.instance.severity,
      subject: r.instance.subject,
      state: r.state,
      value: r.value,
      threshold: r.instance.threshold,
      since: r.since === null ? null : iso(r.since),
      summary: describeAlert(r),
      playbook: r.instance.playbook,
      metric: r.instance.metric,
    }),
  )
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
  const results = evaluateAlerts(config, nowMs, HEALTH_WINDOW_MS)
  const components = COMPONENTS.map((id): ComponentHealth => {
    const verdict = healthVerdict(id, results)
    return { id, name: COMPONENT_LABELS[id], kind: componentKind(id), state: verdict.state, reason: verdict.reason, ruleId: verdict.ruleId }
  })
  return { at: iso(nowMs), components }
}

export function componentKind(id: ComponentId): ComponentHealth['kind'] {
  if ((SERVICES as readonly string[]).includes(id)) return 'service'
  if ((PROVIDERS as readonly string[]).includes(id)) return 'provider'
  return 'infrastructure'
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
