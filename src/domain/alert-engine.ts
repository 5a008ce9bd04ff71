/**
 * Alert evaluation with Prometheus semantics, over series sampled on the time grid.
 *
 * - At an evaluation time t a series' value is its latest non-null sample in the
 *   lookback window (t − 5 min, t] — left-open, as in Prometheus 3. No such sample is
 *   "nodata", never "ok": a silent exporter must not look healthy.
 * - A rule whose condition holds becomes pending, and firing once it has held for
 *   `forMs` (0 fires at once). One false or nodata evaluation resets it, so a flapping
 *   signal never fires. Firing → inactive is "resolved".
 * - Rules are evaluated at every grid point of the series (and at `now`), the way a
 *   Prometheus server evaluates every interval. What happened before the series window
 *   is unknown, so a condition already true at its start is pending from the start.
 *
 * Everything is one forward pass with an incremental lookback pointer: O(n) per rule.
 */
import { METRIC_UNITS, type ComponentId, type MetricId } from './catalog'
import {
  COMPARATOR_TEXT,
  COMPONENT_ALERTS,
  SUBJECT_LABELS,
  signalLabel,
  type AlertInstance,
  type AlertRuleId,
} from './alert-rules'
import { formatDuration, formatValue } from './format'

/** How far back a sample still counts as the current value (Prometheus' default). */
export const LOOKBACK_MS = 5 * 60_000

/** Samples on the grid: `values[i]` was taken at `fromMs + i * stepS * 1000`; null is a gap. */
export interface GridSeries {
  readonly fromMs: number
  readonly stepS: number
  readonly values: readonly (number | null)[]
}

export type AlertState = 'inactive' | 'pending' | 'firing' | 'nodata'

/** What the engine needs of a rule instance; tests and previews can pass just this. */
export type AlertCondition = Pick<AlertInstance, 'comparator' | 'threshold' | 'forMs'>

export interface RuleEvaluation {
  readonly state: AlertState
  /** The value at evaluation time (latest sample in the lookback), null when nodata. */
  readonly value: number | null
  /** When the current state began; null when inactive since the series window began. */
  readonly since: number | null
  /** When the condition started to hold without a break (pending and firing only). */
  readonly activeAt: number | null
  /** When the alert last went from firing to inactive, while it has not fired again. */
  readonly resolvedAt: number | null
  /** The evaluation time. */
  readonly at: number
}

export interface AlertSpan {
  readonly state: 'pending' | 'firing' | 'nodata'
  readonly fromMs: number
  /** When the next state began, or the last sample's time for a span still open. */
  readonly toMs: number
  /** Still in this state at the end of the series. */
  readonly ongoing: boolean
}

export interface AlertResult extends RuleEvaluation {
  readonly instance: AlertInstance
}

export type HealthState = 'up' | 'degraded' | 'down' | 'unknown'

export interface HealthVerdict {
  readonly state: HealthState
  /** The value and rule that decided it, in words. */
  readonly reason: string
  /** The rule that decided it; null when none did (up, or unknown for lack of data). */
  readonly ruleId: AlertRuleId | null
  /** The instance (alert id) that decided it, to link to the alert. */
  readonly alertId: string | null
}

// ---------------------------------------------------------------- validation

/**
 * Throws a RangeError unless every sample is null or a finite, non-negative number and
 * the grid is sound. The zod boundary (`sampleValue` in api/schemas.ts) already rejects
 * such payloads; this guards the engine against anything that skipped it, because a NaN
 * compares false with every threshold and would read as a healthy service.
 */
export function assertSeries(series: GridSeries): void {
  if (!Number.isFinite(series.fromMs)) throw new RangeError(`series start ${series.fromMs} is not a finite time`)
  if (!Number.isFinite(series.stepS) || series.stepS <= 0) {
    throw new RangeError(`series step ${series.stepS} s is not a positive number`)
  }
  const { values } = series
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v === null) continue
    // typeof guards a JSON-ish array that smuggled in a string or undefined.
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new RangeError(`sample ${i} is ${String(v)}: samples must be finite, non-negative numbers or null`)
    }
  }
}

// ---------------------------------------------------------------- the state machine

interface Machine {
  state: AlertState
  since: number | null
  activeAt: number | null
  resolvedAt: number | null
}

const newMachine = (): Machine => ({ state: 'inactive', since: null, activeAt: null, resolvedAt: null })

/**
 * Runs the state machine over the grid points `fromMs + i * stepMs`, i < count, each
 * seeing its latest sample within the lookback (found with a pointer that only moves
 * forward; past the end of `values` the last sample counts until it expires). Continues
 * from `m` and leaves the final state in it; `onChange` hears each state change.
 * Returns the value the last point saw (NaN: none). State lives in locals and nothing
 * is allocated: this runs once per sample per rule, a million times for a week.
 */
