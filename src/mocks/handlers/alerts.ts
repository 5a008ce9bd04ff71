/**
 * GET /api/alerts (every rule instance's state now) and GET /api/alerts/history (the
 * spans each was pending, firing or without data over a range, for chart shading).
 */
import { http } from 'msw'
import { BASE_STEP_S, type MetricId } from '@/domain/catalog'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import { alertSpans, describeAlert, LOOKBACK_MS } from '@/domain/alert-engine'
import { alertHistoryResponse, alertsResponse, type Alert, type AlertSpan } from '@/api/schemas'
import { generateMany } from '@/backend/simulator/series'
import { simConfig, type World } from '../world'
import { evaluateAlerts } from '@/backend/evaluate'
import { iso, readRange, reply } from './respond'

/**
 * Longer than the health window so `since` is true for alerts that started well
 * before it (a slow degradation creeps for hours); the states are the same either way.
 */
export const ALERTS_WINDOW_MS = 6 * 3_600_000
/** History is computed on 10-second data: a week is the most a chart shows. */
export const MAX_HISTORY_RANGE_MS = 7 * 86_400_000
/** Evaluation starts this much before `from`, so a span open at `from` shows as it was. */
const WARM_UP_MS = Math.max(...ALERT_INSTANCES.map((i) => i.forMs)) + LOOKBACK_MS

export function alertHandlers(world: World) {
  return [
    http.get('/api/alerts', () => {
      const nowMs = world.now()
      const alerts = evaluateAlerts(simConfig(world.read().sim), nowMs, ALERTS_WINDOW_MS).map(
        (r): Alert => ({
          id: r.instance.id,
          ruleId: r.instance.ruleId,
          name: r.instance.name,
          severity: r.instance.severity,
          subject: r.instance.subject,
          state: r.state,
          value: r.value,
          threshold: r.instance.threshold,
          since: r.since === null ? null : iso(r.since),
          summary: describeAlert(r),
          playbook: r.instance.playbook,
          metric: r.instance.metric,
        }),
      )
      return reply(world, alertsResponse, { at: iso(nowMs), alerts })
    }),

    http.get('/api/alerts/history', ({ request }) => {
      const range = readRange(world, new URL(request.url), MAX_HISTORY_RANGE_MS)
      if (!range.ok) return range.response
      const { fromMs, toMs } = range.data
      const until = Math.min(toMs, world.now())
      if (fromMs > until) return reply(world, alertHistoryResponse, { from: iso(fromMs), to: iso(toMs), spans: [] })
      const metrics = [...new Set(ALERT_INSTANCES.map((i) => i.metric))]
      const series = generateMany(simConfig(world.read().sim), metrics, fromMs - WARM_UP_MS, until, BASE_STEP_S)
      const byMetric = new Map<MetricId, (typeof series)[number]>(series.map((s) => [s.metric, s]))
      const spans: AlertSpan[] = []
      for (const instance of ALERT_INSTANCES) {
        const s = byMetric.get(instance.metric)
        if (!s) continue
        for (const span of alertSpans(instance, s)) {
          if (span.toMs < fromMs) continue
          spans.push({
            alertId: instance.id,
            ruleId: instance.ruleId,
            subject: instance.subject,
            state: span.state,
            from: iso(Math.max(span.fromMs, fromMs)),
            to: iso(span.toMs),
          })
        }
      }
      return reply(world, alertHistoryResponse, { from: iso(fromMs), to: iso(toMs), spans })
    }),
  ]
}
