/**
 * GET /api/alerts (every rule instance's state now) and GET /api/alerts/history (the
 * spans each was pending, firing or without data over a range, for chart shading).
 */
import { http } from 'msw'
import { alertHistoryResponse, alertsResponse } from '@/api/schemas'
import { parseRange } from '@/backend/telemetry/params'
import { MAX_HISTORY_RANGE_MS, simulatedAlertHistory, simulatedAlerts } from '@/backend/telemetry/simulated'
import { simConfig, type World } from '../world'
import { problem, reply } from './respond'

export { ALERTS_WINDOW_MS, MAX_HISTORY_RANGE_MS } from '@/backend/telemetry/simulated'

export function alertHandlers(world: World) {
  return [
    http.get('/api/alerts', () => reply(world, alertsResponse, simulatedAlerts(simConfig(world.read().sim), world.now()))),

    http.get('/api/alerts/history', ({ request }) => {
      const range = parseRange(new URL(request.url).searchParams, MAX_HISTORY_RANGE_MS)
      if (!range.ok) return problem(world, range.status, range.message)
      return reply(world, alertHistoryResponse, simulatedAlertHistory(simConfig(world.read().sim), range.value, world.now()))
    }),
  ]
}
