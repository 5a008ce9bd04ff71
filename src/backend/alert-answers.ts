/**
 * The contract's alerts and health strip from evaluated alert instances, whoever
 * evaluated them: the simulator's engine or Prometheus' rules. One mapping, so both
 * sources show the same alert and paint the same tile for the same states.
 */
import { COMPONENT_LABELS, COMPONENTS, PROVIDERS, SERVICES, type ComponentId } from '@/domain/catalog'
import { describeAlert, type AlertResult } from '@/domain/alert-engine'
import { healthVerdict } from '@/domain/provider-health'
import type { ComponentHealth, HealthResponse, KnownAlert } from '@/api/schemas'

const iso = (ms: number): string => new Date(ms).toISOString()

/** An evaluated instance as the contract's alert; `summary` defaults to the engine's words for it. */
export function contractAlert(r: AlertResult, summary: string = describeAlert(r)): KnownAlert {
  return {
    id: r.instance.id,
    ruleId: r.instance.ruleId,
    name: r.instance.name,
    severity: r.instance.severity,
    subject: r.instance.subject,
    state: r.state,
    value: r.value,
    threshold: r.instance.threshold,
    since: r.since === null ? null : iso(r.since),
    summary,
    playbook: r.instance.playbook,
    metric: r.instance.metric,
  }
}

/** One tile per component, decided by the alert states in `results` (an absent instance counts as nodata). */
export function healthFromAlerts(results: readonly AlertResult[], nowMs: number): HealthResponse {
  const components = COMPONENTS.map((id): ComponentHealth => {
    const verdict = healthVerdict(id, results)
    return { id, name: COMPONENT_LABELS[id], kind: componentKind(id), state: verdict.state, reason: verdict.reason, ruleId: verdict.ruleId }
  })
  return { at: iso(nowMs), components }
}

/** The agent is a service like the stages it runs; LiveKit and the database are what it stands on. */
export function componentKind(id: ComponentId): ComponentHealth['kind'] {
  if (id === 'agent' || (SERVICES as readonly string[]).includes(id)) return 'service'
  if ((PROVIDERS as readonly string[]).includes(id)) return 'provider'
  return 'infrastructure'
}
