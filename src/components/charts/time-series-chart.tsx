import { memo, useId, useMemo, useState } from 'react'
import type { MouseHandlerDataParam } from 'recharts'
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { MetricUnit } from '@/domain/catalog'
import { formatValue } from '@/domain/format'
import { formatClockTime, formatExactTime } from '@/lib/format-time'
import { useElementWidth } from '@/lib/use-element-width'
import { focusRing } from '@/components/ui/focus'
import {
  clipSpans,
  latestValue,
  seriesKey,
  toChartRows,
  yScale,
  type ChartMarker,
  type ChartRow,
  type ChartSeries,
  type ChartSpan,
  type ChartThreshold,
  type SeriesKey,
} from './chart-data'

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
  /** Pixel size of the text drawn in the chart (ticks, line labels); the y-axis widens with it. 11 by default. */
  fontSize?: number
}

const THRESHOLD_COLORS: Record<ChartThreshold['severity'], string> = { warning: '#d97706', critical: '#dc2626' }
const SPAN_COLORS: Record<ChartSpan['kind'], string> = { pending: '#f59e0b', firing: '#ef4444' }
const EMPTY_THRESHOLDS: readonly ChartThreshold[] = []
const EMPTY_SPANS: readonly ChartSpan[] = []
const EMPTY_MARKERS: readonly ChartMarker[] = []
const MARKER_COLORS: Record<NonNullable<ChartMarker['tone']>, string> = { active: '#2563eb', calm: '#64748b' }
const SELECTION_COLOR = '#0ea5e9'

/** The time under the pointer, from a Recharts mouse event on a time axis. */
function pointerTime(state: MouseHandlerDataParam): number | null {
  const t = Number(state.activeLabel)
  return state.activeLabel === undefined || !Number.isFinite(t) ? null : t
}
const FALLBACK_WIDTH = 480

