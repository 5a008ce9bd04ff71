import { COMPONENTS, type MetricId, type Provider } from './catalog'
import { ALERT_INSTANCES } from './alert-rules'
import { componentHealth, evaluateAll, type GridSeries, type HealthVerdict } from './alert-engine'
import { PROVIDER_CALLER_ALERTS, PROVIDER_CALLERS, healthVerdict, providerHealth } from './provider-health'

const MIN = 60_000
const STEP = 10_000
const T0 = Date.UTC(2026, 10, 27, 10, 0)
/** A 30-minute window of 10 s samples. */
const N = 181
const NOW = T0 + (N - 1) * STEP

const HEALTHY: Partial<Record<MetricId, number>> = {
  'agent.up': 1, 'stt.up': 1, 'llm.up': 1, 'tts.up': 1, 'livekit.up': 1, 'db.up': 1,
  'stt.error_rate': 0.008, 'llm.error_rate': 0.008, 'tts.error_rate': 0.008,
  'stt.retry_rate': 0.012, 'llm.retry_rate': 0.012, 'tts.retry_rate': 0.012,
  'stt.latency.p95': 640, 'llm.latency.p95': 900, 'tts.latency.p95': 420, 'turn.latency.p95': 1900,
  'quota.openai': 0.4, 'quota.groq': 0.2, 'host.cpu': 0.3, 'host.memory': 0.5, 'db.pool_use': 0.42,
}

/**
 * Every rule evaluated over a healthy world, except the metrics given: `[value, minutes]`
 * is that value for the last minutes, `null` a metric that is not reported at all.
 */
function world(changes: Partial<Record<MetricId, [number, number] | null>> = {}) {
  const series: Partial<Record<MetricId, GridSeries>> = {}
  for (const [metric, base] of Object.entries(HEALTHY) as [MetricId, number][]) {
    const change = changes[metric]
    if (change === null) continue
    const values: number[] = Array.from({ length: N }, () => base)
    if (change) values.fill(change[0], N - 1 - (change[1] * MIN) / STEP)
    series[metric] = { fromMs: T0, stepS: STEP / 1000, values }
  }
  return evaluateAll(ALERT_INSTANCES, series, NOW)
}

const up = (reason: string): HealthVerdict => ({ state: 'up', reason, ruleId: null, alertId: null })

test('OpenAI is judged by the outage rules of STT and TTS; Groq, reached only as the LLM fallback, by its quota alone', () => {
  expect(PROVIDER_CALLERS).toEqual({ openai: ['stt', 'tts'], groq: [] })
  expect(PROVIDER_CALLER_ALERTS.openai.map((i) => i.id)).toEqual([
    'service-down:stt',
    'service-down:tts',
    'error-rate-critical:stt',
    'error-rate-critical:tts',
  ])
  expect(PROVIDER_CALLER_ALERTS.groq).toEqual([])
  // Existing rule instances, not new ones: /alerts lists exactly the same alerts.
  for (const instance of PROVIDER_CALLER_ALERTS.openai) expect(ALERT_INSTANCES).toContain(instance)
})

