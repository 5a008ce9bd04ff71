import { memo, useId, useMemo } from 'react'
import type { MetricUnit } from '@/domain/catalog'
import { formatValue } from '@/domain/format'
import { formatClockTime } from '@/lib/format-time'
import { useElementWidth } from '@/lib/use-element-width'
import { unitCeiling, type ChartSeries, type ChartSpan, type ChartThreshold } from './chart-data'
import { timeLabelAnchor, timeLabelSpacingPx } from './chart-axes'
import { dataExtent, lineGeometry, marginFor } from './line-geometry'
import { chartTextAlternative, NO_DATA_TEXT } from './text-alternative'

export interface LineChartProps {
  /** The figure's accessible name: "STT latency". */
  title: string
  series: readonly ChartSeries[]
  unit: MetricUnit
  thresholds?: readonly ChartThreshold[]
  /** Shaded time spans: where an alert was pending or firing. */
  spans?: readonly ChartSpan[]
  height?: number
  /** The time range to show; without it the axis spans the data. */
  xDomain?: readonly [number, number]
  /** Time on the axis and in the text under the chart; "14:03" (local) by default. */
  formatTime?: (ms: number) => string
  /** Pixel size of the text drawn in the chart; the margins grow with it. 11 by default. */
  fontSize?: number
  /**
   * Read-only screens with their own headline figure (the wall): the latest-values line
   * and the shaded spans' text are read to screen readers only, leaving room for the plot.
   */
  compact?: boolean
}

const THRESHOLD_COLORS: Record<ChartThreshold['severity'], string> = { warning: '#d97706', critical: '#dc2626' }
const SPAN_COLORS: Record<ChartSpan['kind'], string> = { pending: '#f59e0b', firing: '#ef4444' }
const SPAN_OPACITY: Record<ChartSpan['kind'], number> = { pending: 0.1, firing: 0.16 }
/** Series without a dash of their own still differ in more than colour. */
const DEFAULT_DASHES = [undefined, '6 3', '2 2', '8 3 2 3'] as const
const EMPTY_THRESHOLDS: readonly ChartThreshold[] = []
const EMPTY_SPANS: readonly ChartSpan[] = []
const FALLBACK_WIDTH = 480

function dashOf(series: ChartSeries, index: number): string | undefined {
  return series.dash ?? DEFAULT_DASHES[index % DEFAULT_DASHES.length]
}

/**
 * A lean live line chart in plain SVG, for screens that must load fast and run for days
 * (the Overview, the wall): no tooltip, zoom or animation, and a path rebuilt only when
 * the data or the width changes. Gaps stay gaps; thresholds are drawn and written out,
 * and the latest values are stated, so the chart reads without seeing it.
 * TimeSeriesChart, with Recharts, is for exploring (/metrics).
 */
