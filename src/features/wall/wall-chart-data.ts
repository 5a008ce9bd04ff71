/** The wall's key charts as data: which metric each shows, its series, and its verdict. */
import type { MetricsResponse } from '@/api/schemas'
import { METRIC_UNITS, SERVICE_LABELS, SERVICES, type MetricId } from '@/domain/catalog'
import { thresholdsFor, type ThresholdLine } from '@/domain/alert-rules'
import { formatValue } from '@/domain/format'
import type { ChartSeries } from '@/components/charts/chart-data'

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

/** The chart's one series, or none when the answer lacks the metric. */
export function seriesFor(response: MetricsResponse, c: Pick<WallChart, 'metric' | 'label' | 'color'>): ChartSeries[] {
  const s = response.series.find((x) => x.metric === c.metric)
  if (s === undefined) return []
  return [{ label: c.label, color: c.color, data: { fromMs: Date.parse(s.from), stepS: s.step, values: s.values } }]
}

export type VerdictLevel = 'ok' | 'warning' | 'critical' | 'nodata'

export interface Verdict {
  level: VerdictLevel
  /** In words, so the verdict never rests on colour: "above 10 %", "within thresholds". */
  text: string
}

/**
 * Where the latest value stands against the chart's thresholds (the highest one it
 * exceeds wins). This is the value now, not an alert: the rule's `for:` duration
 * decides whether it fires.
 */
export function verdictFor(metric: MetricId, value: number | null, thresholds: readonly ThresholdLine[]): Verdict {
  if (value === null) return { level: 'nodata', text: 'no data' }
  let exceeded: ThresholdLine | undefined
  for (const t of thresholds) if (value > t.value && (exceeded === undefined || t.value > exceeded.value)) exceeded = t
  if (exceeded === undefined) return { level: 'ok', text: 'within thresholds' }
  return { level: exceeded.severity, text: `above ${formatValue(METRIC_UNITS[metric], exceeded.value)}` }
}
