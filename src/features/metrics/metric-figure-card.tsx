import { memo, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { metricQueries, problemsFor } from '@/api/metrics'
import type { Incident, MetricsResponse } from '@/api/schemas'
import { formatCount, formatDuration } from '@/domain/format'
import { QueryContent } from '@/components/ui/panel'
import { MetricProblemList } from '@/components/ui/metric-problem-list'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { TimeSeriesChart } from '@/components/charts/time-series-chart'
import { usePacedValue } from '@/lib/use-paced-value'
import { FALLBACK_CHART_WIDTH, figureData, incidentMarkers, liveRefreshMs, stepFor } from './chart-pipeline'
import { figureMetrics, figureThresholds, type MetricFigure } from './metric-figures'
import { isLive, LIVE_REFRESH_MS, windowDurationMs, windowOf, type MetricsView } from './metric-range'
import { timeFormatFor } from './time-labels'
import { useMeasuredWidth } from './use-measured-width'
import { polling } from '@/api/refresh-schedule'

const CHART_HEIGHT = 200
/** The y-axis and right margin take this much of the card; the rest is pixel columns. */
const AXIS_PX = 68
/**
 * Widths are rounded down to this before the step is chosen, so dragging a window edge
 * does not refetch on every pixel (a coarser step only means fewer points per pixel).
 */
const WIDTH_QUANTUM_PX = 100
const NO_INCIDENTS: readonly Incident[] = []

export interface MetricFigureCardProps {
  figure: MetricFigure
  view: MetricsView
  incidents?: readonly Incident[]
  onZoom: (fromMs: number, toMs: number) => void
}

/**
 * One chart of the Metrics page with its own query: the step follows the card's
 * measured width, a live view refetches every 10 s under one stable key, and a failed
 * refresh keeps the last chart, marked stale.
 */
export function MetricFigureCard({ figure, view, incidents = NO_INCIDENTS, onZoom }: MetricFigureCardProps) {
  const [measure, width] = useMeasuredWidth<HTMLDivElement>(FALLBACK_CHART_WIDTH)
  const columns = width === null ? null : Math.max(1, width - AXIS_PX)
  const durationMs = windowDurationMs(view)
  const step =
    columns === null ? null : stepFor(durationMs, Math.max(WIDTH_QUANTUM_PX, Math.floor(columns / WIDTH_QUANTUM_PX) * WIDTH_QUANTUM_PX), view.downsample)
  const metrics = useMemo(() => figureMetrics(figure), [figure])
  const query = useQuery({
    ...metricQueries.range({ metrics, window: windowOf(view), step: step ?? 0 }),
    enabled: step !== null,
    ...polling(isLive(view) && step !== null ? liveRefreshMs(step) : false),
  })

  return (
    <div
      id={figure.id}
      ref={measure}
      className="min-w-0 scroll-mt-4 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <QueryContent what={figure.title} query={query} skeleton={<FigureSkeleton figure={figure} withFooter />}>
        {(data) => (
          <>
          <FigureChart
            figure={figure}
            data={data}
            columns={columns ?? FALLBACK_CHART_WIDTH}
            reduce={view.downsample}
            refreshMs={isLive(view) && step !== null ? liveRefreshMs(step) : null}
            incidents={incidents}
            onZoom={onZoom}
          />
          <SetAsideNotice setAside={data.setAside} gaps={data.gaps} noun={['series', 'series']} />
          <MetricProblemList problems={problemsFor(data.problems, metrics)} />
          </>
        )}
      </QueryContent>
    </div>
  )
}

interface FigureChartProps {
  figure: MetricFigure
  data: MetricsResponse
  columns: number
  reduce: boolean
  /** How often the chart refreshes; null when paused. */
  refreshMs: number | null
  incidents: readonly Incident[]
  onZoom: (fromMs: number, toMs: number) => void
}

/**
 * Memoised on the answer: a refetch that brings the same data (structural sharing) draws
 * nothing. A new answer is prepared and drawn in this figure's turn (usePacedValue):
 * fifteen answers landing together would otherwise be reduced and evaluated in one task.
 */
const FigureChart = memo(function FigureChart({ data: latest, ...props }: FigureChartProps) {
  const data = usePacedValue(latest)
  const samples = latest.series[0]?.values.length ?? 0
  const { refreshMs } = props
  return (
    <>
      {data === undefined ? <FigureSkeleton figure={props.figure} withFooter={false} /> : <PreparedFigure data={data} {...props} />}
      {/* The answer's shape is known at once; only the drawing waits for its turn. */}
      <p className="mt-1 text-[11px] text-zinc-500 dark:text-zinc-400">
        {formatDuration(latest.step * 1000)} steps · {formatCount(samples)} samples a series
        {refreshMs !== null && refreshMs > LIVE_REFRESH_MS ? ` · refreshes every ${formatDuration(refreshMs)}` : ''}
      </p>
    </>
  )
})

const PreparedFigure = memo(function PreparedFigure({ figure, data, columns, reduce, incidents, onZoom }: FigureChartProps) {
  const prepared = useMemo(() => figureData(figure, data, columns, reduce), [figure, data, columns, reduce])
  const thresholds = useMemo(() => figureThresholds(figure), [figure])
  const fromMs = Date.parse(data.from)
  const toMs = Date.parse(data.to)
  const xDomain = useMemo(() => [fromMs, toMs] as const, [fromMs, toMs])
  // The answer's end is "now" for an open incident: nothing after it is on screen.
  const markers = useMemo(() => incidentMarkers(incidents, figure.subjects, fromMs, toMs, toMs), [incidents, figure, fromMs, toMs])
  const samples = prepared.series[0]?.data.values.length ?? 0

  return (
    <>
      <TimeSeriesChart
        title={figure.title}
        unit={figure.unit}
        series={prepared.series}
        rows={prepared.rows}
        thresholds={thresholds}
        spans={prepared.spans}
        markers={markers}
        xDomain={xDomain}
        onZoom={onZoom}
        formatTime={timeFormatFor(toMs - fromMs)}
        height={CHART_HEIGHT}
      />
      {prepared.rows.length < samples && (
        <p className="mt-1 text-[11px] text-zinc-500 dark:text-zinc-400">
          {formatCount(prepared.rows.length)} of {formatCount(samples)} points drawn: each pixel column’s first, last, lowest and highest
        </p>
      )}
    </>
  )
})

/**
 * A figure not drawn yet, line for line as tall as the drawn one (caption, plot, legend,
 * thresholds and, for a whole card, the steps line): the cards below stay put when the
 * answers land (they moved twice on each load of /metrics, a layout shift of 0.02).
 * The lines under the plot hold their place unseen.
 */
function FigureSkeleton({ figure, withFooter }: { figure: MetricFigure; withFooter: boolean }) {
  const thresholds = figureThresholds(figure)
  return (
    <>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-semibold text-zinc-800 dark:text-zinc-100">{figure.title}</p>
        <div className="rounded bg-zinc-100 motion-safe:animate-pulse dark:bg-zinc-800/60" style={{ height: CHART_HEIGHT }} />
        <ul className="invisible flex flex-wrap gap-1">
          {figure.series.map((s) => (
            <li key={s.metric}>
              <span className="inline-flex items-center gap-1.5 px-1.5 py-0.5 text-xs">
                <svg width="16" height="6" />
                {s.label} no data
              </span>
            </li>
          ))}
        </ul>
        {thresholds.length > 0 && <p className="invisible text-xs">Thresholds: {thresholds.map((t) => t.label).join('; ')}.</p>}
      </div>
      {withFooter && <p className="invisible mt-1 text-[11px]">steps</p>}
    </>
  )
}
