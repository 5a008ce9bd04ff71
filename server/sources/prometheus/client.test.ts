import { createServer } from 'node:net'
import { createPrometheusClient, PrometheusError } from './client'
import { matrix, promError, startFakePrometheus, success, type FakePrometheus } from './fake-prometheus-server'

let prom: FakePrometheus
beforeEach(async () => {
  prom = await startFakePrometheus()
})
afterEach(() => prom.close())

const client = (timeoutMs = 2000) => createPrometheusClient({ url: prom.url, timeoutMs })

async function failure(work: Promise<unknown>): Promise<PrometheusError> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof PrometheusError)) throw new Error(`expected a PrometheusError, got ${String(error)}`)
  return error
}

test('query_range sends the query, start and end in seconds and the step; samples come back in ms with special values parsed', async () => {
  prom.handle(() => ({ body: matrix({ labels: { job: 'a' }, values: [[1700000000, '1.5'], [1700000010, 'NaN'], [1700000020, '+Inf'], [1700000030, '-Inf']] }) }))
  const result = await client().queryRange('up', 1_700_000_000_000, 1_700_000_030_000, 10)
  expect(prom.requests[0]?.path).toBe('/api/v1/query_range')
  expect(Object.fromEntries(prom.requests[0]?.params ?? [])).toEqual({ query: 'up', start: '1700000000.000', end: '1700000030.000', step: '10s' })
  expect(result.resultType).toBe('matrix')
  expect(result.series[0]?.labels).toEqual({ job: 'a' })
  expect(result.series[0]?.samples).toEqual([
    [1_700_000_000_000, 1.5],
    [1_700_000_010_000, NaN],
    [1_700_000_020_000, Infinity],
    [1_700_000_030_000, -Infinity],
  ])
  expect(result.warnings).toEqual([])
})

test('an instant query reads vectors and scalars, and keeps the warnings', async () => {
  prom.handle((r) =>
    r.params.get('query') === 'scalar(1)'
      ? { body: success({ resultType: 'scalar', result: [1700000000.5, '1'] }) }
      : { body: success({ resultType: 'vector', result: [{ metric: { a: 'b' }, value: [1700000000.5, '42'] }] }, ['a store was down']) },
  )
  const vector = await client().query('x', 1_700_000_000_500)
  expect(prom.requests[0]?.params.get('time')).toBe('1700000000.500')
  expect(vector).toEqual({ resultType: 'vector', series: [{ labels: { a: 'b' }, samples: [[1_700_000_000_500, 42]] }], warnings: ['a store was down'] })
  const scalar = await client().query('scalar(1)', 1_700_000_000_500)
  expect(scalar.series).toEqual([{ labels: {}, samples: [[1_700_000_000_500, 1]] }])
})

test('status "error" keeps Prometheus\' errorType, text and HTTP status', async () => {
  prom.handle(() => promError('bad_data', '1:5: parse error: unexpected right parenthesis'))
  const error = await failure(client().queryRange('up)', 0, 10_000, 10))
  expect(error).toMatchObject({ kind: 'error', errorType: 'bad_data', status: 400 })
  expect(error.message).toBe('bad_data: 1:5: parse error: unexpected right parenthesis')
})

test('an answer that is not JSON, or not Prometheus-shaped, is bad_response naming the host', async () => {
  prom.handle(() => ({ status: 502, body: '<html>Bad gateway</html>' }))
  const html = await failure(client().query('up', 0))
  expect(html).toMatchObject({ kind: 'bad_response', status: 502 })
  expect(html.message).toContain(prom.host)
  expect(html.message).toContain('<html>Bad gateway</html>')
  prom.handle(() => ({ body: success({ resultType: 'string', result: [0, 'x'] }) }))
  expect(await failure(client().query('"x"', 0))).toMatchObject({ kind: 'bad_response' })
})

test('a slow Prometheus is a timeout after the configured time', async () => {
  prom.handle(() => ({ body: matrix(), delayMs: 2_000 }))
  const started = Date.now()
  const error = await failure(client(150).queryRange('up', 0, 10_000, 10))
  expect(error.kind).toBe('timeout')
  expect(error.message).toContain(prom.host)
  expect(Date.now() - started).toBeLessThan(1_500)
})

test('nothing listening is unreachable, with the socket error and the host', async () => {
  // A port that was free a moment ago: nothing answers there.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port
      s.close(() => {
        resolve(p)
      })
    })
  })
  const error = await failure(createPrometheusClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 2000 }).query('up', 0))
  expect(error.kind).toBe('unreachable')
  expect(error.message).toBe(`cannot reach Prometheus at 127.0.0.1:${port}: ECONNREFUSED`)
})

test('a path prefix in PROMETHEUS_URL is kept', async () => {
  await createPrometheusClient({ url: `${prom.url}/prometheus`, timeoutMs: 2000 }).query('up', 0)
  expect(prom.requests[0]?.path).toBe('/prometheus/api/v1/query')
})

test('rules: alerting rules with their alerts; recording rules skipped; an empty lastError left out', async () => {
  prom.handle(() => ({
    body: success({
      groups: [
        {
          name: 'vigil',
          file: 'vigil-rules.yml',
          interval: 10,
          rules: [
            { type: 'recording', name: 'job:up:min', query: 'min(up)', health: 'ok' },
            {
              type: 'alerting',
              name: 'VigilDbDown',
              query: 'min(up{job="postgres"}) == 0',
              duration: 60,
              labels: { vigil_alert: 'service-down:database' },
              annotations: { summary: 'Database down' },
              state: 'firing',
              health: 'ok',
              lastError: '',
              alerts: [{ labels: { vigil_alert: 'service-down:database' }, annotations: {}, state: 'firing', activeAt: '2024-01-01T00:00:00Z', value: '0e+00' }],
            },
          ],
        },
      ],
    }),
  }))
  const rules = await client().rules()
  expect(prom.requests[0]?.params.get('type')).toBe('alert')
  expect(rules.groups[0]?.rules).toHaveLength(1)
  const rule = rules.groups[0]?.rules[0]
  expect(rule).toMatchObject({ name: 'VigilDbDown', duration: 60, state: 'firing', alerts: [{ state: 'firing', value: '0e+00' }] })
  expect(rule && 'lastError' in rule).toBe(false)
})

test('the caller giving up is not blamed on Prometheus', async () => {
  prom.handle(() => ({ body: matrix(), delayMs: 2_000 }))
  const controller = new AbortController()
  const pending = client().query('up', 0, controller.signal)
  controller.abort(new Error('page closed'))
  await expect(pending).rejects.toThrow('page closed')
})
