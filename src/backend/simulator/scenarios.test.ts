import { METRIC_IDS, SCENARIOS, SERVICES, type MetricId, type ScenarioName } from '@/domain/catalog'
import { AGENT_CRASH_MS } from './effects'
import { SCENARIO_LEAD_MS, scenarioAt, type SimConfig } from './scenarios'
import { generateMany } from './series'

const SEC = 1000
const MIN = 60 * SEC
const HOUR = 60 * MIN
const NOW = Date.parse('2026-11-27T15:00:00Z')

/** A world where `scenario` was switched on at NOW, so it began its lead before. */
function world(scenario: ScenarioName, seed = 42): { config: SimConfig; onset: number } {
  const onset = NOW - SCENARIO_LEAD_MS[scenario]
  return { config: { seed, epochs: [{ scenario, fromMs: onset }] }, onset }
}

/** Non-null 10-second values of each metric over [from, to]. */
function sample(config: SimConfig, from: number, to: number): Record<MetricId, number[]> {
  const series = generateMany(config, METRIC_IDS, from, to, 10)
  return Object.fromEntries(series.map((s) => [s.metric, s.values.filter((v): v is number => v !== null)])) as Record<
    MetricId,
    number[]
  >
}

const max = (vs: number[]) => Math.max(...vs)
const min = (vs: number[]) => Math.min(...vs)
const mean = (vs: number[]) => vs.reduce((a, b) => a + b, 0) / vs.length

describe('scenarioAt', () => {
  const config: SimConfig = {
    seed: 1,
    epochs: [
      { scenario: 'openai-outage', fromMs: 1_000 },
      { scenario: 'healthy', fromMs: 5_000 },
      { scenario: 'rate-limiting', fromMs: 9_000 },
    ],
  }
  test.each([
    [0, 'healthy', 0],
    [999, 'healthy', 0],
    [1_000, 'openai-outage', 1_000],
    [4_999, 'openai-outage', 1_000],
    [5_000, 'healthy', 5_000],
    [9_000, 'rate-limiting', 9_000],
    [NOW, 'rate-limiting', 9_000],
  ] as const)('at %i ms: %s since %i', (t, scenario, sinceMs) => {
    expect(scenarioAt(config, t)).toEqual({ scenario, sinceMs })
  })

  test('with no epochs the world is healthy', () => {
    expect(scenarioAt({ seed: 1, epochs: [] }, NOW)).toEqual({ scenario: 'healthy', sinceMs: 0 })
  })

  test('epochs out of order are read in time order', () => {
    const reversed = { seed: 1, epochs: [...config.epochs].reverse() }
    expect(scenarioAt(reversed, 6_000)).toEqual({ scenario: 'healthy', sinceMs: 5_000 })
  })
})

test.each([
  ['healthy', 0, 0],
  ['agent-down', 15 * MIN, 30 * MIN],
  ['openai-outage', 15 * MIN, 30 * MIN],
  ['llm-timeout', 15 * MIN, 30 * MIN],
  ['livekit-outage', 15 * MIN, 30 * MIN],
  ['db-connection-lost', 15 * MIN, 30 * MIN],
  ['rate-limiting', 15 * MIN, 30 * MIN],
  ['slow-degradation', 150 * MIN, 240 * MIN],
] as const)('%s begins between %i and %i ms before it is switched on', (scenario, low, high) => {
  expect(SCENARIO_LEAD_MS[scenario]).toBeGreaterThanOrEqual(low)
  expect(SCENARIO_LEAD_MS[scenario]).toBeLessThanOrEqual(high)
})

