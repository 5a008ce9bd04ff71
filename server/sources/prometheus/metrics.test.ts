import { metricsResponse } from '@/api/schemas'
import type { MetricsQuery } from '@/backend/telemetry/params'
import { sampleCount } from '@/domain/time-grid'
import { SourceError } from '../source'
import { createPrometheusClient } from './client'
import { matrix, promError, startFakePrometheus, success, type FakeAnswer, type FakePrometheus, type FakeRequest } from './fake-prometheus-server'
import { prometheusMetrics } from './metrics'
import type { QueryOverrides } from './queries'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** On every grid: a whole number of days since the epoch. */
const NOW = Date.UTC(2024, 0, 8)

let prom: FakePrometheus
beforeEach(async () => {
  prom = await startFakePrometheus()
})
afterEach(() => prom.close())

function read(query: Omit<MetricsQuery, 'toMs'> & { toMs?: number }, options: { queries?: QueryOverrides; timeoutMs?: number; url?: string } = {}) {
  const client = createPrometheusClient({ url: options.url ?? prom.url, timeoutMs: options.timeoutMs ?? 2_000 })
  return prometheusMetrics({ client, queries: options.queries ?? {}, rateWindow: '1m' }, { toMs: NOW, ...query }, NOW)
}

async function answer(...args: Parameters<typeof read>) {
  const result = await read(...args)
  if (!result.ok) throw new Error(result.message)
  // Whatever Prometheus said, the answer keeps the contract.
  expect(metricsResponse.safeParse(result.value).success).toBe(true)
  return result.value
}

/** Every grid point of the request, answered by `value(t seconds)`. */
function everyStep(value: (tS: number, request: FakeRequest) => string): (request: FakeRequest) => FakeAnswer {
  return (request) => {
    const start = Number(request.params.get('start'))
    const end = Number(request.params.get('end'))
    const step = Number.parseInt(request.params.get('step') ?? '', 10)
    const values: [number, string][] = []
    for (let t = start; t <= end; t += step) values.push([t, value(t, request)])
    return { body: matrix({ values }) }
  }
}

const P95 = 'histogram_quantile(0.95, sum by (le) (rate(voice_agent_stage_duration_seconds_bucket{stage="stt"}[1m]))) * 1000'
const UP = 'min(voice_agent_stage_up{stage="stt"})'
const REQUESTS = 'sum(rate(voice_agent_stage_requests_total{stage="stt"}[1m]))'

test('1 hour at 10 s: each metric\'s own query on the 10-second grid', async () => {
  prom.handle(everyStep(() => '1'))
  await answer({ metrics: ['stt.latency.p95', 'stt.up'], fromMs: NOW - HOUR, stepS: 10 })
  expect(prom.rangeQueries().sort()).toEqual([P95, UP].sort())
  for (const r of prom.requests) {
    expect(r.params.get('start')).toBe(String((NOW - HOUR) / 1000) + '.000')
    expect(r.params.get('end')).toBe(String(NOW / 1000) + '.000')
    expect(r.params.get('step')).toBe('10s')
  }
})

test('7 days at a 10-minute step: a subquery keeps each step\'s worst (max; min for up) or its mean, at 10 s resolution', async () => {
  prom.handle(everyStep(() => '1'))
  const value = await answer({ metrics: ['stt.latency.p95', 'stt.up', 'stt.requests'], fromMs: NOW - 7 * DAY, stepS: 600 })
  expect(prom.rangeQueries().sort()).toEqual(
    [`max_over_time((${P95})[599s:10s])`, `min_over_time((${UP})[599s:10s])`, `avg_over_time((${REQUESTS})[599s:10s])`].sort(),
  )
  expect(prom.requests.every((r) => r.params.get('step') === '600s')).toBe(true)
  expect(value.step).toBe(600)
  expect(value.series.map((s) => s.values.length)).toEqual([1009, 1009, 1009])
})

test('an asked step is rounded up to whole 10 s and the window snapped to it, as the simulator does', async () => {
  prom.handle(everyStep(() => '1'))
  const value = await answer({ metrics: ['stt.up'], fromMs: NOW - HOUR + 7_000, toMs: NOW - 3_000, stepS: 55 })
  expect(value.step).toBe(60)
  expect(value.from).toBe(new Date(NOW - HOUR).toISOString())
  expect(value.to).toBe(new Date(NOW - 60_000).toISOString())
  expect(prom.requests[0]?.params.get('step')).toBe('60s')
})

