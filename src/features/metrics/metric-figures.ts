/**
 * The Metrics page's figures as data: what each chart shows, in which unit, and which
 * components it concerns (for incident markers). Thresholds and alert shading are not
 * listed here; they follow from the metrics through the alert rules, so a rule added
 * to alert-rules.ts shows on its chart without touching this file.
 */
import { SERVICE_LABELS, SERVICES, type MetricId, type MetricUnit, type Service } from '@/domain/catalog'
import { ALERT_INSTANCES, thresholdsFor, type AlertInstance } from '@/domain/alert-rules'
import type { ChartThreshold } from '@/components/charts/chart-data'
import { rangeSearch, type MetricsView } from './metric-range'

export interface FigureSeries {
  readonly metric: MetricId
  readonly label: string
  readonly color: string
  /** A dash pattern, so series differ in more than colour. */
  readonly dash?: string
}

export interface MetricFigure {
  /** The element id, for links: `/metrics#stt-error-rate`. */
  readonly id: string
  /** The figure's accessible name: "STT error rate". */
  readonly title: string
  readonly unit: MetricUnit
  readonly series: readonly FigureSeries[]
  /** Components whose incidents are marked on it; empty marks every incident. */
  readonly subjects: readonly string[]
  /** Said before each threshold when the chart mixes signals: "P95 warning: > 3 s". */
  readonly thresholdPrefix?: string
  /** The page section it sits in. */
  readonly group: FigureGroup
}

export type FigureGroup = 'pipeline' | 'infrastructure'

export const FIGURE_GROUP_TITLES: Record<FigureGroup, string> = {
  pipeline: 'Voice pipeline',
  infrastructure: 'Infrastructure and providers',
}

const BLUE = '#0284c7'
const VIOLET = '#7c3aed'
const TEAL = '#0f766e'
const ORANGE = '#c2410c'
const PINK = '#be185d'
const SERVICE_COLORS: Record<Service, string> = { stt: BLUE, llm: VIOLET, tts: TEAL }
const SERVICE_DASHES: Record<Service, string | undefined> = { stt: undefined, llm: '6 3', tts: '2 2' }

function perService(metric: (s: Service) => MetricId): FigureSeries[] {
  return SERVICES.map((s) => ({ metric: metric(s), label: SERVICE_LABELS[s], color: SERVICE_COLORS[s], dash: SERVICE_DASHES[s] }))
}

function serviceFigures(service: Service): MetricFigure[] {
  const label = SERVICE_LABELS[service]
  return [
    {
      id: `${service}-latency`,
      title: `${label} latency`,
      unit: 'ms',
      series: [
        { metric: `${service}.latency.p50`, label: 'P50', color: BLUE },
        { metric: `${service}.latency.p95`, label: 'P95', color: VIOLET, dash: '5 2' },
      ],
      subjects: [service],
      group: 'pipeline',
      thresholdPrefix: 'P95',
    },
    {
      id: `${service}-error-rate`,
      title: `${label} error rate`,
      unit: 'ratio',
      series: [{ metric: `${service}.error_rate`, label: 'Error rate', color: ORANGE }],
      subjects: [service],
      group: 'pipeline',
    },
  ]
}

