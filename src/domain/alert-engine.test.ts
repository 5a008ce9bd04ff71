import type { ComponentId, MetricId } from './catalog'
import { ALERT_INSTANCES } from './alert-rules'
import {
  LOOKBACK_MS,
  alertSpans,
  assertSeries,
  componentHealth,
  describeAlert,
  evaluateAll,
  evaluateRule,
  type AlertCondition,
  type AlertResult,
  type AlertSpan,
  type AlertState,
  type GridSeries,
  type HealthVerdict,
} from './alert-engine'

const S = 1000
const MIN = 60 * S
const STEP = 10 * S
const T0 = Date.UTC(2026, 10, 27, 10, 0)
/** Time of grid point i. */
const at = (i: number) => T0 + i * STEP
const grid = (values: readonly (number | null)[], stepS = 10): GridSeries => ({ fromMs: T0, stepS, values })
const repeat = <T,>(value: T, count: number): T[] => Array.from({ length: count }, () => value)
const cond = (comparator: AlertCondition['comparator'], threshold: number, forMs: number): AlertCondition => ({
  comparator,
  threshold,
  forMs,
})
/** Error rate above 10 % for 1 min, on 10 s samples. */
const ABOVE = cond('>', 0.1, MIN)

// ---------------------------------------------------------------- validation

test.each([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['a negative sample', -1],
  ['a tiny negative sample', -1e-9],
])('a series holding %s is rejected with a RangeError by every entry point', (_name, bad) => {
  const series = grid([0.01, null, bad, 0.02])
  expect(() => {
    assertSeries(series)
  }).toThrow(RangeError)
  expect(() => evaluateRule(ABOVE, series, at(3))).toThrow(/sample 2/)
  expect(() => alertSpans(ABOVE, series)).toThrow(RangeError)
  expect(() => evaluateAll(ALERT_INSTANCES, { 'stt.error_rate': series }, at(3))).toThrow(RangeError)
})

test('a value that is not a number at all is rejected', () => {
  const smuggled = JSON.parse('[0.1, "0.2"]') as number[]
  expect(() => {
    assertSeries(grid(smuggled))
  }).toThrow(RangeError)
})

test.each([
  ['a zero step', { fromMs: T0, stepS: 0, values: [1] }],
  ['a negative step', { fromMs: T0, stepS: -10, values: [1] }],
  ['a NaN start', { fromMs: Number.NaN, stepS: 10, values: [1] }],
])('a series with %s is rejected', (_name, series) => {
  expect(() => {
    assertSeries(series)
  }).toThrow(RangeError)
})

test('zeros, gaps and an empty series are valid', () => {
  expect(() => {
    assertSeries(grid([0, null, 12.5, null]))
    assertSeries(grid([]))
  }).not.toThrow()
})

// ---------------------------------------------------------------- thresholds

test.each<[AlertCondition['comparator'], number, number, AlertState]>([
  ['>', 0.1, 0.1, 'inactive'],
  ['>', 0.1, 0.100001, 'firing'],
  ['>', 0.1, 0.099999, 'inactive'],
  ['>=', 1, 1, 'firing'],
  ['>=', 1, 0.999, 'inactive'],
  ['>=', 1, 1.2, 'firing'],
  ['==', 0, 0, 'firing'],
  ['==', 0, 1, 'inactive'],
  ['==', 0, 0.5, 'inactive'],
])('%s %d with value %d at once (for: 0) is %s', (comparator, threshold, value, state) => {
  expect(evaluateRule(cond(comparator, threshold, 0), grid([value]), T0).state).toBe(state)
})

// ---------------------------------------------------------------- for: durations

// Six quiet samples, then `held` samples above 10 %; evaluated at the last sample.
test.each<[number, { state: AlertState; since: number | null; activeAt: number | null }]>([
  [0, { state: 'inactive', since: null, activeAt: null }],
  [1, { state: 'pending', since: at(6), activeAt: at(6) }],
  [6, { state: 'pending', since: at(6), activeAt: at(6) }],
  // Held exactly `for` (60 s, the 7th sample) fires.
  [7, { state: 'firing', since: at(12), activeAt: at(6) }],
  [40, { state: 'firing', since: at(12), activeAt: at(6) }],
])('above 10 %% for %i samples (for: 1 min)', (held, expected) => {
  const values = [...repeat(0.02, 6), ...repeat(0.14, held)]
  const result = evaluateRule(ABOVE, grid(values), at(values.length - 1))
  expect(result).toMatchObject({ ...expected, value: held > 0 ? 0.14 : 0.02 })
})

