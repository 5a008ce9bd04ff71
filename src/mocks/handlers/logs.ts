/**
 * GET /api/logs (the tail of the agent's log, filtered) and GET /api/errors (errors
 * grouped by service and error_type over a range).
 */
import { http } from 'msw'
import { errorGroupsResponse, logsResponse } from '@/api/schemas'
import { parseLogsQuery, parseRange } from '@/backend/telemetry/params'
import { MAX_ERRORS_RANGE_MS, simulatedErrors, simulatedLogs } from '@/backend/telemetry/simulated'
import { simConfig, type World } from '../world'
import { problem, reply } from './respond'

export { DEFAULT_LOG_LIMIT, MAX_LOG_LIMIT } from '@/backend/telemetry/params'
export { MAX_ERRORS_RANGE_MS } from '@/backend/telemetry/simulated'

export function logHandlers(world: World) {
  return [
    http.get('/api/logs', ({ request }) => {
      const query = parseLogsQuery(new URL(request.url).searchParams)
      if (!query.ok) return problem(world, query.status, query.message)
      const answer = simulatedLogs(simConfig(world.read().sim), query.value, world.now())
      return reply(world, logsResponse, { ...answer, source: { kind: 'simulator' } })
    }),

    http.get('/api/errors', ({ request }) => {
      const range = parseRange(new URL(request.url).searchParams, MAX_ERRORS_RANGE_MS)
      if (!range.ok) return problem(world, range.status, range.message)
      return reply(world, errorGroupsResponse, simulatedErrors(simConfig(world.read().sim), range.value, world.now()))
    }),
  ]
}