function run(
  c: AlertCondition,
  values: readonly (number | null)[],
  fromMs: number,
  stepMs: number,
  count: number,
  m: Machine,
  onChange?: (t: number, left: AlertState) => void,
): number {
  const { threshold, forMs } = c
  const op = c.comparator === '>' ? 0 : c.comparator === '>=' ? 1 : 2
  const span = lookbackSteps(stepMs)
  const n = values.length
  let { state, since, resolvedAt } = m
  let active = m.activeAt !== null
  let activeAt = m.activeAt ?? 0
  let latest = -span
  let latestValue = 0
  let v = Number.NaN
  for (let i = 0; i < count; i++) {
    const raw = i < n ? values[i] : null
    if (raw != null) {
      latest = i
      latestValue = raw
    }
    const t = fromMs + i * stepMs
    let next: AlertState
    if (i - latest >= span) {
      v = Number.NaN
      next = 'nodata'
      active = false
    } else {
      v = latestValue
      if (op === 0 ? v > threshold : op === 1 ? v >= threshold : v === threshold) {
        if (!active) {
          active = true
          activeAt = t
        }
        next = t - activeAt >= forMs ? 'firing' : 'pending'
      } else {
        next = 'inactive'
        active = false
      }
    }
    if (next === state) continue
    if (next === 'firing') resolvedAt = null
    else if (state === 'firing' && next === 'inactive') resolvedAt = t
    onChange?.(t, state)
    state = next
    since = t
  }
  m.state = state
  m.since = since
  m.activeAt = active ? activeAt : null
  m.resolvedAt = resolvedAt
  return v
}

/** Grid steps a sample stays visible: sample j is the value at grid point i iff i − j < this. */
function lookbackSteps(stepMs: number): number {
  return Math.ceil(LOOKBACK_MS / stepMs)
}

/** Grid points to evaluate for `nowMs`: up to now, but not past the last sample's expiry. */
function gridCount(series: GridSeries, nowMs: number): number {
  const stepMs = series.stepS * 1000
  if (!(nowMs >= series.fromMs)) return 0
  // Past the series end the value can only expire, within the lookback: no need to
  // walk a year of empty grid when `now` is far ahead.
  return Math.min(Math.floor((nowMs - series.fromMs) / stepMs), series.values.length - 1 + lookbackSteps(stepMs)) + 1
}

// ---------------------------------------------------------------- evaluation

/**
 * The state of one rule instance at `nowMs`, from the series' history up to then.
 * Evaluates at every grid point up to `nowMs` and at `nowMs` itself. Throws a
 * RangeError on an invalid series (see {@link assertSeries}).
 */
export function evaluateRule(condition: AlertCondition, series: GridSeries, nowMs: number): RuleEvaluation {
  assertSeries(series)
  return evaluateChecked(condition, series, nowMs)
}

function evaluateChecked(c: AlertCondition, series: GridSeries, nowMs: number): RuleEvaluation {
  if (!(nowMs >= series.fromMs)) return nodata(nowMs)
  const { fromMs } = series
  const stepMs = series.stepS * 1000
  const count = gridCount(series, nowMs)
  const m = newMachine()
  let value = run(c, series.values, fromMs, stepMs, count, m)
  if (nowMs > fromMs + (count - 1) * stepMs) {
    value = valueAt(series, nowMs)
    run(c, [Number.isNaN(value) ? null : value], nowMs, stepMs, 1, m)
  }
  return {
    state: m.state,
    value: Number.isNaN(value) ? null : value,
    since: m.since,
    activeAt: m.activeAt,
    resolvedAt: m.resolvedAt,
    at: nowMs,
  }
}

/** The lookback value at any time, on the grid or between its points; NaN when none. */
function valueAt(series: GridSeries, t: number): number {
  const stepMs = series.stepS * 1000
  const { values } = series
  for (let j = Math.min(values.length - 1, Math.floor((t - series.fromMs) / stepMs)); j >= 0; j--) {
    const sampleTime = series.fromMs + j * stepMs
    if (t - sampleTime >= LOOKBACK_MS) break
    const v = values[j]
    if (v != null) return v
  }
  return Number.NaN
}

function nodata(at: number): RuleEvaluation {
  return { state: 'nodata', value: null, since: null, activeAt: null, resolvedAt: null, at }
}

/**
 * The rule's history over the series window, evaluated at every sample: the spans it
 * was pending, firing or without data (inactive time is the gaps between spans), for
 * chart shading and the alert history. One pass, O(n). Throws a RangeError on an
 * invalid series.
 */
export function alertSpans(condition: AlertCondition, series: GridSeries): AlertSpan[] {
  assertSeries(series)
  const { fromMs } = series
  const stepMs = series.stepS * 1000
  const spans: AlertSpan[] = []
  const m = newMachine()
  let openFrom = fromMs
  run(condition, series.values, fromMs, stepMs, series.values.length, m, (t, left) => {
    if (left !== 'inactive') spans.push({ state: left, fromMs: openFrom, toMs: t, ongoing: false })
    openFrom = t
  })
  if (m.state !== 'inactive') {
    const end = fromMs + (series.values.length - 1) * stepMs
    spans.push({ state: m.state, fromMs: openFrom, toMs: end, ongoing: true })
  }
  return spans
}

