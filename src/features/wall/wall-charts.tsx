import { memo, useMemo } from 'react'
import { problemsFor } from '@/api/metrics'
import type { MetricsResponse } from '@/api/schemas'
import { METRIC_UNITS } from '@/domain/catalog'
import { formatValue } from '@/domain/format'
import { LineChart } from '@/components/charts/line-chart'
import { MetricProblemList } from '@/components/ui/metric-problem-list'
import { useNow } from '@/lib/use-now'
import { useFitHeight } from './use-fit-height'
import { useRootFontPx } from './use-root-font-px'
import { ShapeIcon } from './wall-icons'
import { ALL_CHARTS, CHART_SETS, currentValue, seriesFor, spansFor, verdictFor, type ChartSet, type VerdictLevel, type WallChart } from './wall-chart-data'

/**
 * The shared chart is sized for a desk. On the wall its drawn text is the root size
 * (the fontSize prop), and so is the HTML text around the plot (legend, thresholds),
 * with a heading-sized caption; the selectors name elements, not the chart's classes.
 */
const MINUTE_MS = 60_000
const WALL_CHART_TEXT = '[&_figure_*]:text-base [&_figure_figcaption]:text-xl [&_figure_figcaption]:font-bold'

const VERDICT_STYLES: Record<VerdictLevel, string> = {
  ok: 'text-emerald-300',
  warning: 'text-amber-200',
  critical: 'text-red-300',
  nodata: 'text-zinc-300',
}
const VERDICT_SHAPES = { ok: 'ok', warning: 'warning', critical: 'bad', nodata: 'unknown' } as const

/** The charts panel's body: every chart, or one set at a time with `rotateMs`. */
export function WallCharts({ response, rotateMs }: { response: MetricsResponse; rotateMs: number | null }) {
  return rotateMs === null ? <ChartGrid response={response} set={ALL_CHARTS} /> : <RotatingCharts response={response} rotateMs={rotateMs} />
}

/** Which set is on screen follows the clock, so there is no rotation state to keep. */
function RotatingCharts({ response, rotateMs }: { response: MetricsResponse; rotateMs: number }) {
  const now = useNow(rotateMs)
  const index = Math.floor(now / rotateMs) % CHART_SETS.length
  const set = CHART_SETS[index] ?? ALL_CHARTS
  return (
    <>
      <p className="shrink-0 text-xl text-zinc-300">
        <span className="font-semibold text-zinc-50">{set.name}</span> · set {index + 1} of {CHART_SETS.length}, changes every{' '}
        {Math.round(rotateMs / 1000)} s
      </p>
      <ChartGrid response={response} set={set} />
    </>
  )
}

/** Memoised on the response: a refresh that brings the same samples re-renders no chart. */
const ChartGrid = memo(function ChartGrid({ response, set }: { response: MetricsResponse; set: ChartSet }) {
  const rows = Math.ceil(set.charts.length / 3)
  const fontPx = useRootFontPx()
  return (
    <div className="grid min-h-0 flex-1 grid-cols-3 gap-x-5 gap-y-3" style={{ gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}>
      {set.charts.map((c) => (
        <ChartCell key={c.metric} chart={c} response={response} fontPx={fontPx} />
      ))}
    </div>
  )
})

const ChartCell = memo(function ChartCell({ chart, response, fontPx }: { chart: WallChart; response: MetricsResponse; fontPx: number }) {
  const [fit, height] = useFitHeight<HTMLDivElement>(160)
  const series = useMemo(() => seriesFor(response, chart), [response, chart])
  // Spans a minute apart are one: a flapping rule shades a band, not slivers.
  const spans = useMemo(() => spansFor(response, chart, MINUTE_MS), [response, chart])
  const latest = series[0] === undefined ? null : currentValue(series[0].data)
  const verdict = verdictFor(chart.metric, latest, chart.thresholds)
  const unit = METRIC_UNITS[chart.metric]
  const problems = useMemo(() => problemsFor(response.problems, [chart.metric]), [response, chart])
  return (
    <div className="flex min-h-0 min-w-0 flex-col">
      {/* Figure and verdict are each kept whole: if a long figure ("1 min 5 s") leaves no room, the verdict wraps below it. */}
      <p className="flex shrink-0 flex-wrap items-baseline gap-x-3">
        <span className="sr-only">{chart.title} now: </span>
        <span className="whitespace-nowrap text-4xl font-black tabular-nums text-zinc-50">{latest === null ? '—' : formatValue(unit, latest)}</span>
        <span className={`inline-flex items-center gap-1.5 whitespace-nowrap text-xl font-semibold ${VERDICT_STYLES[verdict.level]}`}>
          <ShapeIcon shape={VERDICT_SHAPES[verdict.level]} />
          {verdict.text}
        </span>
      </p>
      <div ref={fit} className={`min-h-0 flex-1 overflow-hidden ${WALL_CHART_TEXT}`}>
        <LineChart
          title={chart.title}
          series={series}
          unit={unit}
          thresholds={chart.thresholds}
          spans={spans}
          height={height}
          fontSize={fontPx}
          compact
        />
      </div>
      <MetricProblemList problems={problems} className="shrink-0 text-lg leading-snug text-amber-200" />
    </div>
  )
})
