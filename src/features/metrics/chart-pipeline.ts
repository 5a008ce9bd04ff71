/**
 * From a metrics answer to what a chart draws, as pure functions: the rows (reduced to
 * the chart's pixel columns without hiding a breach), the spans where an alert was
 * pending or firing (evaluated here, over the very series on screen), and incident
 * markers.
 *
 * Reduction is two-stage: the backend is asked for `pickStep(from, to, width)` (one
 * point per pixel, each the step's worst value); whatever still exceeds two points per
 * pixel — 10 s data requested on purpose, a backend that ignores `step` — is cut down
 * with M4 here.
 */
import type { Incident, MetricsResponse } from '@/api/schemas'
import { gridsByMetric } from '@/api/metrics'
import type { GridSeries } from '@/domain/alert-engine'
import { m4, pickStep } from '@/domain/downsample'
import { BASE_STEP_S } from '@/domain/catalog'
import {
  seriesKey,
  toChartRows,
  type ChartMarker,
  type ChartRow,
  type ChartSeries,
  type ChartSpan,
} from '@/components/charts/chart-data'
import { chartAlertSpans } from '@/components/charts/alert-spans'
import { figureAlertInstances, type MetricFigure } from './metric-figures'
import { LIVE_REFRESH_MS } from './metric-range'

/** Rows per pixel column above which the client reduces with M4. */
export const MAX_POINTS_PER_PIXEL = 2
/**
 * What the backend is asked for. Its coarser steps keep each step's worst value (max
 * of a latency or error rate, min of `up`), so one point per pixel still draws every
 * breach, and it halves the rows the chart library works through on each refresh.
 */
export const BACKEND_POINTS_PER_PIXEL = 1
/** The width assumed until a chart has been measured (and where nothing can measure). */
export const FALLBACK_CHART_WIDTH = 1200

/**
 * How often a live chart refetches: every 10 s, or once per data step when a step is
 * longer (a week at 1,200 px is 510 s steps). Refetching a week every 10 s would bring
 * no new point and cost the backend a week-long range query each time.
 */
export function liveRefreshMs(stepS: number): number {
  return Math.max(LIVE_REFRESH_MS, stepS * 1000)
}

/**
 * The step to ask the backend for: one point per pixel at most, or the finest data when
 * reduction is off (the baseline the benchmark compares against).
 */
export function stepFor(durationMs: number, width: number, downsample: boolean): number {
  if (!downsample) return BASE_STEP_S
  return pickStep(0, Math.max(durationMs, 1), Math.max(1, Math.floor(width)), BASE_STEP_S, BACKEND_POINTS_PER_PIXEL)
}

function sameGrid(series: readonly GridSeries[]): boolean {
  const first = series[0]
  return series.every((s) => first !== undefined && s.fromMs === first.fromMs && s.stepS === first.stepS)
}

/**
 * Chart rows for series on one time grid, key `s<i>` for `series[i]`. With `reduce`, and
 * when a series has more than MAX_POINTS_PER_PIXEL points per column of `width`, each
 * series is reduced with M4 over [fromMs, toMs] and the rows are the union of the grid
 * points any series kept — every series' own first, min, max and last per column, and
 * its gap markers — each row holding every series' true value there. A row never
 * invents a value, so a null in a row is always a real gap, and every column in which
 * a series crossed a threshold keeps that series' extreme.
 *
 * Series on different grids (never from one answer) are merged by timestamp, unreduced.
 */
