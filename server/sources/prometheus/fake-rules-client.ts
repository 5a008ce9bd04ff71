/**
 * A PrometheusClient for the alert sources' unit tests: rule groups as the generated
 * rules file would load them, readings of each rule's condition per metric, and range
 * answers, each replaceable by a failure.
 */
import { DEFAULT_QUERIES, withWindow } from '@/backend/prometheus/default-queries'
import { ALERT_INSTANCES, type AlertInstance } from '@/domain/alert-rules'
import type { MetricId } from '@/domain/catalog'
import type { PromAlertingRule, PrometheusClient, PromResult, PromRuleGroups } from './client'

type Answer<T> = T | Error

export interface FakeOptions {
  rules?: Answer<PromRuleGroups>
  /** What each metric's condition reads now; absent: an empty vector. */
  readings?: Partial<Record<MetricId, Answer<number[]>>>
  query?: (expr: string, atMs: number) => Answer<PromResult>
  queryRange?: (expr: string, startMs: number, endMs: number, stepS: number) => Answer<PromResult>
}

export interface FakeClient extends PrometheusClient {
  readonly calls: { kind: 'query' | 'queryRange' | 'rules'; expr?: string; atMs?: number; startMs?: number; endMs?: number; stepS?: number }[]
}

/** The condition's left side for an instance, as the generated rules write it. */
export const lhsOf = (metric: MetricId): string => `(${withWindow(DEFAULT_QUERIES[metric], '1m')})`

export function vector(values: readonly number[], atMs = 0, labels: Record<string, string> = {}): PromResult {
  return { resultType: 'vector', series: values.map((v) => ({ labels, samples: [[atMs, v]] })), warnings: [] }
}

export function fakeClient(options: FakeOptions): FakeClient {
  const calls: FakeClient['calls'] = []
  const settle = <T>(answer: Answer<T>): Promise<T> => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer))
  const byLhs = new Map<string, MetricId>(Object.keys(DEFAULT_QUERIES).map((m) => [lhsOf(m as MetricId), m as MetricId]))
  return {
    calls,
    rules() {
      calls.push({ kind: 'rules' })
      return settle(options.rules ?? { groups: [] })
    },
    query(expr, atMs) {
      calls.push({ kind: 'query', expr, atMs })
      if (options.query) return settle(options.query(expr, atMs))
      const metric = byLhs.get(expr)
      const reading = metric === undefined ? undefined : options.readings?.[metric]
      if (reading instanceof Error) return Promise.reject(reading)
      return Promise.resolve(vector(reading ?? [], atMs))
    },
    queryRange(expr, startMs, endMs, stepS) {
      calls.push({ kind: 'queryRange', expr, startMs, endMs, stepS })
      return settle(options.queryRange?.(expr, startMs, endMs, stepS) ?? { resultType: 'matrix', series: [], warnings: [] })
    },
  }
}

/** An alerting rule as the generated rules file defines it for `instance`, inactive and healthy unless told. */
export function vigilRule(instance: AlertInstance, change: Partial<PromAlertingRule> = {}): PromAlertingRule {
  return {
    name: `Vigil${instance.id.replace(/(^|[^a-zA-Z0-9])([a-zA-Z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase())}`,
    query: `${lhsOf(instance.metric)} ${instance.comparator} ${instance.threshold}`,
    duration: instance.forMs / 1000,
    labels: { vigil_alert: instance.id, vigil_rule: instance.ruleId, severity: instance.severity },
    annotations: { summary: instance.name, playbook: instance.playbook },
    state: 'inactive',
    health: 'ok',
    alerts: [],
    ...change,
  }
}

/** Every Vigil rule in one group, with changes for some instances by id. */
export function vigilGroups(change: Record<string, Partial<PromAlertingRule>> = {}, extra: PromAlertingRule[] = []): PromRuleGroups {
  return { groups: [{ name: 'vigil', rules: [...ALERT_INSTANCES.map((i) => vigilRule(i, change[i.id])), ...extra] }] }
}

export function instance(id: string): AlertInstance {
  const found = ALERT_INSTANCES.find((i) => i.id === id)
  if (found === undefined) throw new Error(`no alert instance ${id}`)
  return found
}
