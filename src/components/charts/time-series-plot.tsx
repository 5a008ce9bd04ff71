import { memo, useCallback, useMemo, useState } from 'react'
import type { MouseHandlerDataParam, XAxisTickContentProps, YAxisTickContentProps } from 'recharts'
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { MetricUnit } from '@/domain/catalog'
import { formatValue } from '@/domain/format'
import { formatExactTime } from '@/lib/format-time'
import { timeLabelAnchor } from './chart-axes'
import { seriesKey, type ChartMarker, type ChartRow, type ChartSeries, type ChartSpan, type ChartThreshold, type SeriesKey, type YScale } from './chart-data'

/** Everything the plot draws, decided by TimeSeriesChart; spans and markers already clipped to the range. */
export interface TimeSeriesPlotProps {
  title: string
  width: number
  height: number
  rows: readonly ChartRow[]
  series: readonly ChartSeries[]
  hidden: ReadonlySet<SeriesKey>
  unit: MetricUnit
  y: YScale
  yAxisWidth: number
  xDomain: readonly [number, number] | undefined
  xTicks: readonly number[]
  thresholds: readonly ChartThreshold[]
  spans: readonly ChartSpan[]
  markers: readonly ChartMarker[]
  onZoom: ((fromMs: number, toMs: number) => void) | undefined
  formatTime: (ms: number) => string
  fontSize: number
}

export const PLOT_MARGIN = { top: 8, right: 12, bottom: 0, left: 0 } as const

const THRESHOLD_COLORS: Record<ChartThreshold['severity'], string> = { warning: '#d97706', critical: '#dc2626' }
const SPAN_COLORS: Record<ChartSpan['kind'], string> = { pending: '#f59e0b', firing: '#ef4444' }
const MARKER_COLORS: Record<NonNullable<ChartMarker['tone']>, string> = { active: '#2563eb', calm: '#64748b' }
const SELECTION_COLOR = '#0ea5e9'
const ZOOM_STYLE = { cursor: 'crosshair', userSelect: 'none' } as const
const ACTIVE_DOT = { r: 3 } as const
const DATA_EXTENT = ['dataMin', 'dataMax']
const TOOLTIP_STYLE = {
  background: 'var(--vigil-tooltip-bg)',
  border: '1px solid var(--vigil-tooltip-border)',
  color: 'var(--vigil-tooltip-fg)',
  fontSize: 12,
  borderRadius: 6,
} as const
const TOOLTIP_LABEL_STYLE = { color: 'var(--vigil-tooltip-fg)', fontWeight: 600 } as const
const tooltipLabel = (label: unknown) => (typeof label === 'number' ? formatExactTime(label) : String(label))
/**
 * Recharts computes the vertical grid lines even with `vertical={false}`, measuring a
 * label per row (a third of a 7-day page's first render); this skips that.
 */
const NO_GRID_LINES = (): number[] => []

/** Whether a threshold's label would leave the plot above its line: the line is within a label's height of the top. */
function labelBelow(value: number, [low, high]: readonly [number, number], heightPx: number): boolean {
  const fromTopPx = high > low ? ((high - value) / (high - low)) * heightPx : heightPx
  return fromTopPx < 24
}

/** The time under the pointer, from a Recharts mouse event on a time axis. */
function pointerTime(state: MouseHandlerDataParam): number | null {
  const t = Number(state.activeLabel)
  return state.activeLabel === undefined || !Number.isFinite(t) ? null : t
}

/**
 * The Recharts drawing of a TimeSeriesChart. No animation (data changes every few
 * seconds and animating it costs frames and memory on a wall that runs for days); gaps
 * stay gaps; ticks are chosen by the caller and drawn as plain text, because Recharts'
 * own tick layout measures every label in the DOM.
 */
