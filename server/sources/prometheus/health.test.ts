import { expect, test } from 'vitest'
import { healthResponse, type ComponentHealth, type HealthResponse } from '@/api/schemas'
import { simulatedHealth } from '@/backend/telemetry/simulated'
import { HEALTH_WINDOW_MS } from '@/backend/evaluate'
import { freshSimState, simConfig } from '@/backend/sim-state'
import { COMPONENTS, type ComponentId, type ScenarioName } from '@/domain/catalog'
import { PrometheusError } from './client'
import { fakeClient, vigilGroups } from './fake-rules-client'
import { prometheusHealth } from './health'
import { clientForSimulator } from './simulated-rules'

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
const iso = (ms: number) => new Date(ms).toISOString()

function tile(health: HealthResponse, id: ComponentId): ComponentHealth {
  const found = health.components.find((c) => c.id === id)
  if (found === undefined) throw new Error(`no tile ${id}`)
  return found
}

/** Every signal present and calm. */
const CALM = {
  'stt.up': [1], 'llm.up': [1], 'tts.up': [1], 'livekit.up': [1], 'db.up': [1],
  'stt.error_rate': [0.01], 'llm.error_rate': [0.01], 'tts.error_rate': [0.01],
  'stt.latency.p95': [800], 'llm.latency.p95': [1200], 'tts.latency.p95': [600],
  'stt.retry_rate': [0.02], 'llm.retry_rate': [0.02], 'tts.retry_rate': [0.02],
  'quota.openai': [0.4], 'quota.groq': [0.2], 'db.pool_use': [0.3],
}

test.each<ScenarioName>(['healthy', 'db-connection-lost', 'openai-outage', 'rate-limiting', 'livekit-outage'])(
  'the %s world read through Prometheus rules paints the simulator’s tiles',
  async (scenario) => {
    const config = simConfig(freshSimState(NOW, { scenario }))
    const health = await prometheusHealth(clientForSimulator(config, NOW, HEALTH_WINDOW_MS), NOW)
    expect(healthResponse.safeParse(health).success).toBe(true)
    expect(health).toEqual(simulatedHealth(config, NOW))
    if (scenario !== 'healthy') expect(health.components.some((c) => c.state === 'down')).toBe(true)
  },
)

test('database-connection-lost firing turns the Database tile down, naming the rule', async () => {
  const client = fakeClient({
    rules: vigilGroups({
      'database-connection-lost:database': {
        state: 'firing',
        alerts: [{ labels: {}, annotations: {}, state: 'firing', activeAt: iso(NOW - 20_000), value: '0e+00' }],
      },
      'service-down:database': {
        state: 'pending',
        alerts: [{ labels: {}, annotations: {}, state: 'pending', activeAt: iso(NOW - 20_000), value: '0e+00' }],
      },
    }),
    readings: { ...CALM, 'db.up': [0] },
  })
  const health = await prometheusHealth(client, NOW)
  expect(tile(health, 'database')).toEqual({
    id: 'database',
    name: 'Database',
    kind: 'infrastructure',
    state: 'down',
    reason: 'Database connection lost — firing',
    ruleId: 'database-connection-lost',
  })
  expect(tile(health, 'stt')).toMatchObject({ state: 'up', reason: 'All rules inactive (error rate 1 %, P95 latency 800 ms, retry rate 2 %)' })
})

test('an OpenAI tile reads its callers’ outage alerts, as the simulator’s does', async () => {
  const firing = { labels: {}, annotations: {}, state: 'firing' as const, activeAt: iso(NOW - 10 * 60_000), value: '0.6' }
  const client = fakeClient({
    rules: vigilGroups({ 'error-rate-critical:stt': { alerts: [firing] }, 'error-rate-critical:tts': { alerts: [firing] } }),
    readings: CALM,
  })
  const health = await prometheusHealth(client, NOW)
  expect(tile(health, 'openai')).toMatchObject({ state: 'down', ruleId: 'error-rate-critical' })
  expect(tile(health, 'groq').state).toBe('up')
})

test('a silent signal leaves its tile unknown, not up', async () => {
  const { 'livekit.up': _gone, ...rest } = CALM
  const health = await prometheusHealth(fakeClient({ rules: vigilGroups(), readings: rest }), NOW)
  expect(tile(health, 'livekit')).toMatchObject({ state: 'unknown', reason: 'No data for LiveKit up', ruleId: null })
})

test('with the Vigil rules not loaded every tile is unknown and says why', async () => {
  const health = await prometheusHealth(fakeClient({ rules: { groups: [] } }), NOW)
  expect(health.components.map((c) => c.id)).toEqual([...COMPONENTS])
  for (const c of health.components) {
    expect(c.state, c.id).toBe('unknown')
    expect(c.reason, c.id).toMatch(/^No data for .* — the Vigil rules are not loaded in Prometheus/)
  }
})

test('a failing rule’s error reaches the tile it leaves unknown', async () => {
  const client = fakeClient({
    rules: vigilGroups({ 'service-down:llm': { health: 'err', lastError: 'query timed out in expression evaluation' } }),
    readings: CALM,
  })
  const health = await prometheusHealth(client, NOW)
  expect(tile(health, 'llm')).toMatchObject({
    state: 'unknown',
    reason: 'No data for LLM up — Prometheus cannot evaluate the rule: query timed out in expression evaluation',
  })
})

test('Prometheus unreachable fails the health answer with 503', async () => {
  const client = fakeClient({ rules: new PrometheusError('unreachable', 'cannot reach Prometheus at 127.0.0.1:9: ECONNREFUSED') })
  await expect(prometheusHealth(client, NOW)).rejects.toMatchObject({ name: 'SourceError', status: 503 })
})
