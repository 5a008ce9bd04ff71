import { logLine } from '@/api/schemas'
import { SCENARIOS, type ScenarioName } from '@/domain/catalog'
import { recentLogs } from './logs'
import { SCENARIO_LEAD_MS, type SimConfig } from './scenarios'

const MIN = 60_000
const NOW = Date.parse('2026-11-27T15:00:00.500Z')

function world(scenario: ScenarioName): SimConfig {
  return { seed: 21, epochs: [{ scenario, fromMs: NOW - SCENARIO_LEAD_MS[scenario] }] }
}

test.each(SCENARIOS)('%s: lines are valid, newest first, at or before now, with unique ids', (scenario) => {
  const lines = recentLogs(world(scenario), NOW, { limit: 200 })
  expect(lines).toHaveLength(200)
  for (const line of lines) expect(logLine.parse(line)).toEqual(line)
  const times = lines.map((l) => Date.parse(l.at))
  expect(times).toEqual([...times].sort((a, b) => b - a))
  expect(Math.max(...times)).toBeLessThanOrEqual(NOW)
  expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length)
})

test('the same call gives the same lines', () => {
  expect(recentLogs(world('rate-limiting'), NOW, { limit: 50 })).toEqual(recentLogs(world('rate-limiting'), NOW, { limit: 50 }))
})

test('a line once written stays as it was while time moves on', () => {
  const config = world('openai-outage')
  const earlier = recentLogs(config, NOW, { limit: 40 })
  const later = recentLogs(config, NOW + 2 * MIN, { limit: 400 })
  const byId = new Map(later.map((l) => [l.id, l]))
  for (const line of earlier) expect(byId.get(line.id)).toEqual(line)
  expect(later[0]?.id).not.toBe(earlier[0]?.id)
})

test('a different seed writes a different log', () => {
  const a = recentLogs({ seed: 1, epochs: [] }, NOW, { limit: 20 })
  const b = recentLogs({ seed: 2, epochs: [] }, NOW, { limit: 20 })
  expect(a.map((l) => l.at)).not.toEqual(b.map((l) => l.at))
})

test.each([0, -5, 3.7])('limit %s is honoured (whole lines, never negative)', (limit) => {
  expect(recentLogs(world('healthy'), NOW, { limit })).toHaveLength(Math.max(0, Math.floor(limit)))
})

test('healthy: only INFO and WARN noise', () => {
  const lines = recentLogs({ seed: 5, epochs: [] }, NOW, { limit: 500 })
  expect(new Set(lines.map((l) => l.level))).toEqual(new Set(['INFO', 'WARN']))
  expect(lines.every((l) => l.errorType === null)).toBe(true)
})

test.each<[ScenarioName, RegExp[]]>([
  ['agent-down', [/Health check failed: GET \/health/, /No agent worker available/, /Main process exited/]],
  ['openai-outage', [/OpenAI API error 503/, /OpenAI API connection error/]],
  ['llm-timeout', [/LLM request timed out/, /Slow LLM response/]],
  ['livekit-outage', [/LiveKit connection failed/]],
  ['db-connection-lost', [/database connection lost/, /could not save conversation/, /Cannot save conversations/]],
  ['rate-limiting', [/429 Too Many Requests: rate limit exceeded/, /rate limit/]],
  ['slow-degradation', [/Slow LLM response/, /High memory use/]],
])('%s: the tail says so', (scenario, patterns) => {
  const lines = recentLogs(world(scenario), NOW, { limit: 100 })
  for (const pattern of patterns) expect(lines.some((l) => pattern.test(l.message)), String(pattern)).toBe(true)
  if (scenario !== 'slow-degradation') {
    expect(lines.filter((l) => l.level === 'ERROR').length).toBeGreaterThan(lines.length / 4)
  }
})

test('ERROR lines carry their error type; others carry none', () => {
  for (const scenario of SCENARIOS) {
    for (const line of recentLogs(world(scenario), NOW, { limit: 100 })) {
      expect(line.errorType === null).toBe(line.level !== 'ERROR')
    }
  }
})

test('lines are written by the scenario in force at their own time', () => {
  const onset = NOW - 5 * MIN
  const config: SimConfig = { seed: 3, epochs: [{ scenario: 'livekit-outage', fromMs: onset }] }
  const lines = recentLogs(config, NOW, { limit: 300 })
  const before = lines.filter((l) => Date.parse(l.at) < onset)
  const after = lines.filter((l) => Date.parse(l.at) >= onset + MIN)
  expect(before.length).toBeGreaterThan(10)
  expect(before.some((l) => l.level === 'ERROR' || l.message.includes('LiveKit connection failed'))).toBe(false)
  expect(after.filter((l) => l.message.includes('LiveKit connection failed')).length).toBeGreaterThan(after.length / 3)
})

test('rewriting the scenario history gives the rewritten lines new ids', () => {
  const healthyIds = new Set(recentLogs({ seed: 3, epochs: [] }, NOW, { limit: 50 }).map((l) => l.id))
  const outage = recentLogs({ seed: 3, epochs: [{ scenario: 'livekit-outage', fromMs: NOW - 20 * MIN }] }, NOW, { limit: 50 })
  for (const line of outage) expect(healthyIds.has(line.id)).toBe(false)
})