export const LineChart = memo(function LineChart({
  title,
  series,
  unit,
  thresholds = EMPTY_THRESHOLDS,
  spans = EMPTY_SPANS,
  height = 200,
  xDomain,
  formatTime = formatClockTime,
  fontSize = 11,
  compact = false,
}: LineChartProps) {
  const captionId = useId()
  const [measure, width] = useElementWidth<HTMLElement>(FALLBACK_WIDTH)

  const geometry = useMemo(() => {
    // Ticks fall on round local times, as the labels are local (formatClockTime).
    const anchor = xDomain?.[0] ?? dataExtent(series)?.[0] ?? 0
    const utcOffsetMs = -new Date(anchor).getTimezoneOffset() * 60_000
    return lineGeometry({
      series,
      width,
      height,
      thresholds,
      spans,
      xDomain,
      utcOffsetMs,
      ceiling: unitCeiling(unit),
      margin: marginFor(fontSize),
      xTickSpacingPx: timeLabelSpacingPx(formatTime(anchor), fontSize),
    })
  }, [series, width, height, thresholds, spans, xDomain, unit, fontSize, formatTime])
  const descriptionId = useId()
  // The latest values and where they stand against the thresholds: shown (on the
  // Overview) and the figure's description, so a screen reader hears it with the name.
  const summary = useMemo(
    () => chartTextAlternative({ series, thresholds, format: (v) => formatValue(unit, v), formatTime }),
    [series, thresholds, unit, formatTime],
  )
  const empty = summary === NO_DATA_TEXT
  const format = (v: number) => formatValue(unit, v)
  const { plot } = geometry
  const bottom = plot.top + plot.height
  const right = plot.left + plot.width

  return (
    <figure ref={measure} aria-labelledby={captionId} aria-describedby={descriptionId} className="flex min-w-0 flex-col gap-1">
      <figcaption id={captionId} className="text-sm font-semibold text-zinc-800 dark:text-zinc-100">
        {title}
      </figcaption>
      {/* With no value at all the notice over the plot says it, once. */}
      {!empty && (
        <p id={descriptionId} className={compact ? 'sr-only' : 'text-xs tabular-nums text-zinc-700 dark:text-zinc-300'}>
          {summary}
        </p>
      )}
      <div className="relative">
        {/* Hidden from assistive technology: the text around it says what it shows. */}
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="block h-auto w-full text-zinc-500 dark:text-zinc-400"
          aria-hidden="true"
          focusable="false"
          fontSize={fontSize}
        >
          {geometry.spans.map((s, i) => (
            <rect
              // Two rules on one metric can change state at the same moment.
              key={`${s.kind}-${s.fromMs}-${s.label ?? i}`}
              x={s.x}
              y={plot.top}
              width={s.width}
              height={plot.height}
              fill={SPAN_COLORS[s.kind]}
              fillOpacity={SPAN_OPACITY[s.kind]}
            />
          ))}
          {geometry.yTicks.map((tick) => (
            <g key={tick.value}>
              <line x1={plot.left} x2={right} y1={tick.y} y2={tick.y} stroke="currentColor" strokeOpacity={0.15} />
              <text x={plot.left - fontSize / 2} y={tick.y} textAnchor="end" dominantBaseline="middle" fill="currentColor">
                {format(tick.value)}
              </text>
            </g>
          ))}
          <line x1={plot.left} x2={right} y1={bottom} y2={bottom} stroke="currentColor" strokeOpacity={0.4} />
          {geometry.xTicks.map((tick) => (
            <g key={tick.t}>
              <line x1={tick.x} x2={tick.x} y1={bottom} y2={bottom + 4} stroke="currentColor" strokeOpacity={0.4} />
              <text
                x={tick.x}
                y={bottom + 4}
                dy="1em"
                textAnchor={timeLabelAnchor(tick.x, formatTime(tick.t), fontSize, plot.left, width)}
                fill="currentColor"
              >
                {formatTime(tick.t)}
              </text>
            </g>
          ))}
          {geometry.thresholds.map((t, i) => (
            <g key={`${t.severity}-${t.value}`} className="line-chart-threshold" color={THRESHOLD_COLORS[t.severity]}>
              <line x1={plot.left} x2={right} y1={t.y} y2={t.y} stroke="currentColor" strokeDasharray="6 4" />
              {/*
                Above the line, unless that would leave the plot; alternate ends, so close
                thresholds (5 % and 10 %) do not print over each other.
              */}
              <text
                x={i % 2 === 0 ? plot.left + 4 : right - 4}
                y={t.y - plot.top < fontSize + 4 ? t.y + fontSize + 2 : t.y - 4}
                textAnchor={i % 2 === 0 ? 'start' : 'end'}
                fill="currentColor"
              >
                {`${t.severity} ${format(t.value)}`}
              </text>
            </g>
          ))}
          {series.map((s, i) => (
            <path
              key={`${s.label}-${i}`}
              className="line-chart-series"
              data-series={s.label}
              d={geometry.paths[i] ?? ''}
              fill="none"
              stroke={s.color}
              strokeWidth={1.75}
              strokeDasharray={dashOf(s, i)}
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          ))}
        </svg>
        {!geometry.hasData && (
          <p
            id={empty ? descriptionId : undefined}
            className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-zinc-600 dark:text-zinc-300"
          >
            {NO_DATA_TEXT}
          </p>
        )}
      </div>
      <ul className="flex flex-wrap gap-3 text-xs text-zinc-800 dark:text-zinc-100" aria-label={`${title} series`}>
        {series.map((s, i) => (
          <li key={`${s.label}-${i}`} className="inline-flex items-center gap-1.5">
            {/* In em, so the swatch grows with the legend's text (the wall's is large). */}
            <svg width="1.6em" height="0.5em" viewBox="0 0 18 6" aria-hidden="true" focusable="false">
              <line x1="1" y1="3" x2="17" y2="3" stroke={s.color} strokeWidth="2" strokeDasharray={dashOf(s, i)} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      {thresholds.length > 0 && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Thresholds: {thresholds.map((t) => t.label).join('; ')}.</p>
      )}
      {geometry.spans.length > 0 && (
        <p className={compact ? 'sr-only' : 'text-xs text-zinc-600 dark:text-zinc-400'}>
          Shaded:{' '}
          {geometry.spans.map((s) => `${s.label ?? 'alert'} ${s.kind} ${formatTime(s.fromMs)}–${formatTime(s.toMs)}`).join('; ')}
        </p>
      )}
    </figure>
  )
})
