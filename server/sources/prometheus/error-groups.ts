/**
 * GET /api/errors from Prometheus: failed stage requests over the range, by stage and
 * error_type, from the request counter the agent exports (instrumentation.ts). The
 * stage is the service, as in the simulator's breakdown; the order is the same, most
 * frequent first.
 */
import type { ErrorGroupsResponse } from '@/api/schemas'
import { METRIC_NAMES } from '@/backend/prometheus/instrumentation'
import type { TimeRange } from '@/backend/telemetry/params'
import type { PrometheusClient } from './client'
import { fromPrometheus } from './upstream-failure'

/** The errors counted over the last `rangeS` seconds before the evaluation time. */
export function errorGroupsQuery(rangeS: number): string {
  return `sum by (stage, error_type) (increase(${METRIC_NAMES.stageRequests}{outcome="error"}[${rangeS}s]))`
}

/**
 * `window` is the rate window (VIGIL_PROMETHEUS_RATE_WINDOW, "1m"): a range shorter than
 * it is counted over the window before the range's end instead, because increase() needs
 * two scrapes inside its range and would otherwise report no errors at all.
 */
export async function prometheusErrorGroups(
  client: PrometheusClient,
  range: TimeRange,
  nowMs: number,
  window: string,
): Promise<ErrorGroupsResponse> {
  const answer = { from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString() }
  const until = Math.min(range.toMs, nowMs)
  if (range.fromMs >= until) return { ...answer, groups: [] }
  const rangeS = Math.max(Math.ceil((until - range.fromMs) / 1000), durationS(window))
  const result = await fromPrometheus('the error groups', () => client.query(errorGroupsQuery(rangeS), until))
  const groups = result.series
    .map((s) => ({
      service: s.labels['stage'] || 'unknown',
      errorType: s.labels['error_type'] || 'unknown',
      count: Math.round(s.samples.at(-1)?.[1] ?? Number.NaN),
    }))
    .filter((g) => Number.isFinite(g.count) && g.count > 0)
  groups.sort((a, b) => b.count - a.count || a.service.localeCompare(b.service) || a.errorType.localeCompare(b.errorType))
  return { ...answer, groups }
}

const UNIT_S: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 }

/** A Prometheus duration ("1m", "90s", "1h30m") in whole seconds, rounded up. */
export function durationS(text: string): number {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new RangeError(`"${text}" is not a Prometheus duration`)
  return Math.ceil(parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_S[p[2] ?? ''] ?? 0), 0))
}
