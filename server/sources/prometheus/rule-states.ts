/**
 * Every Vigil alert instance's state as Prometheus evaluates it, in the engine's shape
 * (AlertResult), so the simulator's words and tiles apply unchanged.
 *
 * `/api/v1/rules` gives each rule's state and its active alerts, but an inactive rule
 * looks the same whether its signal is fine or missing, and it carries no value. So the
 * left side of each rule's condition (`(<query>) > 0.1` → `(<query>)`) is read at now
 * too: an empty answer is "nodata", as the engine says for a silent exporter, and its
 * value is the reading the health tile shows for an inactive rule.
 */
import { ALERT_INSTANCES, type AlertInstance, type Comparator } from '@/domain/alert-rules'
import { describeAlert, type AlertResult } from '@/domain/alert-engine'
import { parseSampleValue, PrometheusError, type PromAlertingRule, type PrometheusClient, type PromResult } from './client'
import { fromPrometheus, toSourceError } from './upstream-failure'

/** The label the generated rules file puts on every alerting rule: the AlertInstance id. */
export const VIGIL_ALERT_LABEL = 'vigil_alert'

export interface RuleState extends AlertResult {
  /** Why Prometheus gives no state for the instance (rule failing, not loaded); null when it does. */
  readonly note: string | null
}

/** An alert instance in words; a Prometheus-side reason for missing data follows the engine's text. */
export function describeRuleState(r: RuleState): string {
  return r.note === null ? describeAlert(r) : `${describeAlert(r)} — ${r.note}`
}

/** What the rule's left side reads now. */
type Reading = { kind: 'values'; values: readonly number[] } | { kind: 'nodata' } | { kind: 'unknown' }

export async function readRuleStates(
  client: PrometheusClient,
  nowMs: number,
  instances: readonly AlertInstance[] = ALERT_INSTANCES,
): Promise<RuleState[]> {
  const { groups } = await fromPrometheus('the alert rules', () => client.rules())
  const rules = vigilRules(groups.flatMap((g) => g.rules))
  const anyLoaded = rules.size > 0

  // Only a quiet, healthy rule needs its reading: an active alert carries its own value.
  const conditions = new Map<string, string>()
  for (const instance of instances) {
    const rule = rules.get(instance.id)
    if (rule === undefined || rule.alerts.length > 0 || failing(rule) !== null) continue
    const lhs = conditionSide(rule.query)
    if (lhs !== null) conditions.set(rule.query, lhs)
  }
  const readings = await readAll([...new Set(conditions.values())], client, nowMs)

  return instances.map((instance): RuleState => {
    const rule = rules.get(instance.id)
    if (rule === undefined) return nodata(instance, nowMs, anyLoaded ? outOfDate(instance) : NOT_LOADED)
    const lhs = conditions.get(rule.query)
    const reading = lhs === undefined ? undefined : readings.get(lhs)
    return fromRule(instance, rule, reading ?? { kind: 'unknown' }, nowMs)
  })
}

const NOT_LOADED = 'the Vigil rules are not loaded in Prometheus (`npm run prometheus-rules` writes prometheus/vigil-rules.yml)'

function outOfDate(instance: AlertInstance): string {
  return `Prometheus has no rule with ${VIGIL_ALERT_LABEL}="${instance.id}": its Vigil rules are out of date`
}

/**
 * The rules carrying a vigil_alert label, by that label; the team's own rules are left
 * alone. Should two carry the same id (one file loaded twice), the one further along wins.
 */
function vigilRules(all: readonly PromAlertingRule[]): Map<string, PromAlertingRule> {
  const byId = new Map<string, PromAlertingRule>()
  for (const rule of all) {
    const id = rule.labels[VIGIL_ALERT_LABEL]
    if (id === undefined || id === '') continue
    const seen = byId.get(id)
    if (seen === undefined || rank(rule) > rank(seen)) byId.set(id, rule)
  }
  return byId
}

function rank(rule: PromAlertingRule): number {
  if (failing(rule) !== null) return 0
  if (rule.alerts.some((a) => a.state === 'firing')) return 3
  return rule.alerts.length > 0 ? 2 : 1
}

