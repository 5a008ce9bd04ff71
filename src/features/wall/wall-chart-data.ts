/** The wall's key charts as data: which metric each shows, its series, and its verdict. */
import type { MetricsResponse } from '@/api/schemas'
import { gridsByMetric, toGrid } from '@/api/metrics'
import { METRIC_UNITS, SERVICE_LABELS, SERVICES, type MetricId } from '@/domain/catalog'
import { ALERT_INSTANCES, thresholdsFor, type ThresholdLine } from '@/domain/alert-rules'
import { LOOKBACK_MS, type GridSeries } from '@/domain/alert-engine'
import { formatValue } from '@/domain/format'
import type { ChartSeries, ChartSpan } from '@/components/charts/chart-data'
import { chartAlertSpans } from '@/components/charts/alert-spans'

export interface WallChart {
  metric: MetricId
  /** The figure's accessible name: "STT latency", "STT error rate". */
  title: string
  /** The series' name in the legend. */
  label: string
  color: string
  /** Computed once: thresholds never change while the app runs. */
  thresholds: readonly ThresholdLine[]
}

export interface ChartSet {
  name: string
  charts: readonly WallChart[]
}

const chart = (metric: MetricId, title: string, label: string, color: string): WallChart => ({
  metric,
  title,
  label,
  color,
  thresholds: thresholdsFor(metric),
})

/** Latency and error rate per service; rotation shows one set at a time, otherwise both. */
export const CHART_SETS: readonly ChartSet[] = [
  {
    name: 'P95 latency',
    charts: SERVICES.map((s) => chart(`${s}.latency.p95`, `${SERVICE_LABELS[s]} latency`, 'P95', '#c4b5fd')),
  },
  {
    name: 'Error rate',
    charts: SERVICES.map((s) => chart(`${s}.error_rate`, `${SERVICE_LABELS[s]} error rate`, 'Error rate', '#7dd3fc')),
  },
]

export const ALL_CHARTS: ChartSet = { name: 'Key metrics', charts: CHART_SETS.flatMap((set) => set.charts) }

/**
 * Where the chart's rules were pending or firing over the hour shown, from its own
 * series (as /metrics shades them); spans closer than `mergeGapMs` are joined.
 */
export function spansFor(response: MetricsResponse, c: Pick<WallChart, 'metric'>, mergeGapMs = 0): ChartSpan[] {
  return chartAlertSpans(
    ALERT_INSTANCES.filter((instance) => instance.metric === c.metric),
    gridsByMetric(response),
    mergeGapMs,
  )
}

/** The chart's one series, or none when the answer lacks the metric. */
export function seriesFor(response: MetricsResponse, c: Pick<WallChart, 'metric' | 'label' | 'color'>): ChartSeries[] {
  const s = response.series.find((x) => x.metric === c.metric)
  if (s === undefined) return []
  return [{ label: c.label, color: c.color, data: toGrid(s) }]
}

/**
 * The value "now": the latest sample within the lookback (5 min, as the rules and
 * Prometheus read it) of the series' end, else null. A value from before a longer gap
 * (a crashed agent exports nothing) is history on the chart, not the figure beside it.
 */
export function currentValue(grid: GridSeries): number | null {
  const stepMs = grid.stepS * 1000
  const last = grid.values.length - 1
  const oldest = Math.max(0, last - Math.floor(LOOKBACK_MS / stepMs))
  for (let i = last; i >= oldest; i--) {
    const v = grid.values[i]
    if (v !== null && v !== undefined) return v
  }
  return null
}

export type VerdictLevel = 'ok' | 'warning' | 'critical' | 'nodata'

export interface Verdict {
  level: VerdictLevel
  /** In words, so the verdict never rests on colour: "above 10 %", "below 5 %". */
  text: string
}

/**
 * Where the latest value stands against the chart's thresholds (the highest one it
 * exceeds wins). This is the value now, not an alert: the rule's `for:` duration
 * decides whether it fires. Within thresholds it names the lowest one ("below 5 %"):
 * shorter than "within thresholds", so it fits beside the figure in a wall cell, and
 * it says how much room is left. A value that prints the same as the threshold reads
 * "at 5 %", never "5 % — below 5 %".
 */
export function verdictFor(metric: MetricId, value: number | null, thresholds: readonly ThresholdLine[]): Verdict {
  if (value === null) return { level: 'nodata', text: 'no data' }
  const unit = METRIC_UNITS[metric]
  let exceeded: ThresholdLine | undefined
  let lowest: ThresholdLine | undefined
  for (const t of thresholds) {
    if (value > t.value && (exceeded === undefined || t.value > exceeded.value)) exceeded = t
    if (lowest === undefined || t.value < lowest.value) lowest = t
  }
  if (exceeded !== undefined) return { level: exceeded.severity, text: `above ${formatValue(unit, exceeded.value)}` }
  if (lowest === undefined) return { level: 'ok', text: 'no thresholds' }
  const limit = formatValue(unit, lowest.value)
  return { level: 'ok', text: formatValue(unit, value) === limit ? `at ${limit}` : `below ${limit}` }
}
