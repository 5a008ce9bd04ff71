/**
 * `promtool test rules` cases for the generated rules file, one test group per instance
 * of ALERT_INSTANCES: input series in the agent's instrumentation names
 * (src/backend/prometheus/instrumentation.ts) that keep the instance's metric healthy for
 * five minutes and then put it across the threshold, and checks that the alert is
 * inactive before the breach, pending until its `for:` has passed and firing after it,
 * with the labels and annotations Vigil reads back.
 *
 * Timing. Samples and rule evaluations are both 15 s apart (STEP_S): a 1m rate window
 * then holds five samples, four increases, so `rate()` has a value from the second
 * sample on and a window lies wholly inside one phase four steps after the phase
 * starts. Rates of a single counter (CPU, request rates) blend the two phases while the
 * window straddles them, so they cross the threshold up to `window − 1 step` late
 * (lagSteps). Ratios of two rates and histogram quantiles cross at once: the breach
 * phase carries 1000 times the healthy phase's traffic, so its first 15 s outweigh
 * the healthy ones still in the window. The checks allow each family's lag and no more:
 * pending from the latest moment the alert can have started, still pending one step
 * before `for:` has passed since the earliest one, firing once `for:` has passed since
 * the latest one.
 *
 * The file is written as JSON, which is YAML (promtool reads it with a YAML parser), with
 * the characters YAML takes for line breaks escaped (promtoolYaml).
 */
import { DEFAULT_QUERIES, withWindow } from '@/backend/prometheus/default-queries'
import { DB_BUCKETS_S, JOBS, METRIC_NAMES as M, STAGE_BUCKETS_S } from '@/backend/prometheus/instrumentation'
import { alertName } from '@/backend/prometheus/rules-file'
import { ALERT_INSTANCES, type AlertInstance, type Comparator } from '@/domain/alert-rules'
import { METRIC_UNITS, PROVIDERS, SERVICES, type MetricId, type MetricUnit } from '@/domain/catalog'

/** Seconds between input samples and between rule evaluations. */
export const STEP_S = 15
/** Samples before the breach: five minutes, so the last healthy window holds only healthy samples. */
export const HEALTHY_STEPS = 20
/** Observations (or requests) per step: healthy phase, breach phase. See the header for why they differ. */
const HEALTHY_TRAFFIC = 1
const BREACH_TRAFFIC = 1000
/** Counters start here, not at 0, so rate()'s extrapolation is never cut short at a zero. */
const COUNTER_START = 10_000

export interface InputSeries {
  series: string
  values: string
}

interface ExpectedAlert {
  exp_labels: Record<string, string>
  exp_annotations: Record<string, string>
}

export interface TestGroup {
  name: string
  interval: string
  input_series: InputSeries[]
  alert_rule_test: { eval_time: string; alertname: string; exp_alerts: ExpectedAlert[] }[]
  promql_expr_test: { expr: string; eval_time: string; exp_samples: { labels: string; value: number }[] }[]
}

export interface PromtoolTestFile {
  rule_files: string[]
  evaluation_interval: string
  tests: TestGroup[]
}

/** How a metric's default query is fed: the series that make it read chosen values. */
interface Family {
  /** Series reading `healthy` for HEALTHY_STEPS samples, `breach` from then on, `steps` samples in all. */
  series(healthy: number, breach: number, steps: number): InputSeries[]
  /** The value the query reads when `value` is asked (a histogram can give only some values). */
  readBack(value: number): number
  /** Steps after the first breach sample by which the query has certainly crossed (see the header). */
  lagSteps(windowSteps: number): number
}

// ---------------------------------------------------------------- series notation

/** A number as promtool's series notation takes it: plain decimal, no exponent. */
function num(value: number): string {
  const text = String(Number(value.toPrecision(12)))
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`${value} cannot be written in series notation`)
  return text
}