/** Why Prometheus cannot give the rule a state, or null when it can. */
function failing(rule: PromAlertingRule): string | null {
  const error = rule.lastError?.trim() ?? ''
  if (rule.health === 'err' || error !== '') return `Prometheus cannot evaluate the rule: ${error === '' ? 'no reason given' : error}`
  if (rule.health === 'unknown') return 'Prometheus has not evaluated the rule yet'
  return null
}

function fromRule(instance: AlertInstance, rule: PromAlertingRule, reading: Reading, nowMs: number): RuleState {
  const failure = failing(rule)
  if (failure !== null) return nodata(instance, nowMs, failure)

  // Several alerts come from one rule only when its query keeps several series; the
  // one furthest along speaks for the instance, as the engine's single series would.
  const firing = earliest(rule.alerts.filter((a) => a.state === 'firing'))
  const alert = firing ?? earliest(rule.alerts.filter((a) => a.state === 'pending'))
  if (alert !== undefined) {
    const activeAt = parseTime(alert.activeAt)
    const forMs = rule.duration * 1000
    // Prometheus reports when the condition began (activeAt); the contract's `since` is
    // when the current state began, which for a firing alert is `for:` later.
    const since = activeAt === null ? null : alert.state === 'firing' ? Math.min(activeAt + forMs, nowMs) : activeAt
    const value = parseSampleValue(alert.value)
    return {
      instance,
      state: alert.state,
      value: Number.isFinite(value) ? value : null,
      since,
      activeAt,
      resolvedAt: null,
      at: nowMs,
      note: null,
    }
  }
  if (reading.kind === 'nodata') return nodata(instance, nowMs, null)
  return {
    instance,
    state: 'inactive',
    value: reading.kind === 'values' ? (closestToBreach(reading.values, instance.comparator, instance.threshold) ?? null) : null,
    since: null,
    activeAt: null,
    resolvedAt: null,
    at: nowMs,
    note: null,
  }
}

function nodata(instance: AlertInstance, nowMs: number, note: string | null): RuleState {
  return { instance, state: 'nodata', value: null, since: null, activeAt: null, resolvedAt: null, at: nowMs, note }
}

function earliest<A extends { activeAt: string }>(alerts: readonly A[]): A | undefined {
  let best: A | undefined
  for (const a of alerts) {
    if (best === undefined || (parseTime(a.activeAt) ?? Infinity) < (parseTime(best.activeAt) ?? Infinity)) best = a
  }
  return best
}

function parseTime(text: string): number | null {
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? null : ms
}

// ---------------------------------------------------------------- the condition's left side

const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`
const COMPARISON = new RegExp(String.raw`^([\s\S]*?\S)\s*(>=|<=|==|!=|>|<)\s*(?:bool\s+)?(${NUMBER})\s*$`)

/**
 * The query a rule compares with a number: `(<q>) > 0.1` → `(<q>)`. Null for a
 * condition of any other shape (then the rule's state stands without a reading).
 */
export function conditionSide(query: string): string | null {
  const match = COMPARISON.exec(query)
  return match?.[1] ?? null
}

async function readAll(queries: readonly string[], client: PrometheusClient, nowMs: number): Promise<Map<string, Reading>> {
  const read = await Promise.all(queries.map(async (q) => [q, await readOne(q, client, nowMs)] as const))
  return new Map(read)
}

async function readOne(query: string, client: PrometheusClient, nowMs: number): Promise<Reading> {
  let result: PromResult
  try {
    result = await client.query(query, nowMs)
  } catch (error) {
    // Prometheus down or slow fails the whole answer; a query it rejects only costs
    // the reading, since the rule's own state (and its error) is still known.
    if (error instanceof PrometheusError && (error.kind === 'error' || error.kind === 'bad_response')) return { kind: 'unknown' }
    throw toSourceError(error, 'the alert rules')
  }
  const values = result.series.flatMap((s) => s.samples.map(([, v]) => v)).filter((v) => Number.isFinite(v))
  if (values.length === 0) return { kind: 'nodata' }
  return { kind: 'values', values }
}

/** Of several series' readings, the one nearest to breaching `comparator threshold`. */
export function closestToBreach(values: readonly number[], comparator: Comparator, threshold: number): number | undefined {
  if (values.length === 0) return undefined
  if (comparator === '==') return values.reduce((a, b) => (Math.abs(b - threshold) < Math.abs(a - threshold) ? b : a))
  return Math.max(...values)
}