export const TimeSeriesPlot = memo(function TimeSeriesPlot({
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
}: TimeSeriesPlotProps) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null)
  const plotLeft = PLOT_MARGIN.left + yAxisWidth
  // The top tick's label is centred on the plot's top edge: half of it must fit above.
  const margin = useMemo(() => ({ ...PLOT_MARGIN, top: Math.max(PLOT_MARGIN.top, Math.ceil(fontSize * 0.65)) }), [fontSize])
  const xTick = useCallback(
    ({ x, y: top, payload }: XAxisTickContentProps) => {
      const label = formatTime(Number(payload.value))
      return (
        <text x={x} y={top} dy="0.71em" textAnchor={timeLabelAnchor(Number(x), label, fontSize, plotLeft, width)} fill="currentColor" fontSize={fontSize}>
          {label}
        </text>
      )
    },
    [formatTime, fontSize, plotLeft, width],
  )
  const yTick = useCallback(
    ({ x, y: top, payload }: YAxisTickContentProps) => (
      <text x={x} y={top} dy="0.355em" textAnchor="end" fill="currentColor" fontSize={fontSize}>
        {formatValue(unit, Number(payload.value))}
      </text>
    ),
    [unit, fontSize],
  )

  const onMouseDown = useCallback((state: MouseHandlerDataParam) => {
    const t = pointerTime(state)
    if (t !== null) setDrag({ from: t, to: t })
  }, [])
  const onMouseMove = useCallback(
    (state: MouseHandlerDataParam) => {
      const t = pointerTime(state)
      if (drag !== null && t !== null && t !== drag.to) setDrag({ from: drag.from, to: t })
    },
    [drag],
  )
  const onMouseUp = useCallback(() => {
    if (drag !== null && drag.from !== drag.to) onZoom?.(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to))
    setDrag(null)
  }, [drag, onZoom])
  const onMouseLeave = useCallback(() => {
    setDrag(null)
  }, [])
  const tooltipValue = useCallback((value: unknown) => (typeof value === 'number' ? formatValue(unit, value) : 'no data'), [unit])

  // Recharts re-registers a child whose props change identity, and re-runs its selectors
  // over every row; props that mean the same are kept the same object across refreshes.
  const x0 = xDomain?.[0]
  const x1 = xDomain?.[1]
  const xAxisDomain = useMemo(() => (x0 === undefined || x1 === undefined ? DATA_EXTENT : [x0, x1]), [x0, x1])
  const [yLow, yHigh] = y.domain
  const thresholdLabels = useMemo(
    () =>
      // Above its line (a line at 0 would put it on the axis), below it when that would
      // leave the plot (quota at 100 %), alternating sides so close thresholds (5 % and
      // 10 % on a 0–100 % axis) do not print over each other.
      thresholds.map((t, i) => ({
        value: `${t.severity} ${formatValue(unit, t.value)}`,
        position: `${labelBelow(t.value, [yLow, yHigh], height) ? 'insideTop' : 'insideBottom'}${i % 2 === 0 ? 'Left' : 'Right'}` as const,
        fill: THRESHOLD_COLORS[t.severity],
        fontSize,
      })),
    [thresholds, unit, yLow, yHigh, height, fontSize],
  )
  const markerLabels = useMemo(
    () =>
      shownMarkers.map((m) => ({ value: m.label, position: 'insideTopRight' as const, angle: -90, fill: MARKER_COLORS[m.tone ?? 'active'], fontSize: fontSize - 1 })),
    [shownMarkers, fontSize],
  )

  return (
    <LineChart
      width={width}
      height={height}
      data={rows}
      margin={margin}
      title={title}
      style={onZoom ? ZOOM_STYLE : undefined}
      onMouseDown={onZoom && onMouseDown}
      onMouseMove={onZoom && onMouseMove}
      onMouseUp={onZoom && onMouseUp}
      onMouseLeave={onZoom && onMouseLeave}
    >
      <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} verticalCoordinatesGenerator={NO_GRID_LINES} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={xAxisDomain}
        allowDataOverflow={xDomain !== undefined}
        ticks={xTicks}
        interval={0}
        tick={xTick}
        stroke="currentColor"
        strokeOpacity={0.4}
      />
      <YAxis
        domain={y.domain}
        ticks={y.ticks}
        allowDataOverflow
        interval={0}
        tick={yTick}
        stroke="currentColor"
        strokeOpacity={0.4}
        width={yAxisWidth}
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
      {shownMarkers.map((m, i) => (
        <ReferenceLine
          key={`marker-line-${m.label}-${m.fromMs}`}
          x={m.fromMs}
          stroke={MARKER_COLORS[m.tone ?? 'active']}
          strokeDasharray="2 3"
          ifOverflow="hidden"
          label={markerLabels[i]}
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
          label={thresholdLabels[i]}
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
          activeDot={ACTIVE_DOT}
          connectNulls={false}
          isAnimationActive={false}
          hide={hidden.has(seriesKey(i))}
        />
      ))}
      <Tooltip
        isAnimationActive={false}
        labelFormatter={tooltipLabel}
        formatter={tooltipValue}
        contentStyle={TOOLTIP_STYLE}
        labelStyle={TOOLTIP_LABEL_STYLE}
      />
    </LineChart>
  )
})