test('for: 0 fires at the first sample that breaches', () => {
  const result = evaluateRule(cond('>=', 1, 0), grid([0.5, 0.9, 1]), at(2))
  expect(result).toMatchObject({ state: 'firing', since: at(2), activeAt: at(2) })
})

test('a condition true from the window start is pending from it: no history before the window is assumed', () => {
  expect(evaluateRule(ABOVE, grid(repeat(0.2, 3)), at(2))).toMatchObject({ state: 'pending', since: T0, activeAt: T0 })
})

test('one false evaluation resets pending, so a flapping signal never fires', () => {
  // Five above, one below, five above, … for ten minutes: never six in a row.
  const values = Array.from({ length: 60 }, (_, i) => (i % 6 === 5 ? 0.05 : 0.2))
  const spans = alertSpans(ABOVE, grid(values))
  expect(spans.every((s) => s.state === 'pending')).toBe(true)
  expect(spans).toHaveLength(10)
  expect(spans[1]).toEqual({ state: 'pending', fromMs: at(6), toMs: at(11), ongoing: false })
  // Pending that never fired is not "resolved".
  expect(evaluateRule(ABOVE, grid(values), at(59))).toMatchObject({ state: 'inactive', since: at(59), resolvedAt: null })
  expect(evaluateRule(ABOVE, grid(values), at(58))).toMatchObject({ state: 'pending', activeAt: at(54) })
})

test('firing → inactive is resolved: resolvedAt marks it until the alert fires again', () => {
  const values = [...repeat(0.2, 10), ...repeat(0.01, 5), ...repeat(0.2, 3), ...repeat(0.2, 6)]
  expect(evaluateRule(ABOVE, grid(values), at(12))).toMatchObject({
    state: 'inactive',
    since: at(10),
    activeAt: null,
    resolvedAt: at(10),
  })
  expect(evaluateRule(ABOVE, grid(values), at(16))).toMatchObject({ state: 'pending', resolvedAt: at(10) })
  expect(evaluateRule(ABOVE, grid(values), at(23))).toMatchObject({ state: 'firing', since: at(21), resolvedAt: null })
})

// ---------------------------------------------------------------- lookback and nodata

// One sample at T0, then nothing: it counts for five minutes (left-open window).
test.each<[string, number, AlertState, number | null]>([
  ['at the sample', 0, 'firing', 0.5],
  ['290 s later', 290 * S, 'firing', 0.5],
  ['1 ms before 5 min', LOOKBACK_MS - 1, 'firing', 0.5],
  ['exactly 5 min later', LOOKBACK_MS, 'nodata', null],
  ['an hour later', 60 * MIN, 'nodata', null],
])('a lone sample evaluated %s', (_name, offset, state, value) => {
  const series = grid([0.5, ...repeat(null, 100)])
  expect(evaluateRule(cond('>', 0.1, 0), series, T0 + offset)).toMatchObject({ state, value })
})

test('the value is the latest sample in the lookback, not the largest', () => {
  const series = grid([0.9, 0.02, null, null])
  expect(evaluateRule(cond('>', 0.1, 0), series, at(3))).toMatchObject({ state: 'inactive', value: 0.02 })
})

test('a series with no samples is nodata, never ok', () => {
  expect(evaluateRule(ABOVE, grid(repeat(null, 50)), at(49))).toMatchObject({ state: 'nodata', value: null, since: T0 })
  expect(evaluateRule(ABOVE, grid([]), at(3))).toMatchObject({ state: 'nodata', value: null })
})

test('a gap shorter than the lookback carries the last value; a longer one is nodata from when it expired', () => {
  const values = [...repeat(0.01, 3), ...repeat(null, 40), 0.01]
  // Last sample at index 2 expires at index 32 (300 s later).
  expect(evaluateRule(ABOVE, grid(values), at(31))).toMatchObject({ state: 'inactive', value: 0.01, since: null })
  expect(evaluateRule(ABOVE, grid(values), at(32))).toMatchObject({ state: 'nodata', since: at(32) })
  expect(evaluateRule(ABOVE, grid(values), at(43))).toMatchObject({ state: 'inactive', since: at(43), resolvedAt: null })
})

