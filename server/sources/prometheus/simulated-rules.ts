/**
 * Test support: what Prometheus' rules API would say if it had evaluated the Vigil
 * rules over the simulator's world — the engine's states turned into rule groups and
 * condition readings — so the Prometheus answers can be held against the simulator's.
 */
import { ALERTS_WINDOW_MS } from '@/backend/telemetry/simulated'
import { evaluateAlerts } from '@/backend/evaluate'
import type { SimConfig } from '@/backend/simulator/scenarios'
import type { MetricId } from '@/domain/catalog'
import type { PromAlertingRule } from './client'
import { fakeClient, vigilGroups, type FakeClient } from './fake-rules-client'

export function clientForSimulator(config: SimConfig, nowMs: number, windowMs = ALERTS_WINDOW_MS): FakeClient {
  const results = evaluateAlerts(config, nowMs, windowMs)
  const change: Record<string, Partial<PromAlertingRule>> = {}
  const readings: Partial<Record<MetricId, number[]>> = {}
  for (const r of results) {
    if (r.value !== null) readings[r.instance.metric] = [r.value]
    if (r.state !== 'pending' && r.state !== 'firing') continue
    const labels = { alertname: 'x', vigil_alert: r.instance.id }
    change[r.instance.id] = {
      state: r.state,
      alerts: [
        {
          labels,
          annotations: {},
          state: r.state,
          activeAt: new Date(r.activeAt ?? nowMs).toISOString(),
          // Prometheus writes values as %e with ten digits.
          value: (r.value ?? Number.NaN).toExponential(10),
        },
      ],
    }
  }
  return fakeClient({ rules: vigilGroups(change), readings })
}