test.each<[string, Provider, Parameters<typeof world>[0], HealthVerdict]>([
  ['healthy', 'openai', {}, up('All rules inactive (quota use 40 %)')],
  ['healthy', 'groq', {}, up('All rules inactive (quota use 20 %)')],
  ['STT and TTS down for 3 min', 'openai', { 'stt.up': [0, 3], 'tts.up': [0, 3] }, {
    state: 'down', reason: 'STT and TTS down > 1 min — firing', ruleId: 'service-down', alertId: 'service-down:stt',
  }],
  // The caller whose alert has fired longest decides.
  ['TTS down for 4 min, STT for 2 min', 'openai', { 'stt.up': [0, 2], 'tts.up': [0, 4] }, {
    state: 'down', reason: 'STT and TTS down > 1 min — firing', ruleId: 'service-down', alertId: 'service-down:tts',
  }],
  ['STT down, TTS erroring at 30 % for 6 min', 'openai', { 'stt.up': [0, 3], 'tts.error_rate': [0.3, 6] }, {
    state: 'down',
    reason: 'STT down > 1 min — firing; TTS error rate 30 % > 10 % for 5 min — firing',
    ruleId: 'service-down',
    alertId: 'service-down:stt',
  }],
  ['STT and TTS erroring at 14.2 % for 7 min', 'openai', { 'stt.error_rate': [0.142, 7], 'tts.error_rate': [0.142, 7] }, {
    state: 'down', reason: 'STT and TTS error rate > 10 % — firing', ruleId: 'error-rate-critical', alertId: 'error-rate-critical:stt',
  }],
  // One caller failing is a partial outage, or the caller's own fault: suspect, not down.
  ['only STT down', 'openai', { 'stt.up': [0, 3] }, {
    state: 'degraded', reason: 'STT down > 1 min — firing; TTS unaffected', ruleId: 'service-down', alertId: 'service-down:stt',
  }],
  ['STT and TTS erroring for 2 min (pending)', 'openai', { 'stt.error_rate': [0.142, 2], 'tts.error_rate': [0.142, 2] }, {
    state: 'degraded', reason: 'STT and TTS error rate > 10 % — pending', ruleId: 'error-rate-critical', alertId: 'error-rate-critical:stt',
  }],
  ['STT down, TTS erroring for 2 min', 'openai', { 'stt.up': [0, 3], 'tts.error_rate': [0.142, 2] }, {
    state: 'degraded',
    reason: 'STT down > 1 min — firing; TTS error rate 14.2 % > 10 % for 2 min of 5 min — pending',
    ruleId: 'service-down',
    alertId: 'service-down:stt',
  }],
  ['STT down, TTS not reporting', 'openai', { 'stt.up': [0, 3], 'tts.up': null, 'tts.error_rate': null }, {
    state: 'degraded', reason: 'STT down > 1 min — firing; no data for TTS', ruleId: 'service-down', alertId: 'service-down:stt',
  }],
  // Its own series is the direct evidence: it decides when it fires.
  ['quota used up while STT and TTS are down', 'openai', { 'quota.openai': [1, 2], 'stt.up': [0, 5], 'tts.up': [0, 5] }, {
    state: 'down', reason: 'OpenAI API quota use 100 % ≥ 100 % — firing', ruleId: 'quota-exceeded', alertId: 'quota-exceeded:openai',
  }],
  ['quota used up, callers fine', 'groq', { 'quota.groq': [1, 1] }, {
    state: 'down', reason: 'Groq API quota use 100 % ≥ 100 % — firing', ruleId: 'quota-exceeded', alertId: 'quota-exceeded:groq',
  }],
  // Warnings on the callers are not outage evidence: a slow host raises them everywhere.
  ['STT and TTS slow and erroring at 7 % for 20 min', 'openai', {
    'stt.latency.p95': [5000, 20], 'tts.latency.p95': [5000, 20], 'stt.error_rate': [0.07, 20], 'tts.error_rate': [0.07, 20],
  }, up('All rules inactive (quota use 40 %)')],
  // The LLM fails against Ollama; its fallback provider is not to blame, nor is OpenAI.
  ['LLM down and erroring', 'groq', { 'llm.up': [0, 10], 'llm.error_rate': [0.3, 10] }, up('All rules inactive (quota use 20 %)')],
  ['LLM down and erroring', 'openai', { 'llm.up': [0, 10], 'llm.error_rate': [0.3, 10] }, up('All rules inactive (quota use 40 %)')],
  ['quota not reported, callers fine', 'openai', { 'quota.openai': null }, {
    state: 'unknown', reason: 'No data for OpenAI API quota use', ruleId: null, alertId: null,
  }],
  // Evidence outranks missing data, as on every tile.
  ['quota not reported, STT and TTS down', 'openai', { 'quota.openai': null, 'stt.up': [0, 3], 'tts.up': [0, 3] }, {
    state: 'down', reason: 'STT and TTS down > 1 min — firing', ruleId: 'service-down', alertId: 'service-down:stt',
  }],
])('%s: %s', (_name, provider, changes, expected) => {
  expect(providerHealth(provider, world(changes))).toEqual(expected)
})

test('a provider with no results at all is unknown, not up', () => {
  expect(providerHealth('openai', [])).toEqual({
    state: 'unknown',
    reason: 'No data for OpenAI API quota use',
    ruleId: null,
    alertId: null,
  })
})

test('healthVerdict judges providers by their callers too, and every other component by its own rules', () => {
  const results = world({ 'stt.up': [0, 3], 'tts.up': [0, 3], 'db.up': [0, 3] })
  for (const component of COMPONENTS) {
    const expected =
      component === 'openai' || component === 'groq' ? providerHealth(component, results) : componentHealth(component, results)
    expect(healthVerdict(component, results), component).toEqual(expected)
  }
  expect(healthVerdict('openai', results).state).toBe('down')
  expect(componentHealth('openai', results).state).toBe('up')
})