test('nodata interrupts a pending alert: its clock starts again when data returns', () => {
  const values = [...repeat(0.2, 5), ...repeat(null, 30), ...repeat(0.2, 3)]
  const result = evaluateRule(ABOVE, grid(values), at(37))
  expect(result).toMatchObject({ state: 'pending', activeAt: at(35), since: at(35) })
})

test('nodata interrupts a firing alert without calling it resolved', () => {
  const values = [...repeat(0.2, 10), ...repeat(null, 40)]
  expect(evaluateRule(ABOVE, grid(values), at(49))).toMatchObject({ state: 'nodata', since: at(39), resolvedAt: null })
})

test('before the series starts there is nothing to evaluate', () => {
  expect(evaluateRule(ABOVE, grid([0.2]), T0 - 1)).toEqual({
    state: 'nodata',
    value: null,
    since: null,
    activeAt: null,
    resolvedAt: null,
    at: T0 - 1,
  })
})

test('now between grid points is evaluated itself: for: 55 s fires at +55 s, not at the next sample', () => {
  const rule = cond('>', 0.1, 55 * S)
  const series = grid(repeat(0.2, 20))
  expect(evaluateRule(rule, series, at(5) + 4 * S)).toMatchObject({ state: 'pending', activeAt: T0 })
  expect(evaluateRule(rule, series, at(5) + 5 * S)).toMatchObject({ state: 'firing', since: at(5) + 5 * S })
})

test('past the end of the series the last value holds for the lookback, then the rule has no data', () => {
  const series = grid(repeat(0.2, 3))
  expect(evaluateRule(ABOVE, series, at(2) + 100 * S)).toMatchObject({ state: 'firing', since: at(6), value: 0.2 })
  expect(evaluateRule(ABOVE, series, at(2) + LOOKBACK_MS)).toMatchObject({ state: 'nodata', since: at(32) })
  // Far ahead: the walk stops at the expiry, not at now.
  expect(evaluateRule(ABOVE, series, at(2) + 365 * 24 * 60 * MIN)).toMatchObject({ state: 'nodata', since: at(32) })
})

test('between grid points the lookback is still left-open: a sample counts until exactly 5 min later', () => {
  // A 7 s step: five minutes after the sample falls between grid points.
  const series = grid([0.5], 7)
  expect(evaluateRule(cond('>', 0.1, 0), series, T0 + LOOKBACK_MS - 1)).toMatchObject({ state: 'firing', value: 0.5 })
  expect(evaluateRule(cond('>', 0.1, 0), series, T0 + LOOKBACK_MS)).toMatchObject({
    state: 'nodata',
    value: null,
    since: T0 + LOOKBACK_MS,
  })
})

test('a coarser step keeps the same lookback in time', () => {
  // 60 s samples: the sample at T0 still counts at +4 min, not at +5 min.
  const series = grid([0.5, null, null, null, null, null], 60)
  expect(evaluateRule(cond('>', 0.1, 0), series, T0 + 4 * MIN).state).toBe('firing')
  expect(evaluateRule(cond('>', 0.1, 0), series, T0 + 5 * MIN).state).toBe('nodata')
})

// ---------------------------------------------------------------- spans

test('alertSpans shades pending, then firing, then nodata after the data stops', () => {
  const values = [...repeat(0.01, 3), ...repeat(0.2, 10), ...repeat(0.01, 3), ...repeat(null, 35)]
  expect(alertSpans(ABOVE, grid(values))).toEqual<AlertSpan[]>([
    { state: 'pending', fromMs: at(3), toMs: at(9), ongoing: false },
    { state: 'firing', fromMs: at(9), toMs: at(13), ongoing: false },
    { state: 'nodata', fromMs: at(45), toMs: at(50), ongoing: true },
  ])
})

test('alertSpans is empty for a quiet series and for an empty one', () => {
  expect(alertSpans(ABOVE, grid(repeat(0.01, 500)))).toEqual([])
  expect(alertSpans(ABOVE, grid([]))).toEqual([])
})

test('an alert still firing at the end is an open span to the last sample', () => {
  expect(alertSpans(cond('>=', 1, 0), grid([0.2, 1, 1]))).toEqual([
    { state: 'firing', fromMs: at(1), toMs: at(2), ongoing: true },
  ])
})

