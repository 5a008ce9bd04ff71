/**
 * GET /api/logs (the tail of the agent's log, filtered) and GET /api/errors (errors
 * grouped by service and error_type over a range).
 */
import { http } from 'msw'
import { errorGroupsResponse, logLevel, logsResponse } from '@/api/schemas'
import { errorBreakdown } from '@/backend/simulator/errors'
import { recentLogs } from '@/backend/simulator/logs'
import { simConfig, type World } from '../world'
import { iso, problem, readRange, reply } from './respond'

export const DEFAULT_LOG_LIMIT = 100
export const MAX_LOG_LIMIT = 1000
/** Lines read from the tail before filtering, so a rare level still fills a page. */
const FILTER_POOL = 5000
const MAX_QUERY_LENGTH = 200
/** Error groups are counted over 10-second samples; a month is plenty for "top errors". */
export const MAX_ERRORS_RANGE_MS = 31 * 86_400_000

export function logHandlers(world: World) {
  return [
    http.get('/api/logs', ({ request }) => {
      const params = new URL(request.url).searchParams

      const limitRaw = params.get('limit')
      const limit = limitRaw === null || limitRaw === '' ? DEFAULT_LOG_LIMIT : Number(limitRaw)
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_LIMIT) {
        return problem(world, 400, `\`limit\` must be a whole number from 1 to ${MAX_LOG_LIMIT}.`)
      }

      // One level or several: level=ERROR or level=WARN,ERROR.
      const levelRaw = params.get('level') ?? ''
      const levels = levelRaw.split(',').map((l) => l.trim().toUpperCase()).filter((l) => l !== '')
      const badLevel = levels.find((l) => !logLevel.safeParse(l).success)
      if (badLevel !== undefined) return problem(world, 400, `Unknown log level "${badLevel}": use ${logLevel.options.join(', ')}.`)

      const service = params.get('service')?.trim().toLowerCase() ?? ''
      if (service.length > 50) return problem(world, 400, '`service` is longer than 50 characters.')
      const q = params.get('q')?.trim().toLowerCase() ?? ''
      if (q.length > MAX_QUERY_LENGTH) return problem(world, 400, `\`q\` is longer than ${MAX_QUERY_LENGTH} characters.`)

      const filtered = levels.length > 0 || service !== '' || q !== ''
      const tail = recentLogs(simConfig(world.read().sim), world.now(), { limit: filtered ? FILTER_POOL : limit })
      const lines = tail
        .filter((line) => levels.length === 0 || levels.includes(line.level))
        .filter((line) => service === '' || line.service.toLowerCase() === service)
        .filter(
          (line) =>
            q === '' ||
            line.message.toLowerCase().includes(q) ||
            line.service.toLowerCase().includes(q) ||
            (line.errorType?.toLowerCase().includes(q) ?? false),
        )
        .slice(0, limit)
      return reply(world, logsResponse, { lines })
    }),

    http.get('/api/errors', ({ request }) => {
      const range = readRange(world, new URL(request.url), MAX_ERRORS_RANGE_MS)
      if (!range.ok) return range.response
      const { fromMs, toMs } = range.data
      const until = Math.min(toMs, world.now())
      const groups = fromMs > until ? [] : errorBreakdown(simConfig(world.read().sim), fromMs, until)
      return reply(world, errorGroupsResponse, { from: iso(fromMs), to: iso(toMs), groups })
    }),
  ]
}
