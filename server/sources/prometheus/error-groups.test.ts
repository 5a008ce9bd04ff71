import { expect, test } from 'vitest'
import { errorGroupsResponse } from '@/api/schemas'
import type { PromResult } from './client'
import { PrometheusError } from './client'
import { fakeClient } from './fake-rules-client'
import { durationS, errorGroupsQuery, prometheusErrorGroups } from './error-groups'

const HOUR = 3_600_000
const FROM = Date.UTC(2025, 0, 15, 11, 0, 0)
const TO = FROM + HOUR
const iso = (ms: number) => new Date(ms).toISOString()

const group = (stage: string | undefined, errorType: string | undefined, value: number) => ({
  labels: { ...(stage === undefined ? {} : { stage }), ...(errorType === undefined ? {} : { error_type: errorType }) },
  samples: [[TO, value]] as [number, number][],
})
const vector = (series: PromResult['series']): PromResult => ({ resultType: 'vector', series, warnings: [] })

test('errors by stage and error_type over the range, rounded, zeros and bad samples dropped, most frequent first', async () => {
  const client = fakeClient({
    query: () =>
      vector([
        group('stt', 'timeout', 11.6),
        group('tts', 'upstream_5xx', 40.2),
        group('llm', 'timeout', 12.4),
        group('stt', 'invalid_audio', 0.4),
        group('llm', 'context_length', Number.NaN),
        group('stt', 'rate_limited', 12.49),
        group(undefined, '', 3),
      ]),
  })
  const answer = await prometheusErrorGroups(client, { fromMs: FROM, toMs: TO }, TO + 60_000, '1m')
  expect(errorGroupsResponse.safeParse(answer).success).toBe(true)
  expect(answer).toEqual({
    from: iso(FROM),
    to: iso(TO),
    groups: [
      { service: 'tts', errorType: 'upstream_5xx', count: 40 },
      { service: 'llm', errorType: 'timeout', count: 12 },
      { service: 'stt', errorType: 'rate_limited', count: 12 },
      { service: 'stt', errorType: 'timeout', count: 12 },
      { service: 'unknown', errorType: 'unknown', count: 3 },
    ],
  })
  expect(client.calls).toEqual([
    {
      kind: 'query',
      expr: 'sum by (stage, error_type) (increase(voice_agent_stage_requests_total{outcome="error"}[3600s]))',
      atMs: TO,
    },
  ])
})

test('a range running past now is counted up to now', async () => {
  const client = fakeClient({ query: () => vector([]) })
  const now = FROM + 30 * 60_000
  expect((await prometheusErrorGroups(client, { fromMs: FROM, toMs: TO }, now, '1m')).groups).toEqual([])
  expect(client.calls).toEqual([{ kind: 'query', expr: errorGroupsQuery(1800), atMs: now }])
})

test('a range shorter than the rate window is counted over the window; one after now asks nothing', async () => {
  const client = fakeClient({ query: () => vector([]) })
  await prometheusErrorGroups(client, { fromMs: TO - 10_000, toMs: TO }, TO, '1m30s')
  expect(client.calls[0]?.expr).toBe(errorGroupsQuery(90))
  const later = fakeClient({})
  expect(await prometheusErrorGroups(later, { fromMs: TO, toMs: TO + HOUR }, FROM, '1m')).toEqual({ from: iso(TO), to: iso(TO + HOUR), groups: [] })
  expect(later.calls).toEqual([])
})

test.each([
  ['1m', 60],
  ['90s', 90],
  ['1h30m', 5400],
  ['500ms', 1],
  ['2d', 172_800],
])('duration %s is %i s', (text, seconds) => {
  expect(durationS(text)).toBe(seconds)
})

test.each(['', '1x', '5', 'm1'])('%j is not a duration', (text) => {
  expect(() => durationS(text)).toThrow(RangeError)
})

test.each([
  ['unreachable', 503],
  ['timeout', 504],
  ['error', 502],
] as const)('query %s → SourceError %i naming Prometheus', async (kind, status) => {
  const client = fakeClient({ query: () => new PrometheusError(kind, 'cannot reach Prometheus at 127.0.0.1:9: ECONNREFUSED') })
  await expect(prometheusErrorGroups(client, { fromMs: FROM, toMs: TO }, TO, '1m')).rejects.toMatchObject({
    name: 'SourceError',
    status,
    message: 'Cannot read the error groups from Prometheus: cannot reach Prometheus at 127.0.0.1:9: ECONNREFUSED',
  })
})
