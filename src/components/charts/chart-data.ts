/**
 * Pure data preparation for TimeSeriesChart: series on time grids become the row
 * shape Recharts wants, and the y-domain is chosen so every threshold stays on screen.
 */
import type { Comparator } from '@/domain/alert-rules'
import type { MetricUnit } from '@/domain/catalog'
import { sampleTime } from '@/domain/time-grid'

/** Samples on a grid: values[i] is at fromMs + i * stepS seconds; null is a gap. */
export interface TimeGridValues {
  fromMs: number
  stepS: number
  values: readonly (number | null)[]
}

export interface ChartSeries {
  label: string
  data: TimeGridValues
  color: string
  /** A dash pattern, so series differ in more than colour. */
  dash?: string
}

export interface ChartThreshold {
  value: number
  /** The threshold stated in words, shown under the chart: "P95 warning: > 3 s for 1 min". */
  label: string
  severity: 'warning' | 'critical'
  /** How a value crosses it, for the chart's text alternative; `>` when not given. */
  comparator?: Comparator
  /** Labels of the series it applies to (P95, not P50); every series when not given. */
  series?: readonly string[]
}

export interface ChartSpan {
  fromMs: number
  toMs: number
  kind: 'pending' | 'firing'
  /** What the span marks, for the text under the chart: "P95 latency alert". */
  label?: string
}

/**
 * A marked time span or instant drawn over the chart, such as an incident's phases:
 * a shaded area from `fromMs` to `toMs`, or a vertical line at `fromMs` without `toMs`.
 */
export interface ChartMarker {
  fromMs: number
  toMs?: number
  /** Drawn at the start and stated under the chart: "INC-12345 declared". */
  label: string
  /** `active` for what is still being dealt with, `calm` for what is settling. */
  tone?: 'active' | 'calm'
}

/** One row per timestamp; `s0`, `s1`, … hold each series' value there (null = gap). */
export type ChartRow = { t: number } & Partial<Record<SeriesKey, number | null>>
export type SeriesKey = `s${number}`

/** Keys are positional: labels can contain dots, which Recharts would read as paths. */
export function seriesKey(index: number): SeriesKey {
  return `s${index}`
}

/**
 * Merges series into rows sorted by time. A timestamp a series has no sample for is
 * null for that series, so Recharts draws a gap rather than joining across it.
 */
export function toChartRows(series: readonly ChartSeries[]): ChartRow[] {
  const byTime = new Map<number, ChartRow>()
  series.forEach((s, index) => {
    const key = seriesKey(index)
    const { fromMs, stepS, values } = s.data
    for (let i = 0; i < values.length; i++) {
      const t = sampleTime(fromMs, stepS, i)
      let row = byTime.get(t)
      if (row === undefined) {
        row = { t }
        byTime.set(t, row)
      }
      row[key] = values[i] ?? null
    }
  })
  const rows = [...byTime.values()].sort((a, b) => a.t - b.t)
  const keys = series.map((_, i) => seriesKey(i))
  for (const row of rows) for (const key of keys) if (!(key in row)) row[key] = null
  return rows
}

export interface YScale {
  domain: [number, number]
  /** Evenly spaced round values from domain[0] to domain[1]. */
  ticks: number[]
}

/**
 * The y-axis: from 0 (or below, for negative data) to a round number above both the
 * visible data and every threshold, with headroom so a threshold line never sits on
 * the chart's edge, and ticks on round steps (0, 1 s, 2 s, 3 s, 4 s — not 1.3 s).
 * `ceiling` is the most the quantity can be (1 for a share): the headroom stops there.
 */
export function yScale(
  rows: readonly ChartRow[],
  keys: readonly SeriesKey[],
  thresholds: readonly Pick<ChartThreshold, 'value'>[],
  maxTicks = 5,
  ceiling = Number.POSITIVE_INFINITY,
): YScale {
  let max = Number.NEGATIVE_INFINITY
  let min = 0
  for (const row of rows) {
    for (const key of keys) {
      const v = row[key]
      if (typeof v === 'number' && Number.isFinite(v)) {
        if (v > max) max = v
        if (v < min) min = v
      }
    }
  }
  for (const t of thresholds) {
    if (t.value > max) max = t.value
    if (t.value < min) min = t.value
  }
  if (!Number.isFinite(max) || max <= min) return { domain: [min, min + 1], ticks: [min, min + 1] }
  // A share cannot pass 100 %: headroom above it would be empty axis (0–150 %).
  const top = max <= ceiling ? Math.min(max * 1.1, ceiling) : max * 1.1
  const bottom = min < 0 ? min * 1.1 : 0
  const step = niceCeil((top - bottom) / (maxTicks - 1))
  const lo = Math.floor(bottom / step) * step
  const hi = Math.ceil(top / step) * step
  const ticks: number[] = []
  // toPrecision: 3 × 0.05 is 0.15000000000000002 in floating point.
  for (let i = 0; lo + i * step <= hi + step / 2; i++) ticks.push(Number((lo + i * step).toPrecision(12)))
  return { domain: [Number(lo.toPrecision(12)), Number(hi.toPrecision(12))], ticks }
}

/** The smallest 1, 2, 2.5 or 5 × 10^k that is ≥ x. */
export function niceCeil(x: number): number {
  if (x <= 0) return 0
  const magnitude = 10 ** Math.floor(Math.log10(x))
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * magnitude >= x) return m * magnitude
  }
  return 10 * magnitude
}

/** Spans clipped to the time range shown; spans wholly outside it are dropped. */
export function clipSpans(spans: readonly ChartSpan[], fromMs: number, toMs: number): ChartSpan[] {
  return spans
    .filter((s) => s.toMs >= fromMs && s.fromMs <= toMs && s.toMs >= s.fromMs)
    .map((s) => ({ ...s, fromMs: Math.max(s.fromMs, fromMs), toMs: Math.min(s.toMs, toMs) }))
}

/** The most recent sample that is not a gap, or null. */
export function latestValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i]
    if (v !== null && v !== undefined) return v
  }
  return null
}

/** The most a value of this unit can be: a share or an up/down flag tops out at 1. */
export function unitCeiling(unit: MetricUnit): number {
  return unit === 'ratio' || unit === 'bool' ? 1 : Number.POSITIVE_INFINITY
}
