import { apiFetch } from '@/api/client'
import { alertHistoryResponse, alertsResponse, healthResponse, simulatorState, type ComponentHealth } from '@/api/schemas'
import { COMPONENTS, SCENARIOS, type ComponentId, type ScenarioName } from '@/domain/catalog'
import { ALERT_INSTANCES, ALERT_RULES } from '@/domain/alert-rules'
import { suggestPlaybooks } from '@/domain/playbook-suggestion'
import { givenScenario, givenSeed, setMockNow } from '../../../test/mock-backend'

const NOW = Date.parse('2026-11-27T12:00:00Z')

beforeEach(() => {
  setMockNow(NOW)
})

const health = () => apiFetch('/api/health', healthResponse)
const stateOf = (body: Awaited<ReturnType<typeof health>>, id: string) => body.components.find((c) => c.id === id)?.state

test('a healthy world reports every component up, by name and kind', async () => {
  const body = await health()

  expect(body.at).toBe('2026-11-27T12:00:00.000Z')
  expect(body.components.map((c) => c.id)).toEqual([...COMPONENTS])
  expect(body.components.map((c) => c.state)).toEqual(COMPONENTS.map(() => 'up'))
  expect(body.components.find((c) => c.id === 'openai')).toMatchObject({ name: 'OpenAI API', kind: 'provider', ruleId: null })
  expect(body.components.find((c) => c.id === 'database')).toMatchObject({ name: 'Database', kind: 'infrastructure' })
  expect(body.components.find((c) => c.id === 'stt')).toMatchObject({ name: 'STT', kind: 'service' })
})

test('switching to an OpenAI outage over HTTP takes STT and TTS down and leaves the LLM up', async () => {
  await apiFetch('/api/simulator', simulatorState, { method: 'POST', body: { scenario: 'openai-outage' } })
  const body = await health()

  expect(stateOf(body, 'stt')).toBe('down')
  expect(stateOf(body, 'tts')).toBe('down')
  expect(stateOf(body, 'llm')).toBe('up')
  const stt = body.components.find((c) => c.id === 'stt')
  expect(stt?.ruleId).not.toBeNull()
  expect(stt?.reason).toMatch(/firing/)
})

type Tiles = Record<ComponentId, ComponentHealth['state']>
const ALL_UP: Tiles = { agent: 'up', stt: 'up', llm: 'up', tts: 'up', livekit: 'up', database: 'up', openai: 'up', groq: 'up' }
const tiles = (body: Awaited<ReturnType<typeof health>>) =>
  Object.fromEntries(body.components.map((c) => [c.id, c.state])) as Tiles
const provider = (body: Awaited<ReturnType<typeof health>>, id: 'openai' | 'groq') => {
  const tile = body.components.find((c) => c.id === id)
  return { state: tile?.state, ruleId: tile?.ruleId, reason: tile?.reason }
}

/**
 * Every scenario as a responder should see it, on the default seed: what each tile says,
 * and for the two providers, the rule that decided (null: no rule fires) and its text.
 */