describe('healthy baseline sits inside the runbook thresholds all day', () => {
  test.each([1, 2, 42, 1234, 987_654_321])('seed %i, 24 h', (seed) => {
    const day = sample({ seed, epochs: [] }, NOW - 24 * HOUR, NOW)
    for (const service of SERVICES) {
      expect(max(day[`${service}.latency.p95`])).toBeLessThan(3000)
      expect(max(day[`${service}.error_rate`])).toBeLessThan(0.05)
      expect(max(day[`${service}.error_rate`])).toBeLessThanOrEqual(0.015)
      expect(min(day[`${service}.error_rate`])).toBeGreaterThanOrEqual(0.003)
      expect(max(day[`${service}.retry_rate`])).toBeLessThan(0.02)
      expect(min(day[`${service}.up`])).toBe(1)
      expect(min(day[`${service}.requests`])).toBeGreaterThan(1)
    }
    expect(min(day['stt.latency.p95'])).toBeGreaterThanOrEqual(400)
    expect(max(day['stt.latency.p95'])).toBeLessThanOrEqual(700)
    expect(min(day['llm.latency.p95'])).toBeGreaterThanOrEqual(800)
    expect(max(day['llm.latency.p95'])).toBeLessThanOrEqual(1500)
    expect(min(day['tts.latency.p95'])).toBeGreaterThanOrEqual(300)
    expect(max(day['tts.latency.p95'])).toBeLessThanOrEqual(600)
    expect(max(day['turn.latency.p95'])).toBeLessThan(3000)
    for (const m of ['host.cpu', 'host.memory', 'db.pool_use', 'quota.openai', 'quota.groq'] as const) {
      expect(max(day[m]), m).toBeLessThan(0.7)
    }
    expect(min(day['agent.up'])).toBe(1)
    expect(min(day['livekit.up'])).toBe(1)
    expect(min(day['db.up'])).toBe(1)
    expect(min(day['livekit.connect_success'])).toBeGreaterThan(0.98)
    expect(max(day['db.latency'])).toBeLessThan(50)
    expect(max(day['db.save_failures'])).toBe(0)
  })

  test('p95 is above p50 for every service, and a turn takes longer than its parts', () => {
    const hour = sample({ seed: 3, epochs: [] }, NOW - HOUR, NOW)
    for (const service of [...SERVICES, 'turn'] as const) {
      hour[`${service}.latency.p95`].forEach((p95, i) => {
        expect(p95).toBeGreaterThan(hour[`${service}.latency.p50`][i] ?? Infinity)
      })
    }
    expect(min(hour['turn.latency.p50'])).toBeGreaterThan(
      max(hour['stt.latency.p50']) + max(hour['llm.latency.p50']) + max(hour['tts.latency.p50']) - 100,
    )
  })
})

describe('agent-down', () => {
  const { config, onset } = world('agent-down')
  const before = sample(config, onset - 10 * MIN, onset)
  const crash = onset + AGENT_CRASH_MS
  // What the agent itself exports: gone with its process.
  const exported = METRIC_IDS.filter(
    (m) => /^(stt|llm|tts|turn)\./.test(m) || m.startsWith('quota.') || ['livekit.connect_success', 'db.latency', 'db.pool_use', 'db.save_failures'].includes(m),
  )

  test('the process stalls for well under the rule\'s minute, then its health check fails for good', () => {
    expect(AGENT_CRASH_MS).toBeGreaterThanOrEqual(10 * SEC)
    expect(AGENT_CRASH_MS).toBeLessThan(MIN)
    const up = generateMany(config, ['agent.up'], onset, NOW, 10)[0]?.values ?? []
    const crashedAt = up.indexOf(0)
    expect(crashedAt).toBe(AGENT_CRASH_MS / (10 * SEC))
    expect(up.slice(0, crashedAt)).toEqual(new Array(crashedAt).fill(1))
    expect(up.slice(crashedAt)).not.toContain(1)
  })

  test('while it stalls, turns hang: stage and turn latencies climb and fewer requests complete', () => {
    // The last sample before the crash, the stall three quarters ramped in.
    const stall = sample(config, crash - 10 * SEC, crash - 10 * SEC)
    expect(stall['turn.latency.p95']).toHaveLength(1)
    for (const service of SERVICES) {
      expect(min(stall[`${service}.latency.p95`]), service).toBeGreaterThan(2 * mean(before[`${service}.latency.p95`]))
      expect(max(stall[`${service}.requests`]), service).toBeLessThan(0.7 * mean(before[`${service}.requests`]))
    }
    expect(min(stall['turn.latency.p95'])).toBeGreaterThan(3000)
  })

  test('after the crash everything the agent exported has no data (not zeros)', () => {
    const after = sample(config, crash, NOW)
    for (const metric of exported) expect(after[metric], metric).toEqual([])
    expect(exported).toHaveLength(6 * 3 + 2 + 1 + 3 + 2)
  })

  test('what others export goes on: LiveKit and the database are up, rooms drain, the host idles', () => {
    const after = sample(config, crash + 5 * MIN, NOW)
    expect(after['livekit.rooms'].length).toBeGreaterThan(60)
    expect(min(after['livekit.up'])).toBe(1)
    expect(min(after['db.up'])).toBe(1)
    expect(max(after['livekit.rooms'])).toBeLessThan(0.25 * min(before['livekit.rooms']))
    expect(max(after['host.cpu'])).toBeLessThan(0.5 * min(before['host.cpu']))
    expect(max(after['host.memory'])).toBeLessThan(min(before['host.memory']))
  })
})