/** A tiny seeded PRNG (mulberry32): the same seed gives the same series on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function stateFromSpans(spans: readonly AlertSpan[], t: number): AlertState {
  const span = spans.find((s) => t >= s.fromMs && (t < s.toMs || (s.ongoing && t === s.toMs)))
  return span?.state ?? 'inactive'
}

test.each(Array.from({ length: 12 }, (_, seed) => seed))(
  'alertSpans agrees with evaluateRule at every sample (seed %i)',
  (seed) => {
    const next = random(seed)
    // Runs of breaching, quiet and missing data of random lengths.
    const values: (number | null)[] = []
    while (values.length < 240) {
      const kind = next()
      const run = 1 + Math.floor(next() * 40)
      const value = kind < 0.15 ? null : kind < 0.55 ? 0.2 : kind < 0.6 ? 0.1 : 0.03
      values.push(...repeat(value, run))
    }
    const series = grid(values)
    const rule = cond(next() < 0.5 ? '>' : '>=', 0.1, Math.floor(next() * 12) * STEP)
    const spans = alertSpans(rule, series)
    for (let i = 0; i < values.length; i++) {
      expect(stateFromSpans(spans, at(i)), `sample ${i}`).toBe(evaluateRule(rule, series, at(i)).state)
    }
    // Spans are ordered, non-overlapping and never adjacent in the same state.
    for (let k = 1; k < spans.length; k++) {
      const prev = spans[k - 1]
      const span = spans[k]
      expect(prev && span && prev.toMs <= span.fromMs).toBe(true)
      if (prev?.toMs === span?.fromMs) expect(prev?.state).not.toBe(span?.state)
    }
  },
)

// ---------------------------------------------------------------- evaluateAll and health

const HEALTHY: Partial<Record<MetricId, number>> = {
  'agent.up': 1, 'stt.up': 1, 'llm.up': 1, 'tts.up': 1, 'livekit.up': 1, 'db.up': 1,
  'stt.error_rate': 0.008, 'llm.error_rate': 0.008, 'tts.error_rate': 0.008,
  'stt.retry_rate': 0.012, 'llm.retry_rate': 0.012, 'tts.retry_rate': 0.012,
  'stt.latency.p95': 640, 'llm.latency.p95': 900, 'tts.latency.p95': 420, 'turn.latency.p95': 1900,
  'quota.openai': 0.4, 'quota.groq': 0.2, 'host.cpu': 0.3, 'host.memory': 0.5, 'db.pool_use': 0.42,
}
/** A 30-minute window of 10 s samples. */
const N = 181
const NOW = at(N - 1)

/**
 * A healthy world, except the metrics given: `[value, minutes]` is that value for the
 * last minutes, `null` is a metric that is not reported at all.
 */
function world(changes: Partial<Record<MetricId, [number | null, number] | null>> = {}) {
  const series: Partial<Record<MetricId, GridSeries>> = {}
  for (const [metric, base] of Object.entries(HEALTHY) as [MetricId, number][]) {
    const change = changes[metric]
    if (change === null) continue
    const values: (number | null)[] = repeat(base, N)
    if (change) values.fill(change[0], N - 1 - (change[1] * MIN) / STEP)
    series[metric] = grid(values)
  }
  return evaluateAll(ALERT_INSTANCES, series, NOW)
}

test('evaluateAll returns one result per instance, in order; an absent series is nodata', () => {
  const results = evaluateAll(ALERT_INSTANCES, { 'stt.error_rate': grid(repeat(0.2, N)) }, NOW)
  expect(results.map((r) => r.instance.id)).toEqual(ALERT_INSTANCES.map((i) => i.id))
  const byId = new Map(results.map((r) => [r.instance.id, r]))
  expect(byId.get('error-rate-critical:stt')).toMatchObject({ state: 'firing', value: 0.2, activeAt: T0 })
  expect(byId.get('error-rate-warning:stt')).toMatchObject({ state: 'firing', since: T0 + 15 * MIN })
  expect(byId.get('service-down:stt')).toMatchObject({ state: 'nodata', value: null, since: null })
  expect(results.filter((r) => r.state === 'nodata')).toHaveLength(ALERT_INSTANCES.length - 2)
})

test('in a healthy world every rule is inactive', () => {
  expect(world().map((r) => r.state)).toEqual(repeat('inactive', ALERT_INSTANCES.length))
})

