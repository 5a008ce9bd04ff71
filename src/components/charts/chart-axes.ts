/**
 * Axis layout for TimeSeriesChart, decided here rather than by Recharts: Recharts
 * measures every candidate tick label in the DOM (getBoundingClientRect per label) and
 * wraps long ones, which cost most of a 7-day page's first render and broke "1,250
 * req/s" over two lines. Ticks chosen up front, drawn as plain text, measure nothing.
 */
import { timeTicks } from './line-geometry'

/** Average advance of a digit or letter in the UI font, as a share of the font size. */
const CHAR_EM = 0.62
/** Space between the y labels and the plot, and between two time labels. */
const LABEL_GAP_PX = 8
const TIME_LABEL_GAP_PX = 28

/** Roughly how wide `text` draws at `fontSize`: tabular digits keep this close. */
export function textWidthPx(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * CHAR_EM)
}

/** The y-axis width that fits its widest label, never narrower than `minPx`. */
export function yAxisWidthPx(labels: readonly string[], fontSize: number, minPx = 32): number {
  const widest = labels.reduce((most, label) => Math.max(most, textWidthPx(label, fontSize)), 0)
  return Math.max(minPx, widest + LABEL_GAP_PX + 4)
}

/** The room one time label written like `sample` needs on the axis, gap to the next included. */
export function timeLabelSpacingPx(sample: string, fontSize: number): number {
  return textWidthPx(sample, fontSize) + TIME_LABEL_GAP_PX
}

/**
 * Round local times for the x-axis of a plot `plotWidthPx` wide over [fromMs, toMs],
 * spaced so labels written by `formatTime` never touch.
 */
export function xAxisTicks(
  fromMs: number,
  toMs: number,
  plotWidthPx: number,
  fontSize: number,
  formatTime: (ms: number) => string,
  utcOffsetMs: number,
): number[] {
  const labelPx = timeLabelSpacingPx(formatTime(fromMs), fontSize)
  return timeTicks(fromMs, toMs, Math.max(2, Math.floor(plotWidthPx / labelPx)), utcOffsetMs)
}

/** Where a time label anchors: a label near either end of the axis is kept inside the chart. */
export function timeLabelAnchor(x: number, label: string, fontSize: number, leftPx: number, rightPx: number): 'start' | 'middle' | 'end' {
  const half = textWidthPx(label, fontSize) / 2
  if (x + half > rightPx) return 'end'
  if (x - half < leftPx) return 'start'
  return 'middle'
}
