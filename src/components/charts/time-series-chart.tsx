import { memo, useId, useMemo, useState } from 'react'
import type { MetricUnit } from '@/domain/catalog'
import { formatValue } from '@/domain/format'
import { formatClockTime } from '@/lib/format-time'
import { useElementWidth } from '@/lib/use-element-width'
import { shallowEqual, usePacedValue } from '@/lib/use-paced-value'
import { sameNumbers, useStableValue } from '@/lib/use-stable-value'
import { focusRing } from '@/components/ui/focus'
import { xAxisTicks, yAxisWidthPx } from './chart-axes'
import {
  clipSpans,
  latestValue,
  seriesKey,
  toChartRows,
  unitCeiling,
  yScale,
  type ChartMarker,
  type ChartRow,
  type ChartSeries,
  type ChartSpan,
  type ChartThreshold,
  type SeriesKey,
  type YScale,
} from './chart-data'
import { chartTextAlternative, NO_DATA_TEXT } from './text-alternative'
import { PLOT_MARGIN, TimeSeriesPlot, type TimeSeriesPlotProps } from './time-series-plot'

export interface TimeSeriesChartProps {
  /** The figure's accessible name: "STT latency". */
  title: string
  series: readonly ChartSeries[]
  unit: MetricUnit
  thresholds?: readonly ChartThreshold[]
  /** Shaded time spans: alert pending/firing now, incident markers later. */
  spans?: readonly ChartSpan[]
  height?: number
  /**
   * Rows already built (reduced, say) from `series`, key `s<i>` for `series[i]`;
   * without them every sample of `series` becomes a row.
   */
  rows?: readonly ChartRow[]
  /** The time range to show; without it the axis spans the data. */
  xDomain?: readonly [number, number]
  /** Marked spans or instants drawn over the chart (incident phases), labelled and stated in text. */
  markers?: readonly ChartMarker[]
  /** Makes the chart zoomable: dragging across it selects a span and reports it. */
  onZoom?: (fromMs: number, toMs: number) => void
  /** Time on the axis and in the stated spans; "14:03" by default. */
  formatTime?: (ms: number) => string
  /**
   * Whether the shaded spans' text ("Shaded: … firing 14:03–14:10") is shown or only read
   * to screen readers, for screens where the list of spans would crowd out the plot (the
   * wall, whose alert panel lists them). Shown by default.
   */
  spanTextShown?: boolean
  /** Pixel size of the text drawn in the chart (ticks, line labels); the y-axis widens with it. 11 by default. */
  fontSize?: number
}

const EMPTY_THRESHOLDS: readonly ChartThreshold[] = []
const EMPTY_SPANS: readonly ChartSpan[] = []
const EMPTY_MARKERS: readonly ChartMarker[] = []
const FALLBACK_WIDTH = 480
const sameScale = (a: YScale, b: YScale) => sameNumbers(a.domain, b.domain) && sameNumbers(a.ticks, b.ticks)

