/**
 * GET /api/metrics: simulator series on the step grid, aggregated the way a Prometheus
 * `query_range` would, refusing what a real backend would refuse (src/backend/telemetry).
 */
import { http } from 'msw'
import { metricsResponse } from '@/api/schemas'
import { parseMetricsQuery } from '@/backend/telemetry/params'
import { simulatedMetrics } from '@/backend/telemetry/simulated'
import { simConfig, type World } from '../world'
import { problem, reply } from './respond'

export { MAX_METRICS_RANGE_MS } from '@/backend/telemetry/params'
export { MAX_SAMPLES_PER_SERIES } from '@/backend/telemetry/simulated'

export function metricsHandlers(world: World) {
  return [
    http.get('/api/metrics', ({ request }) => {
      const query = parseMetricsQuery(new URL(request.url).searchParams)
      if (!query.ok) return problem(world, query.status, query.message)
      const answer = simulatedMetrics(simConfig(world.read().sim), query.value, world.now())
      return answer.ok ? reply(world, metricsResponse, answer.value) : problem(world, answer.status, answer.message)
    }),
  ]
}