test('samples land on their grid points at the simulator\'s precision; missing points are gaps', async () => {
  const from = NOW - 60_000
  prom.handle((r) =>
    r.params.get('query')?.includes('error_rate') === true || r.params.get('query')?.includes('outcome="error"') === true
      ? { body: matrix({ values: [[from / 1000 + 20, '0.123456']] }) }
      : { body: matrix({ values: [[from / 1000, '123.456'], [from / 1000 + 30, '99.5'], [from / 1000 + 35, '7']] }) },
  )
  const value = await answer({ metrics: ['stt.latency.p95', 'stt.error_rate'], fromMs: from, stepS: 10 })
  const [p95, errors] = value.series
  // 7 points: from … now; the off-grid sample at +35 s is not this grid's.
  expect(p95?.values).toEqual([123, null, null, 100, null, null, null])
  expect(errors?.values).toEqual([null, null, 0.1235, null, null, null, null])
  expect(value.problems).toBeUndefined()
})

test('NaN, ±Inf and negative samples become gaps, counted on the panel', async () => {
  const from = NOW - 40_000
  prom.handle(() => ({ body: matrix({ values: [[from / 1000, '5'], [from / 1000 + 10, 'NaN'], [from / 1000 + 20, '+Inf'], [from / 1000 + 30, '-Inf'], [from / 1000 + 40, '-2']] }) }))
  const value = await answer({ metrics: ['db.latency'], fromMs: from, stepS: 10 })
  expect(value.series[0]?.values).toEqual([5, null, null, null, null])
  expect(value.problems).toEqual([
    { metric: 'db.latency', message: 'db.latency: 3 samples were NaN/Inf; shown as gaps' },
    { metric: 'db.latency', message: 'db.latency: 1 samples were negative; shown as gaps' },
  ])
})

test('an empty result is all gaps and says "no data": no data is not "ok"', async () => {
  prom.handle(() => ({ body: matrix() }))
  const value = await answer({ metrics: ['llm.up'], fromMs: NOW - HOUR, stepS: 60 })
  expect(value.series[0]?.values).toHaveLength(61)
  expect(value.series[0]?.values.every((v) => v === null)).toBe(true)
  expect(value.problems).toEqual([{ metric: 'llm.up', message: 'llm.up: no data — Prometheus has no series for this query in the range' }])
})

test('a refused query is that panel\'s problem, in Prometheus\' words; the other panels are drawn', async () => {
  prom.handle((r) =>
    r.params.get('query') === 'broken(' ? promError('bad_data', '1:8: parse error: unclosed left parenthesis') : everyStep(() => '1')(r),
  )
  const value = await answer({ metrics: ['stt.up', 'tts.up'], fromMs: NOW - 60_000, stepS: 10 }, { queries: { 'tts.up': 'broken(' } })
  expect(value.series.map((s) => [s.metric, s.values])).toEqual([
    ['stt.up', [1, 1, 1, 1, 1, 1, 1]],
    ['tts.up', [null, null, null, null, null, null, null]],
  ])
  expect(value.problems).toEqual([
    { metric: 'tts.up', message: 'tts.up: Prometheus refused the query — bad_data: 1:8: parse error: unclosed left parenthesis' },
  ])
})

test('Prometheus\' warnings are shown on the panel, with the data', async () => {
  prom.handle((r) => ({ body: success({ resultType: 'matrix', result: [{ metric: {}, values: [[Number(r.params.get('start')), '1']] }] }, ['store eu-1 unavailable: partial response']) }))
  const value = await answer({ metrics: ['db.up'], fromMs: NOW - 10_000, stepS: 10 })
  expect(value.series[0]?.values).toEqual([1, null])
  expect(value.problems).toEqual([{ metric: 'db.up', message: 'db.up: Prometheus warned: store eu-1 unavailable: partial response' }])
})

test('several series from one query are drawn as one, the worst of them, and said', async () => {
  const t = (NOW - 10_000) / 1000
  prom.handle(() => ({ body: matrix({ labels: { instance: 'a' }, values: [[t, '1'], [t + 10, '1']] }, { labels: { instance: 'b' }, values: [[t, '0'], [t + 10, '1']] }) }))
  const value = await answer({ metrics: ['agent.up'], fromMs: NOW - 10_000, stepS: 10 }, { queries: { 'agent.up': 'up{job="voice-agent"}' } })
  expect(value.series[0]?.values).toEqual([0, 1])
  expect(value.problems?.[0]?.message).toBe('agent.up: the query returned 2 series, shown as one (min of them); aggregate it to one series')
})

