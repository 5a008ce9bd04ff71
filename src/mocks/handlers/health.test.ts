import { apiFetch } from '@/api/client'
import { alertHistoryResponse, alertsResponse, healthResponse, simulatorState } from '@/api/schemas'
import { COMPONENTS } from '@/domain/catalog'
import { givenScenario, setMockNow } from '../../../test/mock-backend'

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

test.each([
  ['livekit-outage', 'livekit'],
  ['db-connection-lost', 'database'],
] as const)('%s takes %s down', async (scenario, component) => {
  givenScenario(scenario)
  expect(stateOf(await health(), component)).toBe('down')
})

test('alerts list every rule instance; an outage fires the STT error-rate alert with its playbook', async () => {
  const calm = await apiFetch('/api/alerts', alertsResponse)
  expect(calm.alerts.length).toBeGreaterThan(10)
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
