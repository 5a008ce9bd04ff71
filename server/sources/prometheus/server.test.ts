/**
 * The whole server with VIGIL_METRICS=prometheus, over HTTP: the settings pick the
 * Prometheus source, its answers keep the contract, and an unreachable Prometheus is a
 * 503 whose message names it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { metricsResponse } from '@/api/schemas'
import { startTestServer, type TestServer } from '../../testing'
import { matrix, promError, startFakePrometheus, success, type FakePrometheus } from './fake-prometheus-server'

const NOW = Date.UTC(2024, 0, 8, 12)
let prom: FakePrometheus
let server: TestServer

beforeAll(async () => {
  prom = await startFakePrometheus()
  const queries = join(mkdtempSync(join(tmpdir(), 'vigil-queries-')), 'queries.json')
  writeFileSync(queries, JSON.stringify({ 'db.up': 'min(pg_up{cluster="main"})' }))
  server = await startTestServer({
    database: { kind: 'pglite-memory' },
    env: { VIGIL_METRICS: 'prometheus', PROMETHEUS_URL: prom.url, VIGIL_PROMETHEUS_QUERIES: queries, VIGIL_PROMETHEUS_TIMEOUT_MS: '1000' },
    now: () => NOW,
  })
}, 60_000)
afterAll(async () => {
  await server.close()
  await prom.close()
})

const metricsUrl = (metrics: string) =>
  `${server.baseUrl}/api/metrics?metrics=${metrics}&from=${new Date(NOW - 60_000).toISOString()}&to=${new Date(NOW).toISOString()}&step=10`

test('/api/metrics answers from Prometheus, with the team\'s query and each panel\'s problem', async () => {
  prom.handle((r) =>
    r.params.get('query') === 'min(pg_up{cluster="main"})'
      ? { body: matrix({ values: [[NOW / 1000 - 60, '1'], [NOW / 1000, '0']] }) }
      : promError('execution', 'query processing would load too many samples into memory', 422),
  )
  const response = await fetch(metricsUrl('db.up,stt.up'))
  expect(response.status).toBe(200)
  const body = metricsResponse.parse(await response.json())
  expect(body.series.map((s) => [s.metric, s.values])).toEqual([
    ['db.up', [1, null, null, null, null, null, 0]],
    ['stt.up', [null, null, null, null, null, null, null]],
  ])
  expect(body.problems).toEqual([
    { metric: 'stt.up', message: 'stt.up: Prometheus refused the query — execution: query processing would load too many samples into memory' },
  ])
})

test('/api/health and /api/alerts read Prometheus\' alerting rules, one read shared by both', async () => {
  prom.handle((r) =>
    r.path === '/api/v1/rules' ? { body: success({ groups: [] }) } : { body: success({ resultType: 'vector', result: [] }) },
  )
  const before = prom.requests.length
  const health = await fetch(`${server.baseUrl}/api/health`)
  expect(health.status).toBe(200)
  const alerts = await fetch(`${server.baseUrl}/api/alerts`)
  expect(alerts.status).toBe(200)
  // Within 2 s the health strip and the alert list share one read of the rules (shared-reads.ts).
  expect(prom.requests.slice(before).filter((r) => r.path === '/api/v1/rules').length).toBe(1)
  const body = (await alerts.json()) as { alerts: { state: string; summary: string }[] }
  expect(body.alerts.length).toBeGreaterThan(0)
  expect(body.alerts.every((a) => a.state === 'nodata' && a.summary.includes('not loaded'))).toBe(true)
})

test('the simulator is off, and logs are empty rather than simulated', async () => {
  const session = (await (await fetch(`${server.baseUrl}/api/session`)).json()) as { simulator: boolean }
  expect(session.simulator).toBe(false)
  const logs = await fetch(`${server.baseUrl}/api/logs`)
  expect(await logs.json()).toMatchObject({ lines: [], source: { kind: 'none' } })
})

test('Prometheus down: /api/metrics is a 503 naming Prometheus and its host; back up, answers resume', async () => {
  prom.handle(() => ({ body: success({ resultType: 'matrix', result: [] }) }))
  const host = prom.host
  await prom.close()
  const down = await fetch(metricsUrl('stt.up,llm.up'))
  expect(down.status).toBe(503)
  const problem = (await down.json()) as { message: string }
  expect(problem.message).toContain('Prometheus')
  expect(problem.message).toContain(host)
  // Nothing cached: the same server reads again once Prometheus is back on its port.
  const port = Number(host.split(':')[1])
  prom = await startFakePrometheus(() => ({ body: matrix() }), port)
  expect((await fetch(metricsUrl('stt.up'))).status).toBe(200)
})
