/**
 * GET /api/metrics: simulator series on the step grid, aggregated server-side the way
 * a Prometheus `query_range` would, refusing what a real backend would refuse.
 */
import { http } from 'msw'
import { BASE_STEP_S, isMetricId, METRIC_UNITS, type MetricId } from '@/domain/catalog'
import { alignWindow, sampleCount } from '@/domain/time-grid'
import { metricsResponse } from '@/api/schemas'
import { generateMany } from '@/backend/simulator/series'
import { simConfig, type World } from '../world'
import { iso, problem, readRange, reply } from './respond'

/** A week of 10-second samples, inclusive of both ends. */
export const MAX_SAMPLES_PER_SERIES = 60_481
/** Longer ranges must come with a coarser step; this bounds the simulator's work. */
export const MAX_METRICS_RANGE_MS = 92 * 86_400_000

export function metricsHandlers(world: World) {
  return [
    http.get('/api/metrics', ({ request }) => {
      const url = new URL(request.url)

      const names = (url.searchParams.get('metrics') ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter((m) => m !== '')
      if (names.length === 0) return problem(world, 400, '`metrics` is required: a comma-separated list of metric ids.')
      const unknown = names.filter((m) => !isMetricId(m))
      if (unknown.length > 0) return problem(world, 400, `Unknown metric: ${unknown.join(', ')}.`)
      const metrics = [...new Set(names)] as MetricId[]

      const range = readRange(world, url, MAX_METRICS_RANGE_MS)
      if (!range.ok) return range.response

      const stepRaw = url.searchParams.get('step')
      const stepIn = stepRaw === null || stepRaw.trim() === '' ? NaN : Number(stepRaw)
      if (!Number.isFinite(stepIn) || stepIn <= 0) return problem(world, 400, '`step` is required: a positive number of seconds.')
      // The simulator keeps 10-second samples: coarser steps are whole multiples of them.
      const step = Math.max(BASE_STEP_S, Math.ceil(stepIn / BASE_STEP_S) * BASE_STEP_S)

      // Nothing has been recorded after now: the series ends there (a client whose clock
      // runs a little ahead gets a slightly shorter series, not a made-up future).
      const nowMs = world.now()
      const future = range.data.fromMs > nowMs
      const window = alignWindow(range.data.fromMs, future ? range.data.toMs : Math.min(range.data.toMs, nowMs), step)
      const samples = sampleCount(window.fromMs, window.toMs, step)
      if (samples > MAX_SAMPLES_PER_SERIES) {
        return problem(
          world,
          400,
          `That range at a ${step} s step is ${samples} samples per series; the limit is ${MAX_SAMPLES_PER_SERIES}. Use a larger step.`,
        )
      }

      const series = future
        ? metrics.map((metric) => ({ metric, ...window, stepS: step, values: new Array<number | null>(samples).fill(null) }))
        : generateMany(simConfig(world.read().sim), metrics, window.fromMs, window.toMs, step)
      return reply(world, metricsResponse, {
        from: iso(window.fromMs),
        to: iso(window.toMs),
        step,
        series: series.map((s) => ({
          metric: s.metric,
          unit: METRIC_UNITS[s.metric],
          from: iso(s.fromMs),
          to: iso(s.toMs),
          step: s.stepS,
          values: s.values,
        })),
      })
    }),
  ]
}
