/**
 * Pure geometry for LineChart: series on time grids become SVG path data, axis ticks,
 * threshold lines and shaded spans, in pixels of a chart `width` × `height`.
 *
 * Every series is reduced with M4 before a path is built, so a week of 10 s samples
 * draws a path of a few thousand points at most, and a spike above a threshold always
 * survives the reduction (M4 keeps each column's minimum and maximum).
 */
import { m4, type ReducedPoints } from '@/domain/downsample'
import { sampleTime } from '@/domain/time-grid'
import { clipSpans, seriesKey, yScale, type ChartRow, type ChartSeries, type ChartSpan, type ChartThreshold, type TimeGridValues } from './chart-data'

/** Space around the plot for the axis labels at 11 px: y labels ("2.5 s") left, time labels below. */
export const PLOT_MARGIN = { top: 8, right: 12, bottom: 22, left: 56 } as const

export interface Margin {
  top: number
  right: number
  bottom: number
  left: number
}

/** The margin for labels drawn at `fontSize` px: PLOT_MARGIN at 11 px, growing with the text. */
export function marginFor(fontSize: number): Margin {
  const scale = Math.max(1, fontSize / 11)
  return {
    top: Math.round(PLOT_MARGIN.top * scale),
    right: Math.round(PLOT_MARGIN.right * scale),
    bottom: Math.round(PLOT_MARGIN.bottom * scale),
    left: Math.round(PLOT_MARGIN.left * scale),
  }
}

/**
 * M4 keeps up to four points per column; columns two pixels wide keep the path at two
 * points per pixel at most. The line is then at most a pixel off the exact one sideways,
 * and never off vertically: each column's extremes are still drawn.
 */
export const COLUMN_PX = 2

/** The narrowest a time label ("14:03") may be given, so labels never collide. */
const X_TICK_SPACING_PX = 72

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
/** Tick steps for "HH:MM" labels: nothing under a minute, or labels would repeat. */
const TIME_STEPS_MS = [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE_MS).concat([1, 2, 3, 6, 12, 24, 48, 168].map((h) => h * HOUR_MS))

export interface PlotArea {
  left: number
  top: number
  width: number
  height: number
}

export interface LineGeometry {
  plot: PlotArea
  /** The time range drawn; null when there is neither data nor a given range. */
  xDomain: readonly [number, number] | null
  yDomain: readonly [number, number]
  /** One path per series, in series order; '' for a series with nothing to draw. */
  paths: string[]
  /** Whether any series has a sample that is not a gap in the range drawn. */
  hasData: boolean
  xTicks: { t: number; x: number }[]
  yTicks: { value: number; y: number }[]
  thresholds: (ChartThreshold & { y: number })[]
  /** Spans clipped to the range drawn, in pixels. */
  spans: (ChartSpan & { x: number; width: number })[]
}

export interface LineGeometryInput {
  series: readonly ChartSeries[]
  /** The chart's full size in pixels, axes included. */
  width: number
  height: number
  thresholds?: readonly ChartThreshold[]
  spans?: readonly ChartSpan[]
  /** The time range to show; without it the range spans the data. */
  xDomain?: readonly [number, number]
  /**
   * The viewer's offset from UTC in ms (UTC+1 is 3_600_000), so ticks fall on round
   * local times, as the labels show local time; UTC by default.
   */
  utcOffsetMs?: number
  /** The most a value can be (1 for a share): the y-axis headroom stops there. */
  ceiling?: number
  /** Space for the axis labels; PLOT_MARGIN by default (labels at 11 px). */
  margin?: Margin
  /** The narrowest a time label may be given, so labels never collide; 72 px by default. */
  xTickSpacingPx?: number
}

/** Everything LineChart draws, in pixels. */
export function lineGeometry({
  series,
  width,
  height,
  thresholds = [],
  spans = [],
  xDomain: givenXDomain,
  utcOffsetMs = 0,
  ceiling,
  margin = PLOT_MARGIN,
  xTickSpacingPx = X_TICK_SPACING_PX,
}: LineGeometryInput): LineGeometry {
  const plot: PlotArea = {
    left: margin.left,
    top: margin.top,
    width: Math.max(1, width - margin.left - margin.right),
    height: Math.max(1, height - margin.top - margin.bottom),
  }
  const xDomain = givenXDomain ?? dataExtent(series)
  const columns = Math.max(1, Math.floor(plot.width / COLUMN_PX))
  const reduced = xDomain === null ? series.map(() => EMPTY) : series.map((s) => reduceGrid(s.data, xDomain[0], xDomain[1], columns))

  const y = yScale(extremeRows(reduced), reduced.map((_, i) => seriesKey(i)), thresholds, undefined, ceiling)
  const [y0, y1] = y.domain
  const toY = (v: number) => plot.top + (1 - (v - y0) / (y1 - y0)) * plot.height

  if (xDomain === null) {
    return {
      plot,
      xDomain,
      yDomain: y.domain,
      paths: series.map(() => ''),
      hasData: false,
      xTicks: [],
      yTicks: y.ticks.map((value) => ({ value, y: toY(value) })),
      thresholds: thresholds.map((t) => ({ ...t, y: toY(t.value) })),
      spans: [],
    }
  }

  const [x0, x1] = xDomain
  // A single instant has no width: centre it rather than divide by zero.
  const toX = x1 > x0 ? (t: number) => plot.left + ((t - x0) / (x1 - x0)) * plot.width : () => plot.left + plot.width / 2
  return {
    plot,
    xDomain,
    yDomain: y.domain,
    paths: reduced.map((points) => pathData(points, toX, toY)),
    hasData: reduced.some((points) => points.ys.some((v) => v !== null)),
    xTicks: timeTicks(x0, x1, Math.max(2, Math.floor(plot.width / xTickSpacingPx)), utcOffsetMs).map((t) => ({ t, x: toX(t) })),
    yTicks: y.ticks.map((value) => ({ value, y: toY(value) })),
    thresholds: thresholds.map((t) => ({ ...t, y: toY(t.value) })),
    spans: clipSpans(spans, x0, x1).map((s) => ({ ...s, x: toX(s.fromMs), width: Math.max(1, toX(s.toMs) - toX(s.fromMs)) })),
  }
}