/**
 * A live line chart. No animation (data changes every few seconds and animating it
 * costs frames and memory on a wall that runs for days); gaps stay gaps; thresholds
 * are drawn and also written out, so the chart is readable without seeing it.
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
}: TimeSeriesChartProps) {
  const captionId = useId()
  const [hidden, setHidden] = useState<ReadonlySet<SeriesKey>>(() => new Set())
  const [measure, width] = useElementWidth<HTMLDivElement>(FALLBACK_WIDTH)

  const rows = useMemo(() => givenRows ?? toChartRows(series), [givenRows, series])
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null)
  const visibleKeys = useMemo(() => series.map((_, i) => seriesKey(i)).filter((k) => !hidden.has(k)), [series, hidden])
  const y = useMemo(() => yScale(rows, visibleKeys, thresholds), [rows, visibleKeys, thresholds])
  const first = xDomain?.[0] ?? rows[0]?.t
  const last = xDomain?.[1] ?? rows[rows.length - 1]?.t
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
  const hasData = useMemo(() => rows.some((r) => visibleKeys.some((k) => typeof r[k] === 'number')), [rows, visibleKeys])
  const format = (v: number) => formatValue(unit, v)

  const toggle = (key: SeriesKey) => {
    setHidden((prev) => {
      const next = new Set(prev)
      if (next.has(key)) next.delete(key)
      else next.add(key)
      return next
    })
  }

  return (
    <figure aria-labelledby={captionId} className="flex min-w-0 flex-col gap-1">
      <figcaption id={captionId} className="text-sm font-semibold text-zinc-800 dark:text-zinc-100">
        {title}
      </figcaption>
      <div ref={measure} className="relative w-full text-zinc-500 dark:text-zinc-400" style={{ height }}>
        <LineChart
          width={width}
          height={height}
          data={rows}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          title={title}
          style={onZoom ? { cursor: 'crosshair', userSelect: 'none' } : undefined}
          onMouseDown={
            onZoom &&
            ((state) => {
              const t = pointerTime(state)
              if (t !== null) setDrag({ from: t, to: t })
            })
          }
          onMouseMove={
            onZoom &&
            ((state) => {
              const t = pointerTime(state)
              if (drag !== null && t !== null && t !== drag.to) setDrag({ from: drag.from, to: t })
            })
          }
          onMouseUp={
            onZoom &&
            (() => {
              if (drag !== null && drag.from !== drag.to) onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to))
              setDrag(null)
            })
          }
          onMouseLeave={
            onZoom &&
            (() => {
              setDrag(null)
            })
          }
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={xDomain ? [xDomain[0], xDomain[1]] : ['dataMin', 'dataMax']}
            allowDataOverflow={xDomain !== undefined}
            tickFormatter={formatTime}
            tick={{ fill: 'currentColor', fontSize }}
            stroke="currentColor"
            strokeOpacity={0.4}
            minTickGap={40}
          />
          <YAxis
            domain={y.domain}
            ticks={y.ticks}
            allowDataOverflow
            tickFormatter={format}
            tick={{ fill: 'currentColor', fontSize }}
            stroke="currentColor"
            strokeOpacity={0.4}
            width={Math.round((56 / 11) * fontSize)}
          />
          {shownSpans.map((s, i) => (
            <ReferenceArea
              // Two rules on one metric can change state at the same moment.
              key={`${s.kind}-${s.fromMs}-${s.label ?? i}`}
              x1={s.fromMs}
              x2={s.toMs}
              fill={SPAN_COLORS[s.kind]}
              fillOpacity={s.kind === 'firing' ? 0.16 : 0.1}
              ifOverflow="hidden"
            />
          ))}
          {shownMarkers.map((m) =>
            m.toMs === undefined ? null : (
              <ReferenceArea
                key={`marker-area-${m.label}-${m.fromMs}`}
                x1={m.fromMs}
                x2={m.toMs}
                fill={MARKER_COLORS[m.tone ?? 'active']}
                fillOpacity={0.08}
                ifOverflow="hidden"
              />
            ),
          )}
          {shownMarkers.map((m) => (
            <ReferenceLine
              key={`marker-line-${m.label}-${m.fromMs}`}
              x={m.fromMs}
              stroke={MARKER_COLORS[m.tone ?? 'active']}
              strokeDasharray="2 3"
              ifOverflow="hidden"
              label={{ value: m.label, position: 'insideTopRight', angle: -90, fill: MARKER_COLORS[m.tone ?? 'active'], fontSize: fontSize - 1 }}
            />
          ))}
          {drag !== null && drag.from !== drag.to && (
            <ReferenceArea x1={drag.from} x2={drag.to} fill={SELECTION_COLOR} fillOpacity={0.2} stroke={SELECTION_COLOR} ifOverflow="hidden" />
          )}
          {thresholds.map((t, i) => (
            <ReferenceLine
              key={`${t.severity}-${t.value}`}
              y={t.value}
              stroke={THRESHOLD_COLORS[t.severity]}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              // Above its line (a line at 0 would put it on the axis), alternating sides so
              // close thresholds (5 % and 10 % on a 0–100 % axis) do not print over each other.
              label={{
                value: `${t.severity} ${format(t.value)}`,
                position: i % 2 === 0 ? 'insideBottomLeft' : 'insideBottomRight',
                fill: THRESHOLD_COLORS[t.severity],
                fontSize,
              }}
            />
          ))}
          {series.map((s, i) => (
            <Line
              key={seriesKey(i)}
              dataKey={seriesKey(i)}
              name={s.label}
              type="linear"
              stroke={s.color}
              strokeWidth={1.75}
              strokeDasharray={s.dash}
              dot={false}
              activeDot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
              hide={hidden.has(seriesKey(i))}
            />
          ))}
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(label) => (typeof label === 'number' ? formatExactTime(label) : label)}
            formatter={(value) => (typeof value === 'number' ? formatValue(unit, value) : 'no data')}
            contentStyle={{
              background: 'var(--vigil-tooltip-bg)',
              border: '1px solid var(--vigil-tooltip-border)',
              color: 'var(--vigil-tooltip-fg)',
              fontSize: 12,
              borderRadius: 6,
            }}
            labelStyle={{ color: 'var(--vigil-tooltip-fg)', fontWeight: 600 }}
          />
        </LineChart>
        {!hasData && (
          <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-zinc-600 dark:text-zinc-300">
            No data in this range.
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
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
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