export function chartRows(
  series: readonly GridSeries[],
  fromMs: number,
  toMs: number,
  width: number,
  reduce: boolean,
): ChartRow[] {
  if (series.length === 0) return []
  if (!sameGrid(series)) {
    return toChartRows(series.map((data, i) => ({ label: String(i), color: '', data })))
  }
  const { fromMs: gridFrom, stepS } = series[0] as GridSeries
  const stepMs = stepS * 1000
  const n = Math.max(...series.map((s) => s.values.length))
  const columns = Math.max(1, Math.floor(width))
  const keys = series.map((_, i) => seriesKey(i))

  const row = (i: number): ChartRow => {
    const r: ChartRow = { t: gridFrom + i * stepMs }
    for (let k = 0; k < series.length; k++) r[keys[k] as `s${number}`] = series[k]?.values[i] ?? null
    return r
  }

  if (!reduce || n <= MAX_POINTS_PER_PIXEL * columns || !(toMs > fromMs)) {
    const rows = new Array<ChartRow>(n)
    for (let i = 0; i < n; i++) rows[i] = row(i)
    return rows
  }

  const xs = new Float64Array(n)
  for (let i = 0; i < n; i++) xs[i] = gridFrom + i * stepMs
  const kept = new Uint8Array(n)
  for (const s of series) {
    const reduced = m4({ xs, ys: s.values }, fromMs, toMs, columns)
    for (const x of reduced.xs) {
      const i = Math.round((x - gridFrom) / stepMs)
      if (i >= 0 && i < n) kept[i] = 1
    }
  }
  const rows: ChartRow[] = []
  for (let i = 0; i < n; i++) if (kept[i] === 1) rows.push(row(i))
  return rows
}

/**
 * Incident markers for a chart over [fromMs, toMs]: from declared to mitigated the
 * incident is active, from mitigated to resolved it is calm, and resolution is a line.
 * An open phase runs to `nowMs`. Only incidents touching one of `subjects` (an empty
 * list takes all, and so does an incident that names no service) are marked.
 */
export function incidentMarkers(
  incidents: readonly Incident[],
  subjects: readonly string[],
  fromMs: number,
  toMs: number,
  nowMs: number,
): ChartMarker[] {
  const out: ChartMarker[] = []
  for (const incident of incidents) {
    if (subjects.length > 0 && incident.services.length > 0 && !incident.services.some((s) => subjects.includes(s))) continue
    const declared = Date.parse(incident.declaredAt)
    const mitigated = incident.mitigatedAt === null ? null : Date.parse(incident.mitigatedAt)
    const resolved = incident.resolvedAt === null ? null : Date.parse(incident.resolvedAt)
    const end = resolved ?? nowMs
    if (declared > toMs || end < fromMs) continue
    out.push({ fromMs: declared, toMs: mitigated ?? end, label: `${incident.id} declared`, tone: 'active' })
    if (mitigated !== null) out.push({ fromMs: mitigated, toMs: end, label: `${incident.id} mitigated`, tone: 'calm' })
    if (resolved !== null) out.push({ fromMs: resolved, label: `${incident.id} resolved`, tone: 'calm' })
  }
  return out
}

export interface FigureData {
  /** One per figure series present in the answer; row key `s<i>` is `series[i]`. */
  readonly series: ChartSeries[]
  readonly rows: ChartRow[]
  readonly spans: ChartSpan[]
}

/**
 * Everything a figure draws from one metrics answer, for a chart `width` pixels wide
 * over the answer's window. Series the answer lacks are left out.
 */
export function figureData(figure: MetricFigure, response: MetricsResponse, width: number, reduce: boolean): FigureData {
  const grids = gridsByMetric(response)
  const present = figure.series.filter((s) => grids.has(s.metric))
  const fromMs = Date.parse(response.from)
  const toMs = Date.parse(response.to)
  const columns = Math.max(1, Math.floor(width))
  const gridList = present.map((s) => grids.get(s.metric) as GridSeries)
  const series: ChartSeries[] = present.map((s, i) => ({
    label: s.label,
    color: s.color,
    ...(s.dash === undefined ? {} : { dash: s.dash }),
    data: gridList[i] as GridSeries,
  }))
  const columnMs = toMs > fromMs ? (toMs - fromMs) / columns : 0
  return {
    series,
    rows: chartRows(gridList, fromMs, toMs, columns, reduce),
    spans: chartAlertSpans(figureAlertInstances(figure), grids, columnMs),
  }
}