test.each<[string, ComponentId, Parameters<typeof world>[0], HealthVerdict]>([
  ['healthy', 'stt', {}, {
    state: 'up', reason: 'All rules inactive (error rate 0.8 %, P95 latency 640 ms, retry rate 1.2 %)', ruleId: null, alertId: null,
  }],
  ['healthy', 'agent', {}, { state: 'up', reason: 'All rules inactive (up)', ruleId: null, alertId: null }],
  ['healthy', 'livekit', {}, { state: 'up', reason: 'All rules inactive (up)', ruleId: null, alertId: null }],
  ['healthy', 'database', {}, { state: 'up', reason: 'All rules inactive (connection-pool use 42 %)', ruleId: null, alertId: null }],
  ['healthy', 'groq', {}, { state: 'up', reason: 'All rules inactive (quota use 20 %)', ruleId: null, alertId: null }],
  ['error rate 14.2 % for 6 min', 'stt', { 'stt.error_rate': [0.142, 6] }, {
    state: 'down', reason: 'STT error rate 14.2 % > 10 % for 5 min — firing', ruleId: 'error-rate-critical', alertId: 'error-rate-critical:stt',
  }],
  ['error rate 14.2 % for 2 min (critical pending)', 'stt', { 'stt.error_rate': [0.142, 2] }, {
    state: 'degraded', reason: 'STT error rate 14.2 % > 10 % for 2 min of 5 min — pending', ruleId: 'error-rate-critical', alertId: 'error-rate-critical:stt',
  }],
  ['error rate 7 % for 16 min (warning firing)', 'llm', { 'llm.error_rate': [0.07, 16] }, {
    state: 'degraded', reason: 'LLM error rate 7 % > 5 % for 15 min — firing', ruleId: 'error-rate-warning', alertId: 'error-rate-warning:llm',
  }],
  ['P95 3.4 s for 2 min', 'tts', { 'tts.latency.p95': [3400, 2] }, {
    state: 'degraded', reason: 'TTS P95 latency 3.4 s > 3 s for 1 min — firing', ruleId: 'latency-p95', alertId: 'latency-p95:tts',
  }],
  ['P95 exactly 3 s (not above)', 'tts', { 'tts.latency.p95': [3000, 10] }, {
    state: 'up', reason: 'All rules inactive (error rate 0.8 %, P95 latency 3 s, retry rate 1.2 %)', ruleId: null, alertId: null,
  }],
  ['down for 2 min', 'llm', { 'llm.up': [0, 2] }, {
    state: 'down', reason: 'LLM down > 1 min — firing', ruleId: 'service-down', alertId: 'service-down:llm',
  }],
  // The agent process: the runbook's P1 "Voice Agent Service Down".
  ['agent down for 2 min', 'agent', { 'agent.up': [0, 2] }, {
    state: 'down', reason: 'Voice agent down > 1 min — firing', ruleId: 'service-down', alertId: 'service-down:agent',
  }],
  ['agent down for 30 s', 'agent', { 'agent.up': [0, 0.5] }, {
    state: 'degraded', reason: 'Voice agent down for 30 s of 1 min — pending', ruleId: 'service-down', alertId: 'service-down:agent',
  }],
  ['agent health not reported', 'agent', { 'agent.up': null }, {
    state: 'unknown', reason: 'No data for Voice agent up', ruleId: null, alertId: null,
  }],
  ['down for 30 s', 'llm', { 'llm.up': [0, 0.5] }, {
    state: 'degraded', reason: 'LLM down for 30 s of 1 min — pending', ruleId: 'service-down', alertId: 'service-down:llm',
  }],
  ['down beats degraded', 'stt', { 'stt.error_rate': [0.3, 20], 'stt.latency.p95': [5000, 20] }, {
    state: 'down', reason: 'STT error rate 30 % > 10 % for 5 min — firing', ruleId: 'error-rate-critical', alertId: 'error-rate-critical:stt',
  }],
  // Both database rules fire; the connection check fired first, so it decides.
  ['db.up 0 for 3 min', 'database', { 'db.up': [0, 3] }, {
    state: 'down', reason: 'Database connection lost — firing', ruleId: 'database-connection-lost', alertId: 'database-connection-lost:database',
  }],
  ['pool at 85 % for 6 min', 'database', { 'db.pool_use': [0.85, 6] }, {
    state: 'degraded', reason: 'Database connection-pool use 85 % > 80 % for 5 min — firing', ruleId: 'resource-usage', alertId: 'resource-usage:database',
  }],
  ['quota at 100 %', 'openai', { 'quota.openai': [1, 0] }, {
    state: 'down', reason: 'OpenAI API quota use 100 % ≥ 100 % — firing', ruleId: 'quota-exceeded', alertId: 'quota-exceeded:openai',
  }],
  ['quota at 99 %', 'openai', { 'quota.openai': [0.99, 10] }, {
    state: 'up', reason: 'All rules inactive (quota use 99 %)', ruleId: null, alertId: null,
  }],
  ['no up signal', 'stt', { 'stt.up': null }, { state: 'unknown', reason: 'No data for STT up', ruleId: null, alertId: null }],
  ['quota not reported', 'groq', { 'quota.groq': null }, { state: 'unknown', reason: 'No data for Groq API quota use', ruleId: null, alertId: null }],
  ['up stopped reporting 6 min ago', 'livekit', { 'livekit.up': [null, 6] }, {
    state: 'unknown', reason: 'No data for LiveKit up', ruleId: null, alertId: null,
  }],
  // A firing warning is evidence; it outranks missing data.
  ['no up signal but latency firing', 'stt', { 'stt.up': null, 'stt.latency.p95': [4000, 3] }, {
    state: 'degraded', reason: 'STT P95 latency 4 s > 3 s for 1 min — firing', ruleId: 'latency-p95', alertId: 'latency-p95:stt',
  }],
  ['retry rate not reported', 'tts', { 'tts.retry_rate': null }, {
    state: 'up', reason: 'All rules inactive (error rate 0.8 %, P95 latency 420 ms, retry rate no data)', ruleId: null, alertId: null,
  }],
  // Host and turn rules decide no tile.
  ['host CPU at 95 %', 'stt', { 'host.cpu': [0.95, 20], 'turn.latency.p95': [5000, 20] }, {
    state: 'up', reason: 'All rules inactive (error rate 0.8 %, P95 latency 640 ms, retry rate 1.2 %)', ruleId: null, alertId: null,
  }],
])('%s: %s health', (_name, component, changes, expected) => {
  expect(componentHealth(component, world(changes))).toEqual(expected)
})