test.each<[ScenarioName, Partial<Tiles>, Record<'openai' | 'groq', { ruleId: string | null; reason: RegExp }>]>([
  ['healthy', {}, {
    openai: { ruleId: null, reason: /^All rules inactive \(quota use \d/ },
    groq: { ruleId: null, reason: /^All rules inactive \(quota use \d/ },
  }],
  // The agent process is dead: its own tile is down, and everything it reported (the
  // stages' checks, quota use) has no data, so those tiles say unknown rather than up.
  ['agent-down', { agent: 'down', stt: 'unknown', llm: 'unknown', tts: 'unknown', openai: 'unknown', groq: 'unknown' }, {
    openai: { ruleId: null, reason: /^No data for OpenAI API quota use$/ },
    groq: { ruleId: null, reason: /^No data for Groq API quota use$/ },
  }],
  // STT and TTS both call OpenAI; both failing is OpenAI failing. Groq, the LLM's
  // fallback, is not involved.
  ['openai-outage', { stt: 'down', tts: 'down', openai: 'down' }, {
    openai: { ruleId: 'service-down', reason: /^STT and TTS down > 1 min — firing$/ },
    groq: { ruleId: null, reason: /^All rules inactive/ },
  }],
  // The LLM times out against its local Ollama: neither provider is to blame.
  ['llm-timeout', { llm: 'down' }, {
    openai: { ruleId: null, reason: /^All rules inactive/ },
    groq: { ruleId: null, reason: /^All rules inactive/ },
  }],
  ['livekit-outage', { livekit: 'down' }, {
    openai: { ruleId: null, reason: /^All rules inactive/ },
    groq: { ruleId: null, reason: /^All rules inactive/ },
  }],
  ['db-connection-lost', { database: 'down' }, {
    openai: { ruleId: null, reason: /^All rules inactive/ },
    groq: { ruleId: null, reason: /^All rules inactive/ },
  }],
  // Both quotas are used up: that, the providers' own series, decides before their callers' errors.
  ['rate-limiting', { stt: 'down', tts: 'down', openai: 'down', groq: 'down' }, {
    openai: { ruleId: 'quota-exceeded', reason: /^OpenAI API quota use 100 % ≥ 100 % — firing$/ },
    groq: { ruleId: 'quota-exceeded', reason: /^Groq API quota use 100 % ≥ 100 % — firing$/ },
  }],
  // A starved host slows and troubles every service alike, the LLM on Ollama too:
  // warnings, not a provider outage.
  ['slow-degradation', { stt: 'degraded', llm: 'degraded', tts: 'degraded' }, {
    openai: { ruleId: null, reason: /^All rules inactive/ },
    groq: { ruleId: null, reason: /^All rules inactive/ },
  }],
])('%s: every tile, and the rule that decided each provider', async (scenario, changed, providers) => {
  givenScenario(scenario)
  const body = await health()

  expect(tiles(body)).toEqual({ ...ALL_UP, ...changed })
  for (const id of ['openai', 'groq'] as const) {
    const { ruleId, reason } = provider(body, id)
    expect(ruleId, id).toBe(providers[id].ruleId)
    expect(reason, id).toMatch(providers[id].reason)
  }
})

test.each([1, 2, 3, 42, 7777])('with seed %i, only an OpenAI outage or used-up quotas take a provider tile down (a dead agent leaves them unknown)', async (seed) => {
  givenSeed(seed)
  const verdicts: Record<string, [unknown, unknown]> = {}
  for (const scenario of SCENARIOS) {
    givenScenario(scenario)
    const body = await health()
    verdicts[scenario] = [provider(body, 'openai').state, provider(body, 'groq').state]
  }
  expect(verdicts).toEqual({
    healthy: ['up', 'up'],
    'agent-down': ['unknown', 'unknown'],
    'openai-outage': ['down', 'up'],
    'llm-timeout': ['up', 'up'],
    'livekit-outage': ['up', 'up'],
    'db-connection-lost': ['up', 'up'],
    'rate-limiting': ['down', 'down'],
    'slow-degradation': ['up', 'up'],
  })
})

/**
 * An OpenAI outage as it unfolds (the scenario began 20 minutes before NOW): errors
 * first, the services' up checks failing a minute in and firing a minute later.
 */
test.each<[string, number, ComponentHealth['state'], string | null, RegExp]>([
  ['just before it', -0.5, 'up', null, /^All rules inactive \(quota use \d/],
  ['30 s in', 0.5, 'degraded', 'error-rate-critical', /^STT and TTS error rate > 10 % — pending$/],
  ['3 min in', 3, 'down', 'service-down', /^STT and TTS down > 1 min — firing$/],
])('an OpenAI outage %s: the OpenAI tile', async (_when, minutesIn, state, ruleId, reason) => {
  givenScenario('openai-outage')
  setMockNow(NOW - 20 * 60_000 + minutesIn * 60_000)
  const openai = (await health()).components.find((c) => c.id === 'openai')
  expect(openai?.state).toBe(state)
  expect(openai?.ruleId).toBe(ruleId)
  expect(openai?.reason).toMatch(reason)
})

test.each([
  ['agent-down', 'agent'],
  ['livekit-outage', 'livekit'],
  ['db-connection-lost', 'database'],
] as const)('%s takes %s down', async (scenario, component) => {
  givenScenario(scenario)
  expect(stateOf(await health(), component)).toBe('down')
})

test('alerts list every rule instance; an outage fires the STT error-rate alert with its playbook', async () => {
  const calm = await apiFetch('/api/alerts', alertsResponse)
  expect(calm.alerts.map((a) => a.id)).toEqual(ALERT_INSTANCES.map((i) => i.id))
  // The runbook's eight rules and no others: provider tiles add no rule of their own.
  expect([...new Set(calm.alerts.map((a) => a.ruleId))]).toEqual(ALERT_RULES.map((r) => r.id))
  expect(ALERT_RULES).toHaveLength(8)
  expect(calm.alerts.filter((a) => a.state === 'firing')).toEqual([])

  givenScenario('openai-outage')
  const body = await apiFetch('/api/alerts', alertsResponse)
  const sttErrors = body.alerts.find((a) => a.id === 'error-rate-critical:stt')

  expect(sttErrors).toMatchObject({
    state: 'firing',
    severity: 'critical',
    subject: 'stt',
    threshold: 0.1,
    playbook: 'high-error-rate',
    metric: 'stt.error_rate',
  })
  expect(sttErrors?.value).toBeGreaterThan(0.1)
  // The outage began 20 minutes before now; the error rate crossed 10 % soon after.
  const since = Date.parse(sttErrors?.since ?? '')
  expect(since).toBeGreaterThan(NOW - 20 * 60_000)
  expect(since).toBeLessThan(NOW - 5 * 60_000)
  expect(body.alerts.find((a) => a.id === 'error-rate-critical:llm')?.state).toBe('inactive')
})

test('when the voice agent crashes, its tile is the first and down, and its alert fires with the Agent Not Responding playbook', async () => {
  givenScenario('agent-down')
  const body = await health()
  expect(body.components[0]).toMatchObject({ id: 'agent', name: 'Voice agent', state: 'down', ruleId: 'service-down', reason: 'Voice agent down > 1 min — firing' })

  const { alerts } = await apiFetch('/api/alerts', alertsResponse)
  const agent = alerts.find((a) => a.id === 'service-down:agent')
  expect(agent).toMatchObject({ state: 'firing', severity: 'critical', subject: 'agent', metric: 'agent.up', value: 0, playbook: 'agent-not-responding' })
  // It is the only alert firing: the rest of the agent's rules have lost their data.
  expect(alerts.filter((a) => a.state === 'firing').map((a) => a.id)).toEqual(['service-down:agent'])
  expect(alerts.find((a) => a.id === 'service-down:stt')?.state).toBe('nodata')
  expect(suggestPlaybooks(alerts)).toEqual(['agent-not-responding'])
})

test('alert history shows the span an alert fired, clipped to the range', async () => {
  givenScenario('openai-outage')
  const from = new Date(NOW - 60 * 60_000).toISOString()
  const to = new Date(NOW).toISOString()
  const body = await apiFetch('/api/alerts/history', alertHistoryResponse, { query: { from, to } })

  const firing = body.spans.filter((s) => s.alertId === 'error-rate-critical:stt' && s.state === 'firing')
  expect(firing).toHaveLength(1)
  expect(Date.parse(firing[0]?.from ?? '')).toBeGreaterThan(NOW - 20 * 60_000)
  expect(firing[0]?.to).toBe(to)
  expect(body.spans.every((s) => Date.parse(s.from) >= Date.parse(from))).toBe(true)
  expect(body.spans.some((s) => s.subject === 'llm' && s.state === 'firing')).toBe(false)
})

test('alert history refuses a range longer than a week', async () => {
  const query = { from: new Date(NOW - 8 * 86_400_000).toISOString(), to: new Date(NOW).toISOString() }
  await expect(apiFetch('/api/alerts/history', alertHistoryResponse, { query })).rejects.toMatchObject({
    kind: 'http',
    details: { status: 400 },
  })
})
