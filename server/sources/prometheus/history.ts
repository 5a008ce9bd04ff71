/**
 * GET /api/alerts/history from Prometheus: the spans each Vigil alert instance was
 * pending or firing, read from the `ALERTS` series Prometheus writes for every active
 * alert (value 1 at each evaluation; a stale marker when it leaves the state).
 *
 * One query_range over the range: a grid point shows the alert in a state when the
 * series has a sample there. Consecutive points make a span; a missing point ends it,
 * at that point, as the engine ends a span when the next state begins. Spans are exact
 * to one step (plus Prometheus' evaluation interval). Nodata spans are not drawn: the
 * ALERTS series only knows active alerts.
 */
import type { AlertHistoryResponse, AlertSpan } from '@/api/schemas'
import type { TimeRange } from '@/backend/telemetry/params'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import type { PrometheusClient } from './client'
import { VIGIL_ALERT_LABEL } from './rule-states'
import { fromPrometheus } from './upstream-failure'

/** The simulator's grid: no coarser step while the range allows it. */
export const HISTORY_STEP_S = 10
/** Prometheus refuses a query_range of more points than this per series. */
export const MAX_POINTS_PER_SERIES = 11_000

export const ALERTS_QUERY = `ALERTS{${VIGIL_ALERT_LABEL}!="",alertstate=~"pending|firing"}`

/**
 * 10 s, or the next multiple of 10 s that keeps the range within Prometheus' point
 * limit: 10 s up to 30 h, 60 s for a week.
 */
export function historyStepS(rangeMs: number): number {
  const least = rangeMs / 1000 / MAX_POINTS_PER_SERIES
  return Math.max(HISTORY_STEP_S, Math.ceil(least / HISTORY_STEP_S) * HISTORY_STEP_S)
}

export async function prometheusAlertHistory(
  client: PrometheusClient,
  range: TimeRange,
  nowMs: number,
): Promise<AlertHistoryResponse> {
  const { fromMs, toMs } = range
  const answer = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() }
  // Nothing has happened after now.
  const until = Math.min(toMs, nowMs)
  if (fromMs > until) return { ...answer, spans: [] }
  const stepS = historyStepS(until - fromMs)
  const result = await fromPrometheus('the alert history', () => client.queryRange(ALERTS_QUERY, fromMs, until, stepS))

  // Points per instance and state; one instance may have several series (extra labels).
  const points = new Map<string, { pending: Set<number>; firing: Set<number> }>()
  for (const series of result.series) {
    const id = series.labels[VIGIL_ALERT_LABEL]
    const state = series.labels['alertstate']
    if (id === undefined || (state !== 'pending' && state !== 'firing')) continue
    const byState = points.get(id) ?? { pending: new Set<number>(), firing: new Set<number>() }
    for (const [t, v] of series.samples) if (Number.isFinite(v)) byState[state].add(t)
    points.set(id, byState)
  }

  const order = new Map(ALERT_INSTANCES.map((instance, index) => [instance.id, index]))
  const spans: (AlertSpan & { index: number; fromMs: number })[] = []
  for (const [id, byState] of points) {
    const index = order.get(id)
    const instance = index === undefined ? undefined : ALERT_INSTANCES[index]
    // An id the catalog no longer has (an old rules file) has no name or rule to show.
    if (index === undefined || instance === undefined) continue
    for (const state of ['pending', 'firing'] as const) {
      for (const run of runs([...byState[state]].sort((a, b) => a - b), stepS * 1000, until)) {
        spans.push({
          alertId: instance.id,
          ruleId: instance.ruleId,
          subject: instance.subject,
          state,
          from: new Date(run.fromMs).toISOString(),
          to: new Date(run.toMs).toISOString(),
          index,
          fromMs: run.fromMs,
        })
      }
    }
  }
  spans.sort((a, b) => a.index - b.index || a.fromMs - b.fromMs)
  return { ...answer, spans: spans.map(({ index: _index, fromMs: _from, ...span }) => span) }
}

/**
 * Grid points joined into spans: a point more than one step after the previous one
 * starts a new span. A span ends at the first point it was absent from, or at `until`
 * when it is still open there.
 */
export function runs(times: readonly number[], stepMs: number, until: number): { fromMs: number; toMs: number }[] {
  const out: { fromMs: number; toMs: number }[] = []
  let start: number | undefined
  let last = 0
  for (const t of times) {
    if (start !== undefined && t - last > stepMs * 1.5) {
      out.push({ fromMs: start, toMs: Math.min(last + stepMs, until) })
      start = undefined
    }
    start ??= t
    last = t
  }
  if (start !== undefined) out.push({ fromMs: start, toMs: Math.min(last + stepMs, until) })
  return out
}