export const METRIC_FIGURES: readonly MetricFigure[] = [
  ...SERVICES.flatMap(serviceFigures),
  {
    id: 'request-rate',
    title: 'Request rate',
    unit: 'rps',
    series: perService((s) => `${s}.requests`),
    subjects: [...SERVICES],
    group: 'pipeline',
  },
  {
    id: 'service-up',
    title: 'Service availability',
    // Up is 1 or 0, averaged over a coarse step into the share of time up.
    unit: 'ratio',
    // The agent process first: when it is down the three stages behind it have no data.
    series: [{ metric: 'agent.up', label: 'Voice agent', color: PINK, dash: '8 2 2 2' }, ...perService((s) => `${s}.up`)],
    subjects: ['agent', ...SERVICES],
    group: 'pipeline',
  },
  {
    id: 'turn-latency',
    title: 'End-to-end turn latency',
    unit: 'ms',
    series: [
      { metric: 'turn.latency.p50', label: 'P50', color: BLUE },
      { metric: 'turn.latency.p95', label: 'P95', color: VIOLET, dash: '5 2' },
    ],
    subjects: [],
    group: 'pipeline',
    thresholdPrefix: 'P95',
  },
  {
    id: 'livekit-health',
    title: 'LiveKit health',
    unit: 'ratio',
    series: [
      { metric: 'livekit.up', label: 'Up', color: TEAL },
      { metric: 'livekit.connect_success', label: 'Connect success', color: BLUE, dash: '5 2' },
    ],
    subjects: ['livekit'],
    group: 'infrastructure',
  },
  {
    id: 'database-latency',
    title: 'Database latency',
    unit: 'ms',
    series: [{ metric: 'db.latency', label: 'Query latency', color: VIOLET }],
    subjects: ['database'],
    group: 'infrastructure',
  },
  {
    id: 'database-health',
    title: 'Database connection',
    unit: 'ratio',
    series: [{ metric: 'db.up', label: 'Up', color: TEAL }],
    subjects: ['database'],
    group: 'infrastructure',
  },
  {
    id: 'database-pool-use',
    title: 'Database pool use',
    unit: 'ratio',
    series: [{ metric: 'db.pool_use', label: 'Pool use', color: ORANGE }],
    subjects: ['database'],
    group: 'infrastructure',
  },
  {
    id: 'api-quota',
    title: 'API quota',
    unit: 'ratio',
    series: [
      { metric: 'quota.openai', label: 'OpenAI', color: TEAL },
      { metric: 'quota.groq', label: 'Groq', color: PINK, dash: '6 3' },
    ],
    subjects: ['openai', 'groq'],
    group: 'infrastructure',
  },
  {
    id: 'retry-rate',
    title: 'Retry rate',
    unit: 'ratio',
    series: perService((s) => `${s}.retry_rate`),
    subjects: [...SERVICES],
    group: 'pipeline',
  },
  {
    id: 'cpu-and-memory',
    title: 'CPU and memory',
    unit: 'ratio',
    series: [
      { metric: 'host.cpu', label: 'CPU', color: BLUE },
      { metric: 'host.memory', label: 'Memory', color: PINK, dash: '6 3' },
    ],
    subjects: [],
    group: 'infrastructure',
  },
]

export function figureMetrics(figure: MetricFigure): MetricId[] {
  return figure.series.map((s) => s.metric)
}

/**
 * The figure's threshold lines: those of every metric it draws, one line per value and
 * severity (three services' retry rates share one 10 % line), each naming the series it
 * applies to (P95, not P50) for the figure's text alternative.
 */
export function figureThresholds(figure: MetricFigure): ChartThreshold[] {
  const seen = new Map<string, ChartThreshold & { series: string[] }>()
  for (const s of figure.series) {
    for (const t of thresholdsFor(s.metric)) {
      const key = `${t.severity}:${t.value}`
      const line = seen.get(key)
      if (line !== undefined) {
        if (!line.series.includes(s.label)) line.series.push(s.label)
        continue
      }
      const label = figure.thresholdPrefix === undefined ? t.label : `${figure.thresholdPrefix} ${lowerFirst(t.label)}`
      seen.set(key, { value: t.value, severity: t.severity, comparator: t.comparator, label, series: [s.label] })
    }
  }
  return [...seen.values()].sort((a, b) => a.value - b.value)
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** The rule instances that read a metric the figure draws: their spans are shaded on it. */
export function figureAlertInstances(figure: MetricFigure): AlertInstance[] {
  const metrics = new Set<MetricId>(figureMetrics(figure))
  return ALERT_INSTANCES.filter((i) => metrics.has(i.metric))
}

/** The figure that draws `metric`, for links from an alert to its chart. */
export function figureForMetric(metric: MetricId): MetricFigure | undefined {
  return METRIC_FIGURES.find((f) => f.series.some((s) => s.metric === metric))
}

/** `/metrics?range=6h#stt-error-rate`: the chart of `metric` over the view's range. */
export function figureHref(metric: MetricId | null, view: MetricsView): string {
  const figure = metric === null ? undefined : figureForMetric(metric)
  return `/metrics${rangeSearch(view)}${figure === undefined ? '' : `#${figure.id}`}`
}
