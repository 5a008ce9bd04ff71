import { SCENARIOS, SERVICES, type ScenarioName, type Service } from '@/domain/catalog'
import { errorGroup } from '@/api/schemas'
import { ERROR_TYPES, errorBreakdown } from './errors'
import { SCENARIO_LEAD_MS, type SimConfig } from './scenarios'
import { generateMany } from './series'

const MIN = 60_000
const HOUR = 60 * MIN
const NOW = Date.parse('2026-11-27T15:00:00Z')

function world(scenario: ScenarioName): { config: SimConfig; onset: number } {
  const onset = NOW - SCENARIO_LEAD_MS[scenario]
  return { config: { seed: 8, epochs: [{ scenario, fromMs: onset }] }, onset }
}

const topFor = (groups: ReturnType<typeof errorBreakdown>, service: Service) => groups.find((g) => g.service === service)?.errorType

test.each(SCENARIOS)('%s: counts are whole, positive, sorted, and of known types', (scenario) => {
  const { config } = world(scenario)
  const groups = errorBreakdown(config, NOW - HOUR, NOW)
  expect(groups.length).toBeGreaterThan(0)
  for (const group of groups) {
    expect(errorGroup.parse(group)).toEqual(group)
    expect(group.count).toBeGreaterThan(0)
    expect(ERROR_TYPES[group.service]).toContain(group.errorType)
  }
  const counts = groups.map((g) => g.count)
  expect(counts).toEqual([...counts].sort((a, b) => b - a))
})

test('the counts add up to what the error-rate and request-rate series say', () => {
  const { config, onset } = world('openai-outage')
  const from = onset - 10 * MIN
  const groups = errorBreakdown(config, from, NOW)
  const series = generateMany({ ...config }, ['stt.requests', 'stt.error_rate', 'llm.requests', 'llm.error_rate'], from, NOW, 10)
  const expected = (requests: (number | null)[], rates: (number | null)[]) =>
    requests.reduce<number>((sum, r, i) => sum + (r ?? 0) * 10 * (rates[i] ?? 0), 0)
  const total = (service: Service) => groups.filter((g) => g.service === service).reduce((sum, g) => sum + g.count, 0)
  const [sttReq, sttErr, llmReq, llmErr] = series.map((s) => s.values)
  // The series are rounded to their served precision and have a few scrape gaps.
  expect(total('stt') / expected(sttReq ?? [], sttErr ?? [])).toBeCloseTo(1, 1)
  expect(total('llm') / expected(llmReq ?? [], llmErr ?? [])).toBeCloseTo(1, 1)
})

test.each<[ScenarioName, Service, string]>([
  ['openai-outage', 'stt', 'upstream_5xx'],
  ['openai-outage', 'tts', 'upstream_5xx'],
  ['llm-timeout', 'llm', 'timeout'],
  ['rate-limiting', 'stt', 'rate_limited'],
  ['rate-limiting', 'tts', 'rate_limited'],
  ['rate-limiting', 'llm', 'rate_limited'],
])('%s: the top error type of %s is %s', (scenario, service, errorType) => {
  const { config, onset } = world(scenario)
  expect(topFor(errorBreakdown(config, onset + 2 * MIN, NOW), service)).toBe(errorType)
})

test('rate-limiting: rate_limited is the top error type overall', () => {
  const { config, onset } = world('rate-limiting')
  expect(errorBreakdown(config, onset + 2 * MIN, NOW)[0]?.errorType).toBe('rate_limited')
})

test('healthy: a low, everyday mix with every type of every service', () => {
  const groups = errorBreakdown({ seed: 8, epochs: [] }, NOW - HOUR, NOW)
  for (const service of SERVICES) {
    expect(groups.filter((g) => g.service === service).map((g) => g.errorType).sort()).toEqual([...ERROR_TYPES[service]].sort())
  }
  const total = groups.reduce((sum, g) => sum + g.count, 0)
  // About 1 % of ~30 requests a second across three services over an hour.
  expect(total).toBeGreaterThan(300)
  expect(total).toBeLessThan(3000)
})

test('a window before the onset counts only everyday errors', () => {
  const { config, onset } = world('llm-timeout')
  expect(errorBreakdown(config, onset - HOUR, onset - 10_000)).toEqual(
    errorBreakdown({ seed: config.seed, epochs: [] }, onset - HOUR, onset - 10_000),
  )
})

test('livekit-outage: with no users there are hardly any errors', () => {
  const { config, onset } = world('livekit-outage')
  const total = (groups: ReturnType<typeof errorBreakdown>) => groups.reduce((sum, g) => sum + g.count, 0)
  const during = total(errorBreakdown(config, onset + 5 * MIN, onset + 15 * MIN))
  const before = total(errorBreakdown(config, onset - 10 * MIN, onset))
  expect(during).toBeLessThan(before / 10)
})
