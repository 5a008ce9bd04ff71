import { apiFetch, apiRequest, type ApiError } from '@/api/client'
import { healthResponse, rosterResponse, simulatorState } from '@/api/schemas'
import { SCENARIO_LEAD_MS } from '@/backend/simulator/scenarios'
import { advanceMockNow, givenApiFails, givenFaults, setMockNow } from '../../../test/mock-backend'

const NOW = Date.parse('2026-11-27T12:00:00Z')
const MINUTE = 60_000

beforeEach(() => {
  setMockNow(NOW)
})

const control = (body: unknown) => apiFetch('/api/simulator', simulatorState, { method: 'POST', body })
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError)

test('starts healthy with seed 1 and no faults', async () => {
  const state = await apiFetch('/api/simulator', simulatorState)

  expect(state).toMatchObject({ scenario: 'healthy', seed: 1, faults: null })
  expect(Date.parse(state.scenarioStartedAt)).toBeLessThan(NOW)
})

test('a scenario starts its lead time before now, so its history already shows', async () => {
  const state = await control({ scenario: 'openai-outage' })

  expect(state.scenario).toBe('openai-outage')
  expect(state.scenarioStartedAt).toBe(new Date(NOW - SCENARIO_LEAD_MS['openai-outage']).toISOString())
})

test('asking for the scenario already running changes nothing', async () => {
  const first = await control({ scenario: 'llm-timeout' })
  advanceMockNow(5 * MINUTE)
  const again = await control({ scenario: 'llm-timeout' })

  expect(again.scenarioStartedAt).toBe(first.scenarioStartedAt)
})

test('a switch rewrites the history after its start, never before an earlier epoch', async () => {
  await control({ scenario: 'openai-outage' })
  advanceMockNow(5 * MINUTE)
  const state = await control({ scenario: 'rate-limiting' })

  expect(state.scenario).toBe('rate-limiting')
  expect(state.scenarioStartedAt).toBe(new Date(NOW + 5 * MINUTE - SCENARIO_LEAD_MS['rate-limiting']).toISOString())
  const back = await control({ scenario: 'healthy' })
  expect(back.scenario).toBe('healthy')
  expect(back.scenarioStartedAt).toBe(new Date(NOW + 5 * MINUTE).toISOString())
})

test('the seed can be replaced', async () => {
  expect((await control({ seed: 42 })).seed).toBe(42)
  expect((await apiFetch('/api/simulator', simulatorState)).seed).toBe(42)
})

test.each([
  ['an unknown scenario', { scenario: 'meteor-strike' }],
  ['a negative seed', { seed: -1 }],
  ['a fault rate above 1', { faults: { rate: 2, status: 503 } }],
  ['an unknown field', { scenario: 'healthy', colour: 'red' }],
  ['a status that is not an error', { faults: { rate: 1, status: 200 } }],
])('422 for %s', async (_case, body) => {
  expect(await failure(control(body))).toMatchObject({ kind: 'http', details: { status: 422 } })
})

test('400 for a body that is not JSON', async () => {
  const response = await fetch('/api/simulator', { method: 'POST', body: '{scenario', headers: { 'Content-Type': 'application/json' } })
  expect(response.status).toBe(400)
  expect(await response.json()).toEqual({ message: 'The request body is not valid JSON.' })
})

test('faults at rate 1 with 503 fail every other API call with Retry-After, and null ends them', async () => {
  const state = await control({ faults: { rate: 1, status: 503 } })
  expect(state.faults).toEqual({ rate: 1, status: 503 })

  for (const path of ['/api/health', '/api/roster']) {
    const error = await failure(apiFetch(path, healthResponse))
    expect(error).toMatchObject({ kind: 'http', details: { status: 503, retryAfterMs: 1000 } })
  }

  // The simulator itself still answers, so the faults can be switched off.
  await control({ faults: null })
  expect((await apiFetch('/api/roster', rosterResponse)).levels).toHaveLength(4)
})

test('a malformed fault answers 200 with a body that is not JSON', async () => {
  await control({ faults: { rate: 1, status: 'malformed' } })
  expect(await failure(apiFetch('/api/roster', rosterResponse))).toMatchObject({ kind: 'malformed', details: { status: 200 } })
})

test('a timeout fault answers nothing before the client gives up', async () => {
  await control({ faults: { rate: 1, status: 'timeout' } })
  const error = await failure(apiFetch('/api/roster', rosterResponse, { timeoutMs: 50 }))
  expect(error).toMatchObject({ kind: 'timeout' })
})

test('500 without Retry-After; 429 with it', async () => {
  givenFaults(1, 500)
  expect(await failure(apiFetch('/api/roster', rosterResponse))).toMatchObject({ kind: 'http', details: { status: 500 } })
  expect((await failure(apiFetch('/api/roster', rosterResponse)))?.details.retryAfterMs).toBeUndefined()

  givenFaults(1, 429)
  expect(await failure(apiFetch('/api/roster', rosterResponse))).toMatchObject({ details: { status: 429, retryAfterMs: 1000 } })
})

test.each([
  [0, 0],
  [0.25, 5],
  [0.5, 10],
  [1, 20],
])('rate %s fails exactly %s of 20 calls', async (rate, expected) => {
  givenFaults(rate, 502)
  let failed = 0
  for (let i = 0; i < 20; i++) if ((await failure(apiFetch('/api/roster', rosterResponse))) !== null) failed++
  expect(failed).toBe(expected)
})

test('givenApiFails fails one path and leaves the others alone', async () => {
  givenApiFails('/api/health', 502)
  expect(await failure(apiFetch('/api/health', healthResponse))).toMatchObject({ kind: 'http', details: { status: 502 } })
  expect((await apiFetch('/api/roster', rosterResponse)).levels).toHaveLength(4)
})

test('givenApiFails can ask for a Retry-After', async () => {
  givenApiFails('/api/roster', 503, { retryAfterS: 7 })
  expect(await failure(apiFetch('/api/roster', rosterResponse))).toMatchObject({ details: { status: 503, retryAfterMs: 7000 } })
})

test('every response carries the backend clock in a Date header', async () => {
  const { headers } = await apiRequest('/api/roster', rosterResponse)
  expect(headers.get('Date')).toBe('Fri, 27 Nov 2026 12:00:00 GMT')
})

test('an unknown endpoint is a JSON 404', async () => {
  const error = await failure(apiFetch('/api/nothing-here', rosterResponse))
  expect(error).toMatchObject({ kind: 'http', details: { status: 404, body: { message: 'No endpoint GET /api/nothing-here.' } } })
})
