import { apiFetch, type ApiError } from '@/api/client'
import { metricsResponse } from '@/api/schemas'
import { generateSeries } from '@/backend/simulator/series'
import { setMockNow } from '../../../test/mock-backend'

const NOW = Date.parse('2026-11-27T12:00:03.250Z')
const HOUR = 3_600_000

beforeEach(() => {
  setMockNow(NOW)
})

const query = (q: Record<string, string | number>) => apiFetch('/api/metrics', metricsResponse, { query: q })
const iso = (ms: number) => new Date(ms).toISOString()

test('serves every requested metric on the step grid, with units', async () => {
  const body = await query({ metrics: 'stt.latency.p95,stt.error_rate,llm.up', from: iso(NOW - HOUR), to: iso(NOW), step: 60 })

  expect(body.step).toBe(60)
  expect(body.from).toBe('2026-11-27T11:00:00.000Z')
  expect(body.to).toBe('2026-11-27T12:00:00.000Z')
  expect(body.series.map((s) => [s.metric, s.unit, s.values.length])).toEqual([
    ['stt.latency.p95', 'ms', 61],
    ['stt.error_rate', 'ratio', 61],
    ['llm.up', 'bool', 61],
  ])
})

test('rounds the step up to a multiple of 10 s and never below 10 s', async () => {
  const coarse = await query({ metrics: 'host.cpu', from: iso(NOW - HOUR), to: iso(NOW), step: 45 })
  const fine = await query({ metrics: 'host.cpu', from: iso(NOW - 60_000), to: iso(NOW), step: 1 })

  expect(coarse.step).toBe(50)
  expect(coarse.series[0]?.step).toBe(50)
  expect(fine.step).toBe(10)
  expect(fine.series[0]?.values).toHaveLength(7)
})

test('a coarse step aggregates the 10 s samples it covers (max for a P95)', async () => {
  const from = iso(NOW - 10 * 60_000)
  const coarse = await query({ metrics: 'stt.latency.p95', from, to: iso(NOW), step: 60 })
  const fine = await query({ metrics: 'stt.latency.p95', from: iso(NOW - 11 * 60_000), to: iso(NOW), step: 10 })
  const fineValues = fine.series[0]?.values ?? []
  const fineFrom = Date.parse(fine.from)

  // The sample at t with step 60 summarises the 10 s samples in (t - 60 s, t].
  const coarseSeries = coarse.series[0]
  expect(coarseSeries).toBeDefined()
  coarseSeries?.values.forEach((v, i) => {
    const t = Date.parse(coarse.from) + i * 60_000
    const covered = fineValues
      .filter((_, j) => {
        const tj = fineFrom + j * 10_000
        return tj > t - 60_000 && tj <= t
      })
      .filter((x): x is number => x !== null)
    expect(v).toBe(covered.length === 0 ? null : Math.max(...covered))
  })
})

test('answers exactly what the simulator generates for the seed and scenario', async () => {
  const body = await query({ metrics: 'tts.requests', from: iso(NOW - HOUR), to: iso(NOW), step: 30 })
  const expected = generateSeries({ seed: 1, epochs: [] }, 'tts.requests', NOW - HOUR, NOW, 30)

  expect(body.series[0]?.values).toEqual(expected.values)
})

test('nothing is served after now: the series ends at now, and a future window is all gaps', async () => {
  const ahead = await query({ metrics: 'stt.up', from: iso(NOW - 60_000), to: iso(NOW + 60_000), step: 10 })
  expect(ahead.to).toBe('2026-11-27T12:00:00.000Z')
  expect(ahead.series[0]?.values).toHaveLength(7)

  const future = await query({ metrics: 'stt.up', from: iso(NOW + 60_000), to: iso(NOW + 120_000), step: 30 })
  expect(future.series[0]?.values).toEqual([null, null, null])
})

test('serves a week of 10-second samples, and refuses one sample more', async () => {
  const weekAgo = NOW - 7 * 24 * HOUR
  const week = await query({ metrics: 'stt.latency.p95', from: iso(Math.floor(weekAgo / 10_000) * 10_000), to: iso(NOW), step: 10 })
  expect(week.series[0]?.values).toHaveLength(60_481)

  const tooLong = query({ metrics: 'stt.latency.p95', from: iso(Math.floor(weekAgo / 10_000) * 10_000 - 10_000), to: iso(NOW), step: 10 })
  await expect(tooLong).rejects.toMatchObject({ kind: 'http', details: { status: 400 } })
})

test.each([
  ['no metrics', { from: iso(NOW - HOUR), to: iso(NOW), step: 60 }, /metrics/],
  ['an unknown metric', { metrics: 'stt.up,cpu.temperature', from: iso(NOW - HOUR), to: iso(NOW), step: 60 }, /Unknown metric: cpu\.temperature/],
  ['no from', { metrics: 'stt.up', to: iso(NOW), step: 60 }, /`from` is required/],
  ['a from without an offset', { metrics: 'stt.up', from: '2026-11-27T11:00:00', to: iso(NOW), step: 60 }, /`from` must be an ISO 8601/],
  ['a to that is not a date', { metrics: 'stt.up', from: iso(NOW - HOUR), to: 'yesterday', step: 60 }, /`to` must be an ISO 8601/],
  ['to before from', { metrics: 'stt.up', from: iso(NOW), to: iso(NOW - HOUR), step: 60 }, /before/],
  ['no step', { metrics: 'stt.up', from: iso(NOW - HOUR), to: iso(NOW) }, /`step` is required/],
  ['a zero step', { metrics: 'stt.up', from: iso(NOW - HOUR), to: iso(NOW), step: 0 }, /`step`/],
  ['a step that is not a number', { metrics: 'stt.up', from: iso(NOW - HOUR), to: iso(NOW), step: 'ten' }, /`step`/],
])('400 for %s', async (_case, q, message) => {
  const error = (await query(q).catch((e: unknown) => e)) as ApiError
  expect(error).toMatchObject({ kind: 'http', details: { status: 400 } })
  expect((error.details.body as { message: string }).message).toMatch(message)
})
