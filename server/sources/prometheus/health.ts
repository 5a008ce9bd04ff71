/**
 * GET /api/health from Prometheus: the tiles the simulator's alert states would paint
 * (healthFromAlerts), from the states Prometheus' rules give. A tile left unknown for
 * lack of data also says why when Prometheus knows (a rule failing, the rules not loaded).
 */
import type { HealthResponse } from '@/api/schemas'
import { healthFromAlerts } from '@/backend/alert-answers'
import { COMPONENT_ALERTS } from '@/domain/alert-rules'
import type { PrometheusClient } from './client'
import { readRuleStates, type RuleState } from './rule-states'

export async function prometheusHealth(client: PrometheusClient, nowMs: number): Promise<HealthResponse> {
  const states = await readRuleStates(client, nowMs)
  const health = healthFromAlerts(states, nowMs)
  const byId = new Map(states.map((r) => [r.instance.id, r]))
  return {
    ...health,
    components: health.components.map((tile) => {
      if (tile.state !== 'unknown') return tile
      const notes = unknownBecause(COMPONENT_ALERTS[tile.id].map((i) => byId.get(i.id)))
      return notes.length === 0 ? tile : { ...tile, reason: `${tile.reason} — ${notes.join('; ')}` }
    }),
  }
}

/** The Prometheus-side reasons of a tile's critical instances without data: those are what leave it unknown. */
function unknownBecause(own: readonly (RuleState | undefined)[]): string[] {
  const notes = own
    .filter((r) => r !== undefined && r.instance.severity === 'critical' && r.state === 'nodata')
    .map((r) => r?.note ?? null)
    .filter((n) => n !== null)
  return [...new Set(notes)]
}
