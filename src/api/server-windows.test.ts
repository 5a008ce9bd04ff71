/**
 * Windows ending "now" are asked on the server's clock (issue 12 §5): a browser whose
 * clock is off by minutes or an hour still gets the newest data, from its first fetch.
 * The browser's clock is the real one; the mock backend's is pinned off it.
 */
import { QueryClient } from '@tanstack/react-query'
import { alertQueries } from './alerts'
import { logQueries } from './logs'
import { metricQueries, type MetricWindow } from './metrics'
import { setMockNow } from '../../test/mock-backend'

const MIN = 60_000
const HOUR = 60 * MIN
const LAST_HOUR: MetricWindow = { kind: 'relative', durationMs: HOUR }

/** Server minus browser. */
const SKEWS = [
  ['5 min behind', 5 * MIN],
  ['1 h behind', HOUR],
  ['5 min ahead of', -5 * MIN],
  ['1 h ahead of', -HOUR],
] as const

/** The window's end as the server answered it lies within `slackMs` before the server's now. */
function expectEndsAtServerNow(toIso: string, serverNowMs: number, slackMs: number): void {
  const to = Date.parse(toIso)
  expect(serverNowMs - to).toBeGreaterThanOrEqual(-2_000)
  expect(serverNowMs - to).toBeLessThan(slackMs)
}

test.each(SKEWS)('with the browser %s the server, the last hour of metrics ends at the server\'s now', async (_, skewMs) => {
  const serverNowMs = Date.now() + skewMs
  setMockNow(serverNowMs)
  const answer = await new QueryClient().query(metricQueries.range({ metrics: ['stt.latency.p95'], window: LAST_HOUR, step: 60 }))
  // The backend aligns the end down to the 60 s step.
  expectEndsAtServerNow(answer.to, serverNowMs, 60_000 + 2_000)
  expect(Date.parse(answer.to) - Date.parse(answer.from)).toBe(HOUR)
  expect(answer.series[0]?.values.at(-1)).not.toBeNull()
})

test.each(SKEWS)('with the browser %s the server, alert history covers the server\'s last hour', async (_, skewMs) => {
  const serverNowMs = Date.now() + skewMs
  setMockNow(serverNowMs)
  const answer = await new QueryClient().query(alertQueries.history(LAST_HOUR))
  expectEndsAtServerNow(answer.to, serverNowMs, 2_000)
  expect(Date.parse(answer.to) - Date.parse(answer.from)).toBe(HOUR)
})

test.each(SKEWS)('with the browser %s the server, errors by type count the server\'s last hour', async (_, skewMs) => {
  const serverNowMs = Date.now() + skewMs
  setMockNow(serverNowMs)
  const client = new QueryClient()
  const windowed = await client.query(logQueries.errorsIn(LAST_HOUR))
  expectEndsAtServerNow(windowed.to, serverNowMs, 2_000)
  const lasting = await client.query(logQueries.errorGroups(HOUR))
  expectEndsAtServerNow(lasting.to, serverNowMs, 2_000)
})

test('an absolute window is asked as it is, whatever the clocks say', async () => {
  setMockNow(Date.now() + HOUR)
  const window: MetricWindow = { kind: 'absolute', fromMs: Date.parse('2026-11-27T10:00:00Z'), toMs: Date.parse('2026-11-27T11:00:00Z') }
  const answer = await new QueryClient().query(alertQueries.history(window))
  expect([answer.from, answer.to]).toEqual(['2026-11-27T10:00:00.000Z', '2026-11-27T11:00:00.000Z'])
})