test('"exceeded maximum resolution": asked again at a step within 11,000 points, and said', async () => {
  prom.handle((r) => {
    const points = (Number(r.params.get('end')) - Number(r.params.get('start'))) / Number.parseInt(r.params.get('step') ?? '', 10)
    if (points > 11_000) return promError('bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)')
    return everyStep(() => '3')(r)
  })
  const value = await answer({ metrics: ['stt.latency.p95'], fromMs: NOW - 7 * DAY, stepS: 10 })
  expect(prom.rangeQueries()).toEqual([P95, `max_over_time((${P95})[59s:10s])`])
  expect(value.series[0]).toMatchObject({ step: 60, from: new Date(NOW - 7 * DAY).toISOString() })
  expect(value.series[0]?.values).toHaveLength(sampleCount(NOW - 7 * DAY, NOW, 60))
  expect(value.problems).toEqual([{ metric: 'stt.latency.p95', message: 'stt.latency.p95: Prometheus refused the resolution; step raised to 60s' }])
})

test('a Prometheus too slow for every metric fails the answer with 504, naming Prometheus and its host', async () => {
  prom.handle(() => ({ body: matrix(), delayMs: 3_000 }))
  const error: unknown = await read({ metrics: ['stt.up', 'llm.up'], fromMs: NOW - HOUR, stepS: 60 }, { timeoutMs: 150 }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SourceError)
  expect(error).toMatchObject({ status: 504 })
  expect((error as Error).message).toMatch(/Prometheus/)
  expect((error as Error).message).toContain(`no answer from Prometheus at ${prom.host} within 150 ms`)
})

test('an unreachable Prometheus fails the answer with 503, naming Prometheus and its host', async () => {
  const url = prom.url
  await prom.close()
  const error: unknown = await read({ metrics: ['stt.up', 'llm.up'], fromMs: NOW - HOUR, stepS: 60 }, { url }).catch((e: unknown) => e)
  expect(error).toMatchObject({ status: 503 })
  expect((error as Error).message).toContain(`cannot reach Prometheus at ${prom.host}: ECONNREFUSED`)
  prom = await startFakePrometheus()
})

test('a window wholly in the future asks Prometheus nothing and answers gaps', async () => {
  const value = await answer({ metrics: ['stt.up'], fromMs: NOW + HOUR, toMs: NOW + 2 * HOUR, stepS: 60 })
  expect(prom.requests).toEqual([])
  expect(value.series[0]?.values.every((v) => v === null)).toBe(true)
})

test('a range too fine for the grid is the simulator\'s 400, before any query', async () => {
  const result = await read({ metrics: ['stt.up'], fromMs: NOW - 8 * DAY, stepS: 10 })
  expect(result).toMatchObject({ ok: false, status: 400 })
  expect(prom.requests).toEqual([])
})

test('the queries file overrides a metric, with $window filled in', async () => {
  prom.handle(everyStep(() => '0.5'))
  await answer({ metrics: ['host.cpu', 'host.memory'], fromMs: NOW - HOUR, stepS: 600 }, { queries: { 'host.cpu': 'avg(rate(my_cpu_seconds[$window]))' } })
  expect(prom.rangeQueries()).toContain('max_over_time((avg(rate(my_cpu_seconds[1m])))[599s:10s])')
  expect(prom.rangeQueries()).toContain('max_over_time((1 - sum(node_memory_MemAvailable_bytes) / sum(node_memory_MemTotal_bytes))[599s:10s])')
})

test('at most six queries are in flight at once', async () => {
  let inFlight = 0
  let most = 0
  prom.handle((r) => {
    inFlight++
    most = Math.max(most, inFlight)
    // Counted down just before the answer goes, so the next request never overlaps it.
    setTimeout(() => inFlight--, 40)
    return { ...everyStep(() => '1')(r), delayMs: 50 }
  })
  const metrics = ['stt.up', 'llm.up', 'tts.up', 'db.up', 'livekit.up', 'agent.up', 'stt.requests', 'llm.requests', 'tts.requests', 'host.cpu'] as const
  const value = await answer({ metrics: [...metrics], fromMs: NOW - 60_000, stepS: 10 })
  expect(value.series.map((s) => s.metric)).toEqual(metrics)
  expect(most).toBeLessThanOrEqual(6)
  expect(most).toBeGreaterThan(1)
})
