/**
 * Metrics, alerts and their history, health, logs and error groups: the query read the
 * same way as the mock backend reads it, the answer from the configured source. A source
 * that fails says so with its own status and words, so the panel can name it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parseLogsQuery, parseMetricsQuery, parseRange } from '@/backend/telemetry/params'
import { MAX_ERRORS_RANGE_MS, MAX_HISTORY_RANGE_MS } from '@/backend/telemetry/simulated'
import { sendProblem } from '../http/problems'
import { SourceError, type TelemetrySource } from '../sources/source'

export function telemetryRoutes(app: FastifyInstance, source: TelemetrySource, now: () => number): void {
  const params = (request: FastifyRequest) => new URL(request.url, 'http://vigil.invalid').searchParams

  const answer = async (reply: FastifyReply, work: () => Promise<unknown>) => {
    try {
      return await reply.send(await work())
    } catch (error) {
      if (error instanceof SourceError) return sendProblem(reply, error.status, error.message)
      throw error
    }
  }

  app.get('/api/metrics', async (request, reply) => {
    const query = parseMetricsQuery(params(request))
    if (!query.ok) return sendProblem(reply, query.status, query.message)
    return answer(reply, async () => {
      const result = await source.metrics(query.value, now())
      if (!result.ok) throw new SourceError(result.status, result.message)
      return result.value
    })
  })

  app.get('/api/alerts', (_request, reply) => answer(reply, () => source.alerts(now())))

  app.get('/api/alerts/history', async (request, reply) => {
    const range = parseRange(params(request), MAX_HISTORY_RANGE_MS)
    if (!range.ok) return sendProblem(reply, range.status, range.message)
    return answer(reply, () => source.alertHistory(range.value, now()))
  })

  app.get('/api/health', (_request, reply) => answer(reply, () => source.health(now())))

  app.get('/api/logs', async (request, reply) => {
    const query = parseLogsQuery(params(request))
    if (!query.ok) return sendProblem(reply, query.status, query.message)
    return answer(reply, () => source.logs(query.value, now()))
  })

  app.get('/api/errors', async (request, reply) => {
    const range = parseRange(params(request), MAX_ERRORS_RANGE_MS)
    if (!range.ok) return sendProblem(reply, range.status, range.message)
    return answer(reply, () => source.errors(range.value, now()))
  })
}
