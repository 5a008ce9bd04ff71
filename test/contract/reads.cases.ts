import {
  alertHistoryResponse,
  alertsResponse,
  errorGroupsResponse,
  healthResponse,
  incidentsResponse,
  logsResponse,
  metricsResponse,
  rosterResponse,
  simulatorState,
} from '@/api/schemas'
import { runbooksResponse } from '@/api/runbooks'
import { sessionResponse } from '@/api/session'
import { COMPONENTS } from '@/domain/catalog'
import { declare } from './incident-steps'
import { call, expectBody, expectProblem, type ContractTarget } from './target'

const HOUR = 3_600_000

/** The last hour, as the app asks for it. */
function lastHour(): { from: string; to: string } {
  const now = Date.now()
  return { from: new Date(now - HOUR).toISOString(), to: new Date(now).toISOString() }
}

export function readCases(target: () => ContractTarget): void {
  describe('every GET answers its schema', () => {
    test('metrics for one hour: one series per metric asked for, on the step grid', async () => {
      const query = { metrics: 'stt.latency.p95,llm.error_rate,db.up', step: '60', ...lastHour() }
      const body = expectBody(await call(target(), 'GET', '/api/metrics', { query }), 200, metricsResponse)

      expect(body.series.map((s) => s.metric)).toEqual(['stt.latency.p95', 'llm.error_rate', 'db.up'])
      expect(body.step).toBe(60)
      expect(body.series.every((s) => s.step === 60 && s.values.length >= 60 && s.values.length <= 62)).toBe(true)
    })

    test('health: one entry per component', async () => {
      const body = expectBody(await call(target(), 'GET', '/api/health'), 200, healthResponse)
      expect(body.components.map((c) => c.id).sort()).toEqual([...COMPONENTS].sort())
    })

    test('alerts: every rule instance, with an id of rule and subject', async () => {
      const body = expectBody(await call(target(), 'GET', '/api/alerts'), 200, alertsResponse)
      expect(body.alerts.length).toBeGreaterThan(0)
      expect(body.alerts.every((a) => a.id.startsWith(`${a.ruleId}:`))).toBe(true)
    })

    test('alert history for one hour: spans inside the range', async () => {
      const range = lastHour()
      const body = expectBody(await call(target(), 'GET', '/api/alerts/history', { query: range }), 200, alertHistoryResponse)
      expect(body.spans.every((s) => Date.parse(s.from) >= Date.parse(range.from) && Date.parse(s.from) <= Date.parse(s.to))).toBe(true)
    })

    test('logs: no more lines than the limit, only the level asked for', async () => {
      const body = expectBody(await call(target(), 'GET', '/api/logs', { query: { limit: '20', level: 'WARN,ERROR' } }), 200, logsResponse)
      expect(body.lines.length).toBeLessThanOrEqual(20)
      expect(body.lines.every((l) => l.level === 'WARN' || l.level === 'ERROR')).toBe(true)
    })

    test('error groups for one hour', async () => {
      expectBody(await call(target(), 'GET', '/api/errors', { query: lastHour() }), 200, errorGroupsResponse)
    })

    test('roster: levels L1 to L4, each with its on-call person among its people', async () => {
      const body = expectBody(await call(target(), 'GET', '/api/roster'), 200, rosterResponse)
      expect(body.levels.map((l) => l.level)).toEqual([1, 2, 3, 4])
      expect(body.levels.every((l) => l.people.some((p) => p.id === l.onCall))).toBe(true)
    })

    test('runbooks', async () => {
      expectBody(await call(target(), 'GET', '/api/runbooks'), 200, runbooksResponse)
    })

    test('session', async () => {
      const body = expectBody(await call(target(), 'GET', '/api/session'), 200, sessionResponse)
      // Without an authenticating proxy in front nobody is named.
      if (body.auth === 'none') expect(body.identity).toBeNull()
    })

    test('simulator state', async () => {
      expectBody(await call(target(), 'GET', '/api/simulator'), 200, simulatorState)
    })

    test('the incident list holds a just-declared incident', async () => {
      const declared = await declare(target())
      const body = expectBody(await call(target(), 'GET', '/api/incidents'), 200, incidentsResponse)
      expect(body.incidents.find((i) => i.id === declared.id)).toEqual(declared)
    })
  })

  describe('the incident list is conditional', () => {
    test('it comes with an ETag; If-None-Match naming it is a bodyless 304 with the same tag', async () => {
      await declare(target())
      // Another file's writes can change a shared database's list between the two requests: try a few times.
      let notModified = null
      for (let attempt = 0; attempt < 5 && notModified === null; attempt++) {
        const full = await call(target(), 'GET', '/api/incidents')
        const tag = full.headers.get('ETag')
        expect(full.status).toBe(200)
        expect(tag).toBeTruthy()
        const again = await call(target(), 'GET', '/api/incidents', { headers: { 'If-None-Match': tag ?? '' } })
        if (again.status === 304) notModified = { again, tag }
      }
      expect(notModified).not.toBeNull()
      expect(notModified?.again.text).toBe('')
      expect(notModified?.again.headers.get('ETag')).toBe(notModified?.tag)
    })

    test('after a declaration the old tag gets the full list, under a new tag', async () => {
      const before = (await call(target(), 'GET', '/api/incidents')).headers.get('ETag') ?? ''
      const declared = await declare(target())
      const after = await call(target(), 'GET', '/api/incidents', { headers: { 'If-None-Match': before } })

      const body = expectBody(after, 200, incidentsResponse)
      expect(after.headers.get('ETag')).not.toBe(before)
      expect(body.incidents.some((i) => i.id === declared.id)).toBe(true)
    })
  })

  describe('refusals of reads', () => {
    const week = 7 * 24 * HOUR
    test.each([
      ['metrics without `metrics`', '/api/metrics', () => ({ step: '60', ...lastHour() })],
      ['an unknown metric', '/api/metrics', () => ({ metrics: 'stt.mood', step: '60', ...lastHour() })],
      ['metrics without a step', '/api/metrics', () => ({ metrics: 'db.up', ...lastHour() })],
      ['a range that ends before it starts', '/api/errors', () => ({ from: lastHour().to, to: lastHour().from })],
      ['a time without an offset', '/api/alerts/history', () => ({ from: '2026-11-27T10:00:00', to: lastHour().to })],
      ['alert history over more than a week', '/api/alerts/history', () => ({ from: new Date(Date.now() - week - HOUR).toISOString(), to: lastHour().to })],
      ['a log limit of 0', '/api/logs', () => ({ limit: '0' })],
      ['an unknown log level', '/api/logs', () => ({ level: 'LOUD' })],
    ])('%s is a 400 that says why', async (_case, path, query) => {
      expectProblem(await call(target(), 'GET', path, { query: query() }), 400)
    })

    test('an unknown incident is a 404, its timeline too', async () => {
      expectProblem(await call(target(), 'GET', '/api/incidents/INC-99999999'), 404)
      expectProblem(await call(target(), 'GET', '/api/incidents/INC-99999999/timeline'), 404)
    })

    test.each([
      ['GET', '/api/nothing-here'],
      ['GET', '/api/incidents/INC-10001/attachments'],
      ['POST', '/api/alerts'],
    ] as const)('%s %s, not an endpoint, is a JSON 404', async (method, path) => {
      const answer = await call(target(), method, path)
      expectProblem(answer, 404)
      expect(answer.headers.get('Content-Type')).toMatch(/^application\/json/)
    })
  })
}