// The runbook's other incidents ("Agent Not Responding" from STT, LLM, TTS or LiveKit
// failures, a lost database, rate limits) leave the agent process running: it answers
// its health check while its dependencies fail. Only a crash takes agent.up to 0.
test.each(SCENARIOS.filter((s) => s !== 'agent-down'))('%s leaves the agent process up', (scenario) => {
  const { config, onset } = world(scenario)
  expect(min(sample(config, onset, NOW)['agent.up'])).toBe(1)
})

describe('openai-outage', () => {
  const { config, onset } = world('openai-outage')
  const during = sample(config, onset + 2 * MIN, NOW)

  test.each(['stt', 'tts'] as const)('%s fails: error rate 40–95 %%, retries high, down', (service) => {
    expect(min(during[`${service}.error_rate`])).toBeGreaterThan(0.4)
    expect(max(during[`${service}.error_rate`])).toBeLessThan(0.95)
    expect(min(during[`${service}.retry_rate`])).toBeGreaterThan(0.1)
    expect(max(during[`${service}.up`])).toBe(0)
    expect(min(during[`${service}.latency.p95`])).toBeGreaterThan(3000)
  })

  test('the LLM runs on Ollama and stays healthy', () => {
    expect(max(during['llm.error_rate'])).toBeLessThan(0.02)
    expect(max(during['llm.latency.p95'])).toBeLessThan(3000)
    expect(min(during['llm.up'])).toBe(1)
  })

  test('turns slow down', () => {
    expect(min(during['turn.latency.p95'])).toBeGreaterThan(3000)
  })

  test('the services go down about a minute after onset, and the errors ramp in', () => {
    const early = generateMany(config, ['stt.up', 'stt.error_rate'], onset, onset + 2 * MIN, 10)
    const [up, errors] = early.map((s) => s.values)
    expect(up?.slice(0, 6)).toEqual([1, 1, 1, 1, 1, 1])
    expect(up?.slice(6)).not.toContain(1)
    expect(errors?.[1]).toBeLessThan(errors?.[6] ?? 0)
    expect(errors?.[1]).toBeGreaterThan(0.02)
  })
})

describe('llm-timeout', () => {
  const { config, onset } = world('llm-timeout')
  const during = sample(config, onset + 2 * MIN, NOW)

  test('LLM p95 is 8–30 s, errors 15–40 %, retries up', () => {
    expect(min(during['llm.latency.p95'])).toBeGreaterThan(8000)
    expect(max(during['llm.latency.p95'])).toBeLessThan(30_000)
    expect(min(during['llm.error_rate'])).toBeGreaterThan(0.15)
    expect(max(during['llm.error_rate'])).toBeLessThan(0.4)
    expect(min(during['llm.retry_rate'])).toBeGreaterThan(0.1)
    expect(min(during['turn.latency.p95'])).toBeGreaterThan(3000)
  })

  test.each(['stt', 'tts'] as const)('%s is fine', (service) => {
    expect(max(during[`${service}.error_rate`])).toBeLessThan(0.02)
    expect(max(during[`${service}.latency.p95`])).toBeLessThan(3000)
  })
})

describe('livekit-outage', () => {
  const { config, onset } = world('livekit-outage')
  const before = sample(config, onset - 10 * MIN, onset)
  const during = sample(config, onset + 2 * MIN, NOW)

  test('LiveKit is down and nobody connects', () => {
    expect(max(during['livekit.up'])).toBe(0)
    expect(max(during['livekit.connect_success'])).toBeLessThan(0.05)
    expect(max(during['livekit.rooms'])).toBeLessThan(0.1 * min(before['livekit.rooms']))
  })

  test.each(SERVICES)('no users reach %s: its request rate collapses', (service) => {
    expect(mean(during[`${service}.requests`])).toBeLessThan(0.1 * mean(before[`${service}.requests`]))
    expect(min(during[`${service}.up`])).toBe(1)
  })
})