test('with no results at all every component is unknown', () => {
  expect(componentHealth('database', [])).toEqual({
    state: 'unknown',
    reason: 'No data for Database up',
    ruleId: null,
    alertId: null,
  })
})

const instance = (id: string) => {
  const found = ALERT_INSTANCES.find((i) => i.id === id)
  if (!found) throw new Error(`no instance ${id}`)
  return found
}

test.each<[string, Omit<AlertResult, 'instance' | 'resolvedAt' | 'at'>, string]>([
  ['error-rate-critical:stt', { state: 'firing', value: 0.142, since: NOW - MIN, activeAt: NOW - 6 * MIN }, 'STT error rate 14.2 % > 10 % for 5 min — firing'],
  ['error-rate-critical:stt', { state: 'pending', value: 0.142, since: NOW - 150 * S, activeAt: NOW - 150 * S }, 'STT error rate 14.2 % > 10 % for 2 min 30 s of 5 min — pending'],
  ['error-rate-critical:stt', { state: 'inactive', value: 0.008, since: null, activeAt: null }, 'STT error rate 0.8 % — inactive'],
  ['error-rate-critical:stt', { state: 'nodata', value: null, since: T0, activeAt: null }, 'STT error rate: no data'],
  ['latency-p95:turn', { state: 'firing', value: 4200, since: NOW, activeAt: NOW - MIN }, 'Turn P95 latency 4.2 s > 3 s for 1 min — firing'],
  ['resource-usage:host.memory', { state: 'pending', value: 0.91, since: NOW - MIN, activeAt: NOW - MIN }, 'Host memory 91 % > 80 % for 1 min of 5 min — pending'],
  ['quota-exceeded:groq', { state: 'firing', value: 1.02, since: NOW, activeAt: NOW }, 'Groq API quota use 102 % ≥ 100 % — firing'],
  ['service-down:livekit', { state: 'firing', value: 0, since: NOW, activeAt: NOW - MIN }, 'LiveKit down > 1 min — firing'],
  ['service-down:livekit', { state: 'pending', value: 0, since: NOW - 20 * S, activeAt: NOW - 20 * S }, 'LiveKit down for 20 s of 1 min — pending'],
  ['database-connection-lost:database', { state: 'firing', value: 0, since: NOW, activeAt: NOW }, 'Database connection lost — firing'],
])('describeAlert(%s, …) reads %j', (id, evaluation, text) => {
  expect(describeAlert({ instance: instance(id), resolvedAt: null, at: NOW, ...evaluation })).toBe(text)
})