function selector(name: string, labels: Record<string, string> = {}): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${JSON.stringify(value)}`)
  return pairs.length === 0 ? name : `${name}{${pairs.join(',')}}`
}

/** `h` for the healthy samples, `b` for the rest: "1x19 0x40" (`vxn` is n + 1 samples). */
function gaugeValues(healthy: number, breach: number, steps: number): string {
  return `${num(healthy)}x${HEALTHY_STEPS - 1} ${num(breach)}x${steps - HEALTHY_STEPS - 1}`
}

/** A counter rising by `healthy` per step, then by `breach` per step from the first breach sample. */
function counterValues(healthy: number, breach: number, steps: number): string {
  const firstBreach = COUNTER_START + (HEALTHY_STEPS - 1) * healthy + breach
  return `${num(COUNTER_START)}+${num(healthy)}x${HEALTHY_STEPS - 1} ${num(firstBreach)}+${num(breach)}x${steps - HEALTHY_STEPS - 1}`
}

// ---------------------------------------------------------------- families

const exact = (value: number) => value
const atOnce = () => 0
const windowLate = (windowSteps: number) => windowSteps - 1

function gauge(name: string, labels: Record<string, string> = {}): Family {
  return {
    series: (h, b, steps) => [{ series: selector(name, labels), values: gaugeValues(h, b, steps) }],
    readBack: exact,
    lagSteps: atOnce,
  }
}

/** `sum(used) / sum(limit)`, or `1 - sum(free) / sum(total)` when `complement`. */
function gaugeRatio(numerator: string, denominator: string, labels: Record<string, string>, size: number, complement = false): Family {
  const part = (v: number) => (complement ? 1 - v : v) * size
  return {
    series: (h, b, steps) => [
      { series: selector(numerator, labels), values: gaugeValues(part(h), part(b), steps) },
      { series: selector(denominator, labels), values: gaugeValues(size, size, steps) },
    ],
    readBack: exact,
    lagSteps: atOnce,
  }
}

/** `sum(rate(counter)) * perSecond⁻¹`: the counter rises by value × step / perSecond. */
function counterRate(series: string, valuePerUnitRate = 1): Family {
  const increase = (v: number) => (v / valuePerUnitRate) * STEP_S
  return {
    series: (h, b, steps) => [{ series, values: counterValues(increase(h), increase(b), steps) }],
    readBack: exact,
    lagSteps: windowLate,
  }
}

/** `rate(part) / (rate(part) + rate(rest))`: errors of all requests, successful room joins. */
function shareOf(part: string, rest: string): Family {
  return {
    series: (h, b, steps) => {
      if ([h, b].some((v) => v < 0 || v > 1)) throw new Error(`a share must be within 0..1, not ${h} or ${b}`)
      return [
        { series: part, values: counterValues(HEALTHY_TRAFFIC * h, BREACH_TRAFFIC * b, steps) },
        { series: rest, values: counterValues(HEALTHY_TRAFFIC * (1 - h), BREACH_TRAFFIC * (1 - b), steps) },
      ]
    },
    readBack: exact,
    lagSteps: atOnce,
  }
}

/** `rate(numerator) / rate(denominator)` of separate counters: retries per request. */
function perCall(numerator: string, denominator: string): Family {
  return {
    series: (h, b, steps) => [
      { series: numerator, values: counterValues(HEALTHY_TRAFFIC * h, BREACH_TRAFFIC * b, steps) },
      { series: denominator, values: counterValues(HEALTHY_TRAFFIC, BREACH_TRAFFIC, steps) },
    ],
    readBack: exact,
    lagSteps: atOnce,
  }
}

/** node_exporter's idle-seconds counters on two CPUs: busy share v means idle rises (1 − v) s per second. */
function cpu(): Family {
  const cpus = ['0', '1']
  const idle = (v: number) => (1 - v) * STEP_S
  return {
    series: (h, b, steps) =>
      cpus.map((c) => ({ series: selector(M.nodeCpu, { cpu: c, mode: 'idle' }), values: counterValues(idle(h), idle(b), steps) })),
    readBack: exact,
    lagSteps: windowLate,
  }
}

/**
 * A histogram (seconds) whose `histogram_quantile(q, …) * 1000` reads a value in ms.
 * All of a phase's observations fall in one bucket (lo, hi], the one holding the value
 * asked; Prometheus interpolates inside it, so the quantile reads lo + (hi − lo) × q.
 */
function histogram(name: string, bounds: readonly number[], labels: Record<string, string>, q: number): Family {
  const bucketOf = (ms: number) => {
    const index = bounds.findIndex((bound) => bound >= ms / 1000)
    if (index < 0 || ms <= 0) throw new Error(`${name}: ${ms} ms is outside the buckets (0, ${bounds.at(-1)} s]`)
    return index
  }
  const readBack = (ms: number) => {
    const index = bucketOf(ms)
    const lo = index === 0 ? 0 : (bounds[index - 1] ?? 0)
    const hi = bounds[index] ?? lo
    return (lo + (hi - lo) * q) * 1000
  }
  return {
    series: (h, b, steps) => {
      const [inHealthy, inBreach] = [bucketOf(h), bucketOf(b)]
      const les = [...bounds.map(String), '+Inf']
      return les.map((le, index) => ({
        series: selector(`${name}_bucket`, { ...labels, le }),
        values: counterValues(
          index >= inHealthy ? HEALTHY_TRAFFIC : 0,
          index >= inBreach ? BREACH_TRAFFIC : 0,
          steps,
        ),
      }))
    },
    readBack,
    lagSteps: atOnce,
  }
}

/** The quantile the metric's default query takes: "histogram_quantile(0.95, …" → 0.95. */
function quantileOf(metric: MetricId): number {
  const match = /histogram_quantile\((0?\.\d+|1(\.0+)?)/.exec(DEFAULT_QUERIES[metric])
  if (match?.[1] === undefined) throw new Error(`${metric}: no histogram_quantile in its default query`)
  return Number(match[1])
}

const UP_JOBS: Partial<Record<MetricId, string>> = { 'agent.up': JOBS.agent, 'livekit.up': JOBS.livekit, 'db.up': JOBS.database }

/**
 * The series family of each catalog metric, following its default query. Throws for a
 * metric it does not know, so a new metric is noticed here rather than left untested.
 */
export function familyOf(metric: MetricId): Family {
  const job = UP_JOBS[metric]
  if (job !== undefined) return gauge('up', { job })
  const [head = '', ...restParts] = metric.split('.')
  const rest = restParts.join('.')
  const stage = SERVICES.find((s) => s === head)
  if (stage !== undefined) {
    const requests = (labels: Record<string, string>) => selector(M.stageRequests, { stage, ...labels })
    switch (rest) {
      case 'up':
        return gauge(M.stageUp, { stage })
      case 'latency.p50':
      case 'latency.p95':
        return histogram(M.stageDuration, STAGE_BUCKETS_S, { stage }, quantileOf(metric))
      case 'requests':
        return counterRate(requests({ outcome: 'success' }))
      case 'error_rate':
        return shareOf(requests({ outcome: 'error', error_type: 'timeout' }), requests({ outcome: 'success' }))
      case 'retry_rate':
        return perCall(selector(M.stageRetries, { stage }), requests({ outcome: 'success' }))
    }
  }
  const provider = PROVIDERS.find((p) => metric === `quota.${p}`)
  if (provider !== undefined) return gaugeRatio(M.quotaUsed, M.quotaLimit, { provider }, 1000)
  switch (metric) {
    case 'turn.latency.p50':
    case 'turn.latency.p95':
      return histogram(M.turnDuration, STAGE_BUCKETS_S, {}, quantileOf(metric))
    case 'livekit.connect_success':
      return shareOf(selector(M.livekitConnects, { outcome: 'success' }), selector(M.livekitConnects, { outcome: 'failure' }))
    case 'livekit.rooms':
      return gauge(M.livekitRooms)
    case 'db.latency':
      return histogram(M.dbQueryDuration, DB_BUCKETS_S, {}, quantileOf(metric))
    case 'db.pool_use':
      return gaugeRatio(M.dbPoolInUse, M.dbPoolSize, {}, 100)
    case 'db.save_failures':
      // Read per minute: a rate of 1/60 per second reads 1.
      return counterRate(M.dbSaveFailures, 60)
    case 'host.cpu':
      return cpu()
    case 'host.memory':
      return gaugeRatio(M.nodeMemAvailable, M.nodeMemTotal, {}, 8 * 1024 ** 3, true)
  }
  throw new Error(`no promtool input series for metric ${metric}: add its family to test/support/promtool-rule-cases.ts`)
}

// ---------------------------------------------------------------- values

export function holds(comparator: Comparator, value: number, threshold: number): boolean {
  switch (comparator) {
    case '>':
      return value > threshold
    case '>=':
      return value >= threshold
    case '==':
      return value === threshold
  }
}

/** A value that breaks the rule: half again over a `>` threshold (a ratio stays ≤ 1), the threshold itself otherwise. */
export function breachValue(instance: Pick<AlertInstance, 'comparator' | 'threshold'>, unit: MetricUnit): number {
  const t = instance.threshold
  if (instance.comparator !== '>') return t
  if (t <= 0) return 1
  return unit === 'ratio' ? Math.min(1.5 * t, (1 + t) / 2) : 1.5 * t
}

/** A value that keeps the rule quiet: half the threshold; for up = 0, up = 1. */
export function healthyValue(instance: Pick<AlertInstance, 'comparator' | 'threshold'>, unit: MetricUnit): number {
  const t = instance.threshold
  if (instance.comparator === '==') return unit === 'bool' ? 1 - t : t + 1
  return t / 2
}

// ---------------------------------------------------------------- test groups

const at = (steps: number) => `${steps * STEP_S}s`

/** `abs(q - v) <= bool tolerance`: 1 when the query reads v, to float rounding. */
function readsExpr(query: string, value: number): string {
  const tolerance = Math.max(1e-9, Math.abs(value) * 1e-9).toExponential(1)
  return `abs((${query}) - ${num(value)}) <= bool ${tolerance}`
}

function alertsSelector(labels: Record<string, string>): string {
  return selector('ALERTS', labels)
}

const UNIT_S: Record<string, number> = { s: 1, m: 60, h: 3600 }

/** "1m" → 60, "90s" → 90, "1m30s" → 90 (the units a rate window is written in). */
export function windowSeconds(window: string): number {
  const parts = [...window.matchAll(/(\d+)([smh])/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== window) throw new Error(`rate window "${window}" is not written in h, m and s`)
  return parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_S[p[2] ?? ''] ?? 0), 0)
}

export function testGroupFor(instance: AlertInstance, window: string): TestGroup {
  const windowSteps = windowSeconds(window) / STEP_S
  if (!Number.isInteger(windowSteps) || windowSteps < 2) throw new Error(`rate window ${window} must be a whole number (≥ 2) of ${STEP_S} s steps`)
  if (HEALTHY_STEPS <= windowSteps) throw new Error(`rate window ${window} is longer than the healthy phase`)

  const family = familyOf(instance.metric)
  const unit = METRIC_UNITS[instance.metric]
  const asked = { healthy: healthyValue(instance, unit), breach: breachValue(instance, unit) }
  const reads = { healthy: family.readBack(asked.healthy), breach: family.readBack(asked.breach) }
  if (holds(instance.comparator, reads.healthy, instance.threshold) || !holds(instance.comparator, reads.breach, instance.threshold)) {
    throw new Error(`${instance.id}: healthy ${reads.healthy} / breach ${reads.breach} do not straddle ${instance.comparator} ${instance.threshold}`)
  }

  const lag = family.lagSteps(windowSteps)
  const forSteps = Math.ceil(instance.forMs / 1000 / STEP_S)
  if (forSteps > 0 && forSteps - 1 < lag) {
    throw new Error(`${instance.id}: for: ${instance.forMs} ms is shorter than this metric's ${lag}-step lag; test with a shorter rate window`)
  }
  const B = HEALTHY_STEPS
  const fullBreachWindow = B + windowSteps
  const firing = B + lag + forSteps
  const steps = Math.max(firing, fullBreachWindow) + 2

  const alertname = alertName(instance.id)
  const labels = { vigil_alert: instance.id, vigil_rule: instance.ruleId, severity: instance.severity }
  const notFiring = (t: number) => ({ eval_time: at(t), alertname, exp_alerts: [] })
  const pending = forSteps > 0 ? [...new Set([B + lag, B + forSteps - 1])] : []
  const query = withWindow(DEFAULT_QUERIES[instance.metric], window)

  return {
    name: `${instance.id}: ${instance.metric} ${num(reads.healthy)} → ${num(reads.breach)}, ${instance.comparator} ${instance.threshold} for ${forSteps} steps`,
    interval: `${STEP_S}s`,
    input_series: family.series(asked.healthy, asked.breach, steps),
    alert_rule_test: [
      notFiring(B - 1),
      ...pending.map(notFiring),
      { eval_time: at(firing), alertname, exp_alerts: [{ exp_labels: labels, exp_annotations: { summary: instance.name, playbook: instance.playbook } }] },
    ],
    promql_expr_test: [
      // The series read what they were built to: healthy before, breach once the window is all breach.
      { expr: readsExpr(query, reads.healthy), eval_time: at(B - 1), exp_samples: [{ labels: '{}', value: 1 }] },
      { expr: readsExpr(query, reads.breach), eval_time: at(fullBreachWindow), exp_samples: [{ labels: '{}', value: 1 }] },
      // Not even pending before the breach; pending (not just "not firing") until for: has passed.
      { expr: alertsSelector({ alertname }), eval_time: at(B - 1), exp_samples: [] },
      ...pending.map((t) => ({
        expr: alertsSelector({ alertname }),
        eval_time: at(t),
        exp_samples: [{ labels: alertsSelector({ alertname, alertstate: 'pending', ...labels }), value: 1 }],
      })),
    ],
  }
}

/** The whole promtool test file for `rulesFile`, whose rate window is `window`. */
export function promtoolTestFile(rulesFile: string, window: string, instances = ALERT_INSTANCES): PromtoolTestFile {
  return {
    rule_files: [rulesFile],
    evaluation_interval: `${STEP_S}s`,
    tests: instances.map((instance) => testGroupFor(instance, window)),
  }
}

/**
 * A test file as promtool reads it: JSON, which is YAML, except that YAML folds a raw
 * U+2028/U+2029/U+0085 inside a quoted string as a line break (JSON leaves them raw), so
 * those, the C1 controls and a byte-order mark are written as `\u2028`-style escapes.
 */
export function promtoolYaml(file: unknown): string {
  return JSON.stringify(file, null, 2).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