const EMPTY: ReducedPoints = { xs: [], ys: [] }

/** The time from the earliest first sample to the latest last sample, or null with no samples. */
export function dataExtent(series: readonly ChartSeries[]): [number, number] | null {
  let from = Number.POSITIVE_INFINITY
  let to = Number.NEGATIVE_INFINITY
  for (const { data } of series) {
    if (data.values.length === 0) continue
    from = Math.min(from, data.fromMs)
    to = Math.max(to, sampleTime(data.fromMs, data.stepS, data.values.length - 1))
  }
  return Number.isFinite(from) ? [from, to] : null
}

/** A grid series reduced with M4 to `columns` columns over [fromMs, toMs]; gaps stay as null points. */
export function reduceGrid(data: TimeGridValues, fromMs: number, toMs: number, columns: number): ReducedPoints {
  const xs = new Float64Array(data.values.length)
  for (let i = 0; i < xs.length; i++) xs[i] = sampleTime(data.fromMs, data.stepS, i)
  return m4({ xs, ys: data.values }, fromMs, toMs, columns)
}

/**
 * Two rows per series, its lowest and highest value, so `yScale` sees every extreme
 * without a row per sample. (M4 kept each column's extremes, so these are the data's.)
 */
function extremeRows(reduced: readonly ReducedPoints[]): ChartRow[] {
  const rows: ChartRow[] = []
  reduced.forEach((points, index) => {
    let lo = Number.POSITIVE_INFINITY
    let hi = Number.NEGATIVE_INFINITY
    for (const v of points.ys) {
      if (v === null || !Number.isFinite(v)) continue
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
    if (hi >= lo) rows.push({ t: 0, [seriesKey(index)]: lo }, { t: 0, [seriesKey(index)]: hi })
  })
  return rows
}

/**
 * SVG path data through the points. A null starts a new subpath at the next point, so
 * a gap stays a gap: never a line across it, never a drop to zero. A point alone
 * between gaps becomes a zero-length segment, which a round line cap draws as a dot.
 */
export function pathData(points: ReducedPoints, toX: (t: number) => number, toY: (v: number) => number): string {
  const parts: string[] = []
  let penDown = false
  let lone = false
  for (let i = 0; i < points.ys.length; i++) {
    const v = points.ys[i]
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (lone) parts.push('h0')
      penDown = false
      lone = false
      continue
    }
    const at = `${round(toX(points.xs[i] ?? 0))},${round(toY(v))}`
    if (penDown) {
      parts.push(`L${at}`)
      lone = false
    } else {
      parts.push(`M${at}`)
      penDown = true
      lone = true
    }
  }
  if (lone) parts.push('h0')
  return parts.join('')
}

/** A tenth of a pixel is finer than any screen shows, and keeps path data short. */
function round(n: number): number {
  return Math.round(n * 10) / 10
}

/**
 * Times for axis ticks in [fromMs, toMs], at most `maxTicks` of them, on the smallest
 * round step (1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7 d) that allows it, on
 * round times of the zone `utcOffsetMs` from UTC.
 */
export function timeTicks(fromMs: number, toMs: number, maxTicks: number, utcOffsetMs = 0): number[] {
  if (!(toMs > fromMs) || maxTicks < 1) return []
  const span = toMs - fromMs
  const step = TIME_STEPS_MS.find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? niceDays(span, maxTicks)
  const ticks: number[] = []
  for (let t = Math.ceil((fromMs + utcOffsetMs) / step) * step - utcOffsetMs; t <= toMs; t += step) ticks.push(t)
  return ticks
}

/** For spans beyond the table: whole weeks. */
function niceDays(span: number, maxTicks: number): number {
  const week = 168 * HOUR_MS
  return Math.ceil(span / Math.max(1, maxTicks - 1) / week) * week
}