/**
 * A live line chart: the plot (TimeSeriesPlot) with its legend, thresholds, shaded
 * spans and markers also written out, so the chart reads without seeing it. The plot is
 * redrawn in its turn (usePacedValue): a page of charts refreshed at once redraws them
 * one task each instead of all in one long task; the text around it is current at once.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({
  title,
  series,
  unit,
  thresholds = EMPTY_THRESHOLDS,
  spans = EMPTY_SPANS,
  height = 200,
  rows: givenRows,
  xDomain,
  markers = EMPTY_MARKERS,
  onZoom,
  formatTime = formatClockTime,
  fontSize = 11,
  spanTextShown = true,
}: TimeSeriesChartProps) {
  const captionId = useId()
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(() => new Set())
  const [measure, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH)

  const rows = useMemo(() => givenRows ?? toChartRows(series), [givenRows, series])
  const visibleKeys = useMemo(() => series.map((_, i) => seriesKey(i)).filter((k) => !hidden.has(k)), [series, hidden])
  const y = useStableValue(
    useMemo(() => yScale(rows, visibleKeys, thresholds, undefined, unitCeiling(unit)), [rows, visibleKeys, thresholds, unit]),
    sameScale,
  )
  const first = xDomain?.[0] ?? rows[0]?.t
  const last = xDomain?.[1] ?? rows[rows.length - 1]?.t
  const yAxisWidth = useMemo(() => yAxisWidthPx(y.ticks.map((v) => formatValue(unit, v)), fontSize), [y, unit, fontSize])
  const plotLeft = PLOT_MARGIN.left + yAxisWidth
  const plotRight = width - PLOT_MARGIN.right
  const xTicks = useStableValue(
    useMemo(() => {
      if (first === undefined || last === undefined) return []
      const utcOffsetMs = -new Date(first).getTimezoneOffset() * 60_000
      return xAxisTicks(first, last, plotRight - plotLeft, fontSize, formatTime, utcOffsetMs)
    }, [first, last, plotLeft, plotRight, fontSize, formatTime]),
    sameNumbers,
  )
  const shownSpans = useMemo(
    () => (first === undefined || last === undefined ? [] : clipSpans(spans, first, last)),
    [spans, first, last],
  )
  const shownMarkers = useMemo(
    () =>
      first === undefined || last === undefined
        ? []
        : markers
            .filter((m) => (m.toMs ?? m.fromMs) >= first && m.fromMs <= last)
            .map((m) => (m.toMs === undefined ? m : { ...m, fromMs: Math.max(m.fromMs, first), toMs: Math.min(m.toMs, last) })),
    [markers, first, last],
  )
  const plotInput: TimeSeriesPlotProps = {
    title,
    width,
    height,
    rows,
    series,
    hidden,
    unit,
    y,
    yAxisWidth,
    xDomain,
    xTicks,
    thresholds,
    spans: shownSpans,
    markers: shownMarkers,
    onZoom,
    formatTime,
    fontSize,
  }
  const plot = usePacedValue(plotInput, shallowEqual)
  const hasData = useMemo(() => rows.some((r) => visibleKeys.some((k) => typeof r[k] === 'number')), [rows, visibleKeys])
  const format = (v: number) => formatValue(unit, v)
  // The latest values and where they stand against the thresholds, as the figure's
  // description: the legend shows the values, the plot the crossing, neither in words.
  const descriptionId = useId()
  const description = useMemo(
    () => chartTextAlternative({ series, thresholds, format: (v) => formatValue(unit, v), formatTime }),
    [series, thresholds, unit, formatTime],
  )
  const empty = description === NO_DATA_TEXT

  const toggle = (key: SeriesKey) => {
    setHidden((prev) => {
      const next = new Set(prev)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  }

  return (
    <figure aria-labelledby={captionId} aria-describedby={descriptionId} className="flex min-w-0 flex-col gap-1">
      <figcaption id={captionId} className="text-sm font-semibold text-zinc-800 dark:text-zinc-100">
        {title}
      </figcaption>
      {/* With no value at all the notice over the plot says it, once. */}
      {!empty && (
        <p id={descriptionId} className="sr-only">
          {description}
        </p>
      )}
      <div ref={measure} className="relative w-full text-zinc-500 dark:text-zinc-400" style={{ height }}>
        {plot === undefined ? null : <TimeSeriesPlot {...plot} />}
        {!hasData && (
          <p
            id={empty ? descriptionId : undefined}
            className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-zinc-600 dark:text-zinc-300"
          >
            {NO_DATA_TEXT}
          </p>
        )}
      </div>
      <ul className="flex flex-wrap gap-1" aria-label={`${title} series`}>
        {series.map((s, i) => {
          const key = seriesKey(i)
          const shown = !hidden.has(key)
          const latest = latestValue(s.data.values)
          return (
            <li key={key}>
              <button
                type="button"
                aria-pressed={shown}
                title={shown ? `Hide ${s.label}` : `Show ${s.label}`}
                onClick={() => {
                  toggle(key)
                }}
                className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs hover:bg-zinc-100 dark:hover:bg-zinc-800 ${shown ? 'text-zinc-800 dark:text-zinc-100' : 'text-zinc-500 line-through dark:text-zinc-500'} ${focusRing}`}
              >
                <svg width="16" height="6" aria-hidden="true">
                  <line x1="0" y1="3" x2="16" y2="3" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
                </svg>
                {s.label}{' '}
                <span className="tabular-nums text-zinc-600 dark:text-zinc-400">{latest === null ? 'no data' : format(latest)}</span>
              </button>
            </li>
          )
        })}
      </ul>
      {thresholds.length > 0 && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Thresholds: {thresholds.map((t) => t.label).join('; ')}.
        </p>
      )}
      {shownSpans.length > 0 && (
        <p className={spanTextShown ? 'text-xs text-zinc-600 dark:text-zinc-400' : 'sr-only'}>
          Shaded:{' '}
          {shownSpans
            .map((s) => `${s.label ?? 'alert'} ${s.kind} ${formatTime(s.fromMs)}–${formatTime(s.toMs)}`)
            .join('; ')}
        </p>
      )}
      {shownMarkers.length > 0 && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Marked:{' '}
          {shownMarkers
            .map((m) => (m.toMs === undefined ? `${m.label} ${formatTime(m.fromMs)}` : `${m.label} ${formatTime(m.fromMs)}–${formatTime(m.toMs)}`))
            .join('; ')}
        </p>
      )}
    </figure>
  )
})