/**
 * Evaluates every instance against the series of its metric; an instance whose series
 * is absent is nodata. Each series is validated once, however many rules read it; an
 * invalid one throws a RangeError (the whole evaluation fails rather than passing a
 * broken value off as healthy).
 */
export function evaluateAll(
  instances: readonly AlertInstance[],
  seriesByMetric: Partial<Record<MetricId, GridSeries>>,
  nowMs: number,
): AlertResult[] {
  const checked = new Set<GridSeries>()
  return instances.map((instance) => {
    const series = seriesByMetric[instance.metric]
    if (series === undefined) return { instance, ...nodata(nowMs) }
    if (!checked.has(series)) {
      assertSeries(series)
      checked.add(series)
    }
    return { instance, ...evaluateChecked(instance, series, nowMs) }
  })
}

// ---------------------------------------------------------------- component health

/**
 * A health tile's verdict from the evaluated rule instances (see COMPONENT_ALERTS):
 * down when a critical instance fires; degraded when a warning fires or a critical is
 * pending; unknown when a critical instance has no data (its key signal is missing);
 * otherwise up. An instance absent from `results` counts as nodata. When several
 * instances qualify, the one in its state longest decides.
 */
export function componentHealth(component: ComponentId, results: readonly AlertResult[]): HealthVerdict {
  const byId = new Map(results.map((r) => [r.instance.id, r]))
  const own = COMPONENT_ALERTS[component].map((instance) => byId.get(instance.id) ?? { instance, ...nodata(0) })
  const critical = own.filter((r) => r.instance.severity === 'critical')
  const warning = own.filter((r) => r.instance.severity === 'warning')

  const down = longest(critical.filter((r) => r.state === 'firing'))
  if (down) return decided('down', down)
  const degraded =
    longest(warning.filter((r) => r.state === 'firing')) ?? longest(critical.filter((r) => r.state === 'pending'))
  if (degraded) return decided('degraded', degraded)

  const label = SUBJECT_LABELS[component]
  const missing = critical.filter((r) => r.state === 'nodata')
  if (own.length === 0 || missing.length > 0) {
    const signals = unique(missing.map((r) => signalLabel(r.instance.metric)))
    const reason = own.length === 0 ? `No alert rule watches ${label}` : `No data for ${label} ${signals.join(', ')}`
    return { state: 'unknown', reason, ruleId: null, alertId: null }
  }

  // The up signal is implied by the verdict; it is worth stating only when it is all there is.
  const readings = unique(
    own
      .filter((r) => METRIC_UNITS[r.instance.metric] !== 'bool')
      .map((r) => `${signalLabel(r.instance.metric)} ${r.value === null ? 'no data' : formatValue(METRIC_UNITS[r.instance.metric], r.value)}`),
  )
  return {
    state: 'up',
    reason: `All rules inactive (${readings.length > 0 ? readings.join(', ') : 'up'})`,
    ruleId: null,
    alertId: null,
  }
}

function decided(state: 'down' | 'degraded', r: AlertResult): HealthVerdict {
  return { state, reason: describeAlert(r), ruleId: r.instance.ruleId, alertId: r.instance.id }
}

/** The earliest `since` wins; ties keep config order (critical rules, runbook order). */
function longest(results: readonly AlertResult[]): AlertResult | undefined {
  let best: AlertResult | undefined
  for (const r of results) if (best === undefined || (r.since ?? -Infinity) < (best.since ?? -Infinity)) best = r
  return best
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)]
}

/**
 * An evaluated alert in words, for the health reason and alert summaries:
 * "STT error rate 14.2 % > 10 % for 5 min — firing",
 * "STT error rate 14.2 % > 10 % for 2 min of 5 min — pending",
 * "Database connection lost — firing".
 */
export function describeAlert(r: AlertResult): string {
  const { instance } = r
  const unit = METRIC_UNITS[instance.metric]
  const label = SUBJECT_LABELS[instance.subject]
  if (r.state === 'nodata') return `${label} ${signalLabel(instance.metric)}: no data`
  if (r.state === 'inactive') return `${label} ${signalLabel(instance.metric)} ${formatValue(unit, r.value)} — inactive`
  const held =
    r.state === 'pending'
      ? ` for ${formatDuration(r.at - (r.activeAt ?? r.at))} of ${formatDuration(instance.forMs)}`
      : instance.forMs > 0
        ? ` for ${formatDuration(instance.forMs)}`
        : ''
  if (unit === 'bool') {
    return r.state === 'firing' ? `${instance.name} — firing` : `${label} ${formatValue(unit, r.value)}${held} — pending`
  }
  const comparison = `${formatValue(unit, r.value)} ${COMPARATOR_TEXT[instance.comparator]} ${formatValue(unit, instance.threshold)}`
  return `${label} ${signalLabel(instance.metric)} ${comparison}${held} — ${r.state}`
}
