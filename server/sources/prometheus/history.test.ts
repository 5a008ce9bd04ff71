import { expect, test } from 'vitest'
import { alertHistoryResponse } from '@/api/schemas'
import type { PromResult } from './client'
import { PrometheusError } from './client'
import { fakeClient } from './fake-rules-client'
import { ALERTS_QUERY, historyStepS, prometheusAlertHistory, runs } from './history'

const MIN = 60_000
const HOUR = 60 * MIN
const FROM = Date.UTC(2025, 0, 15, 11, 0, 0)
const TO = FROM + HOUR
const iso = (ms: number) => new Date(ms).toISOString()

/** ALERTS samples at every 10-s grid point in [fromMs, toMs). */
function present(fromMs: number, toMs: number, stepMs = 10_000): [number, number][] {
  const out: [number, number][] = []
  for (let t = fromMs; t < toMs; t += stepMs) out.push([t, 1])
  return out
}

function alertsSeries(vigilAlert: string, alertstate: string, samples: [number, number][], extra: Record<string, string> = {}) {
  return { labels: { __name__: 'ALERTS', alertname: 'X', alertstate, vigil_alert: vigilAlert, ...extra }, samples }
}

const matrix = (series: PromResult['series']): PromResult => ({ resultType: 'matrix', series, warnings: [] })

test('pending then firing, a gap, then firing again: spans per instance and state, in catalog order', async () => {
  const id = 'error-rate-critical:stt'
  const client = fakeClient({
    queryRange: () =>
      matrix([
        // LLM's alert comes later in the catalog than STT's, so it is listed after it.
        alertsSeries('error-rate-warning:llm', 'pending', present(FROM + 5 * MIN, FROM + 7 * MIN)),
        alertsSeries(id, 'firing', [...present(FROM + 15 * MIN, FROM + 20 * MIN), ...present(FROM + 40 * MIN, TO + 10_000)]),
        alertsSeries(id, 'pending', present(FROM + 10 * MIN, FROM + 15 * MIN)),
        // A bad sample is a gap, not a point.
        alertsSeries(id, 'pending', [[FROM + 50 * MIN, Number.NaN]], { instance: 'b' }),
      ]),
  })
  const answer = await prometheusAlertHistory(client, { fromMs: FROM, toMs: TO }, TO + 5 * MIN)
  expect(alertHistoryResponse.safeParse(answer).success).toBe(true)
  const span = (alertId: string, ruleId: string, subject: string, state: string, from: number, to: number) => ({
    alertId, ruleId, subject, state, from: iso(from), to: iso(to),
  })
  expect(answer).toEqual({
    from: iso(FROM),
    to: iso(TO),
    spans: [
      span(id, 'error-rate-critical', 'stt', 'pending', FROM + 10 * MIN, FROM + 15 * MIN),
      span(id, 'error-rate-critical', 'stt', 'firing', FROM + 15 * MIN, FROM + 20 * MIN),
      // Still firing at the end of the range: the span runs to it.
      span(id, 'error-rate-critical', 'stt', 'firing', FROM + 40 * MIN, TO),
      span('error-rate-warning:llm', 'error-rate-warning', 'llm', 'pending', FROM + 5 * MIN, FROM + 7 * MIN),
    ],
  })
  expect(client.calls).toEqual([{ kind: 'queryRange', expr: ALERTS_QUERY, startMs: FROM, endMs: TO, stepS: 10 }])
})

test('one instance’s series that differ only in other labels make one span', async () => {
  const id = 'service-down:livekit'
  const client = fakeClient({
    queryRange: () =>
      matrix([
        alertsSeries(id, 'firing', present(FROM, FROM + 2 * MIN), { instance: 'a' }),
        alertsSeries(id, 'firing', present(FROM + 2 * MIN, FROM + 4 * MIN), { instance: 'b' }),
      ]),
  })
  const { spans } = await prometheusAlertHistory(client, { fromMs: FROM, toMs: TO }, TO)
  expect(spans.map((s) => [s.state, s.from, s.to])).toEqual([['firing', iso(FROM), iso(FROM + 4 * MIN)]])
})

test('alerts the catalog does not know, and series without a state, are left out', async () => {
  const client = fakeClient({
    queryRange: () =>
      matrix([
        alertsSeries('error-rate-critical:billing', 'firing', present(FROM, FROM + MIN)),
        { labels: { vigil_alert: 'service-down:stt' }, samples: present(FROM, FROM + MIN) },
        alertsSeries('service-down:stt', 'inactive', present(FROM, FROM + MIN)),
      ]),
  })
  expect((await prometheusAlertHistory(client, { fromMs: FROM, toMs: TO }, TO)).spans).toEqual([])
})

test('the range stops at now; a range entirely after now asks nothing', async () => {
  const now = FROM + 20 * MIN
  const client = fakeClient({})
  await prometheusAlertHistory(client, { fromMs: FROM, toMs: TO }, now)
  expect(client.calls).toEqual([{ kind: 'queryRange', expr: ALERTS_QUERY, startMs: FROM, endMs: now, stepS: 10 }])
  const later = fakeClient({})
  expect(await prometheusAlertHistory(later, { fromMs: TO, toMs: TO + HOUR }, FROM)).toEqual({ from: iso(TO), to: iso(TO + HOUR), spans: [] })
  expect(later.calls).toEqual([])
})

test.each([
  [HOUR, 10],
  [6 * HOUR, 10],
  [30 * HOUR, 10],
  [7 * 24 * HOUR, 60],
])('a %i ms range is read at a %i s step, within Prometheus’ 11,000 points', (rangeMs, stepS) => {
  expect(historyStepS(rangeMs)).toBe(stepS)
  expect(rangeMs / 1000 / stepS).toBeLessThanOrEqual(11_000)
})

test('a week is asked at its fitted step', async () => {
  const client = fakeClient({})
  await prometheusAlertHistory(client, { fromMs: TO - 7 * 24 * HOUR, toMs: TO }, TO)
  expect(client.calls[0]?.stepS).toBe(60)
})

test('runs: a missing point ends a span at that point; a lone point spans one step', () => {
  expect(runs([0, 10, 20, 50, 90], 10, 1000)).toEqual([
    { fromMs: 0, toMs: 30 },
    { fromMs: 50, toMs: 60 },
    { fromMs: 90, toMs: 100 },
  ])
  expect(runs([], 10, 100)).toEqual([])
  expect(runs([95], 10, 100)).toEqual([{ fromMs: 95, toMs: 100 }])
})

test.each([
  ['unreachable', 503],
  ['timeout', 504],
  ['error', 502],
] as const)('query_range %s → SourceError %i naming Prometheus', async (kind, status) => {
  const client = fakeClient({ queryRange: () => new PrometheusError(kind, 'boom') })
  await expect(prometheusAlertHistory(client, { fromMs: FROM, toMs: TO }, TO)).rejects.toMatchObject({
    name: 'SourceError',
    status,
    message: 'Cannot read the alert history from Prometheus: boom',
  })
})
