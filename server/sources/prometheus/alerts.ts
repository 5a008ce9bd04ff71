/**
 * GET /api/alerts from Prometheus: every Vigil alert instance, in the simulator's order
 * and words, with the state Prometheus' rules give it. Names, playbooks and metric
 * links come from ALERT_INSTANCES as they do for the simulator.
 */
import type { AlertsResponse } from '@/api/schemas'
import { contractAlert } from '@/backend/alert-answers'
import type { PrometheusClient } from './client'
import { describeRuleState, readRuleStates } from './rule-states'

export async function prometheusAlerts(client: PrometheusClient, nowMs: number): Promise<AlertsResponse> {
  const states = await readRuleStates(client, nowMs)
  return { at: new Date(nowMs).toISOString(), alerts: states.map((r) => contractAlert(r, describeRuleState(r))) }
}