describe('db-connection-lost', () => {
  const { config, onset } = world('db-connection-lost')

  test('the database is down, its latency has no data, the pool is full, saves fail', () => {
    const during = sample(config, onset + MIN, NOW)
    expect(max(during['db.up'])).toBe(0)
    expect(during['db.latency']).toEqual([])
    expect(min(during['db.pool_use'])).toBe(1)
    expect(min(during['db.save_failures'])).toBeGreaterThan(10)
  })

  test('latency spikes before the connection is declared lost', () => {
    const spike = sample(config, onset + 20 * SEC, onset + 40 * SEC)
    expect(min(spike['db.latency'])).toBeGreaterThan(1000)
    expect(min(spike['db.up'])).toBe(1)
  })

  test('the pipeline services stay up', () => {
    const during = sample(config, onset + MIN, NOW)
    for (const service of SERVICES) {
      expect(min(during[`${service}.up`])).toBe(1)
      expect(max(during[`${service}.error_rate`])).toBeLessThan(0.02)
    }
  })
})

describe('rate-limiting', () => {
  const { config, onset } = world('rate-limiting')
  const during = sample(config, onset + 3 * MIN, NOW)

  test('quota is used up at both providers', () => {
    expect(min(during['quota.openai'])).toBe(1)
    expect(min(during['quota.groq'])).toBe(1)
  })

  test.each(['stt', 'tts'] as const)('%s: 10–30 %% errors and retries above 10 %%', (service) => {
    expect(min(during[`${service}.error_rate`])).toBeGreaterThan(0.1)
    expect(max(during[`${service}.error_rate`])).toBeLessThan(0.3)
    expect(min(during[`${service}.retry_rate`])).toBeGreaterThan(0.1)
    expect(min(during[`${service}.up`])).toBe(1)
  })
})

describe('slow-degradation', () => {
  const { config, onset } = world('slow-degradation')
  const hourOf = (k: number) => sample(config, onset + k * HOUR - 10 * MIN, onset + k * HOUR)

  test.each(['llm.latency.p95', 'turn.latency.p95'] as const)('%s climbs through the ramp and ends above 3 s', (metric) => {
    const levels = [0, 1, 2, 3].map((k) => mean(hourOf(k)[metric]))
    expect(levels[0]).toBeLessThan(3000)
    for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThan(levels[k - 1] ?? Infinity)
    expect(min(hourOf(3)[metric])).toBeGreaterThan(3000)
  })

  test('the LLM suffers most', () => {
    const end = hourOf(3)
    const rise = (s: 'stt' | 'llm' | 'tts') => mean(end[`${s}.latency.p95`]) / mean(hourOf(0)[`${s}.latency.p95`])
    expect(rise('llm')).toBeGreaterThan(rise('stt'))
    expect(rise('llm')).toBeGreaterThan(rise('tts'))
    expect(max(end['stt.latency.p95'])).toBeLessThan(3000)
  })

  test('cpu and memory pass 80 % and errors creep to 5–8 %', () => {
    const end = hourOf(3)
    expect(min(end['host.cpu'])).toBeGreaterThan(0.8)
    expect(min(end['host.memory'])).toBeGreaterThan(0.8)
    for (const service of SERVICES) {
      expect(min(end[`${service}.error_rate`])).toBeGreaterThan(0.05)
      expect(max(end[`${service}.error_rate`])).toBeLessThan(0.08)
    }
    expect(max(hourOf(1)['host.cpu'])).toBeLessThan(0.8)
  })
})

test.each(SCENARIOS)('%s leaves the first ten minutes before its onset alone', (scenario) => {
  const { config, onset } = world(scenario)
  expect(sample(config, onset - 10 * MIN, onset - 10 * SEC)).toEqual(
    sample({ seed: config.seed, epochs: [] }, onset - 10 * MIN, onset - 10 * SEC),
  )
})
