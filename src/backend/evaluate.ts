/**
 * The backend's alert evaluation: the domain's engine over the simulator's recent
 * 10-second data, shared by /api/health and /api/alerts so they always agree.
 */
import { BASE_STEP_S, type MetricId } from '@/domain/catalog'
import { ALERT_INSTANCES, type AlertInstance } from '@/domain/alert-rules'
import { evaluateAll, type AlertResult, type GridSeries } from '@/domain/alert-engine'
import { generateMany } from '@/backend/simulator/series'
import type { SimConfig } from '@/backend/simulator/scenarios'

/** Enough history for every rule's `for:` (15 min at most) plus the lookback. */
export const HEALTH_WINDOW_MS = 30 * 60_000

export function evaluateAlerts(
  config: SimConfig,
  nowMs: number,
  windowMs: number,
  instances: readonly AlertInstance[] = ALERT_INSTANCES,
): AlertResult[] {
  const metrics = [...new Set(instances.map((i) => i.metric))]
  const series = generateMany(config, metrics, nowMs - windowMs, nowMs, BASE_STEP_S)
  const byMetric: Partial<Record<MetricId, GridSeries>> = {}
  for (const s of series) byMetric[s.metric] = s
  return evaluateAll(instances, byMetric, nowMs)
}
