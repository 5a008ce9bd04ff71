import { freshSimState } from '@/backend/sim-state'
import { METRIC_NAMES as M } from '@/backend/prometheus/instrumentation'
import type { ScenarioName } from '@/domain/catalog'
import { startExporter, type Exporter } from './exporter'
import { TICK_MS, tickWindow } from './ticks'
import { GAUGE_LAG_MS } from './world'

/** A tick boundary well inside 2036; the exporter's clock is set by hand. */
const T = 2_082_758_400_000
let clock = T
let exporter: Exporter | null = null

async function start(scenario: ScenarioName = 'healthy', seed = 5): Promise<Exporter> {
  clock = T - 30_000
  exporter = await startExporter({ sim: freshSimState(clock, { seed, scenario }), now: () => clock })
  return exporter
}

afterEach(async () => {
  await exporter?.close()
  exporter = null
})

interface Sample {
  value: number
  timestampMs: number | null
}

/** The exposition text's samples by `name{labels}`, and the families' TYPE lines. */
async function scrape(path: string): Promise<{ status: number; samples: Map<string, Sample>; types: Map<string, string> }> {
  const response = await fetch(`${exporter?.url ?? ''}${path}`)
  const text = await response.text()
  const samples = new Map<string, Sample>()
  const types = new Map<string, string>()
  if (response.status !== 200) return { status: response.status, samples, types }
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP')) continue
    const type = /^# TYPE (\S+) (\S+)$/.exec(line)
    if (type) {
      types.set(type[1] ?? '', type[2] ?? '')
      continue
    }
    const match = /^(\S+?(?:\{.*\})?) (\S+)(?: (\d+))?$/.exec(line)
    if (!match) throw new Error(`not an exposition line: ${line}`)
    samples.set(match[1] ?? '', { value: Number(match[2]), timestampMs: match[3] === undefined ? null : Number(match[3]) })
  }
  return { status: response.status, samples, types }
}

const sumOf = (samples: Map<string, Sample>, prefix: string) =>
  [...samples].reduce((acc, [name, s]) => (name.startsWith(prefix) ? acc + s.value : acc), 0)

test('two scrapes inside one tick: the counters grew at that tick’s rate, stamped with the exporter’s clock', async () => {
  const e = await start()
  const sim = tickWindow({ seed: 5, epochs: e.world.simState().epochs }, T / TICK_MS, 1)
  clock = T - 8_000
  const first = await scrape('/metrics')
  clock = T - 1_000
  const second = await scrape('/metrics')
  const prefix = `${M.stageRequests}{stage="llm"`
  const rate = (sumOf(second.samples, prefix) - sumOf(first.samples, prefix)) / 7
  expect(rate).toBeCloseTo(sim.value('llm.requests', 0), 9)
  expect(second.samples.get(`${M.stageRetries}{stage="llm"}`)?.timestampMs).toBe(T - 1_000)
  // Gauges carry no timestamp, so Prometheus marks them stale when a target goes away.
  expect(second.samples.get(`${M.stageUp}{stage="llm"}`)).toEqual({ value: 1, timestampMs: null })
  expect(second.types.get(M.stageDuration)).toBe('histogram')
  expect(second.types.get(M.stageRequests)).toBe('counter')
})

test('a counter is continuous across a tick boundary: each side grows at its own tick’s rate', async () => {
  const e = await start()
  const sim = tickWindow({ seed: 5, epochs: e.world.simState().epochs }, T / TICK_MS, 2)
  const name = `${M.stageRequests}{stage="tts",outcome="success",error_type=""}`
  clock = T - 4_000
  const before = (await scrape('/metrics')).samples.get(name)?.value ?? NaN
  clock = T + 6_000
  const after = (await scrape('/metrics')).samples.get(name)?.value ?? NaN
  const success = (j: number) => sim.value('tts.requests', j) * (1 - sim.value('tts.error_rate', j))
  expect(after - before).toBeCloseTo(4 * success(0) + 6 * success(1), 8)
})

test(`gauges and up/down read the tick of ${GAUGE_LAG_MS} ms ago, so the scrape Prometheus stamped just before a boundary keeps its tick`, async () => {
  const e = await start()
  const sim = tickWindow({ seed: 5, epochs: e.world.simState().epochs }, T / TICK_MS, 2)
  const available = (j: number) => (1 - sim.value('host.memory', j)) * 8 * 1024 ** 3
  expect(available(0)).not.toBe(available(1))
  clock = T + GAUGE_LAG_MS - 10
  expect((await scrape('/node/metrics')).samples.get(M.nodeMemAvailable)?.value).toBe(available(0))
  clock = T + GAUGE_LAG_MS + 10
  expect((await scrape('/node/metrics')).samples.get(M.nodeMemAvailable)?.value).toBe(available(1))
})

test.each([
  ['db-connection-lost', '/postgres/metrics'],
  ['livekit-outage', '/livekit/metrics'],
  ['agent-down', '/metrics'],
] as const)('%s: %s answers 503 (Prometheus’ up goes to 0); the other targets answer', async (scenario, down) => {
  await start(scenario)
  clock = T
  for (const path of ['/metrics', '/node/metrics', '/livekit/metrics', '/postgres/metrics']) {
    expect((await scrape(path)).status, path).toBe(path === down ? 503 : 200)
  }
})

test('the host outlives the agent: node metrics go on while the agent is down', async () => {
  await start('agent-down')
  clock = T
  const node = await scrape('/node/metrics')
  expect(node.samples.get(M.nodeMemTotal)?.value).toBe(8 * 1024 ** 3)
  expect(node.samples.get(`${M.nodeCpu}{cpu="0",mode="idle"}`)?.timestampMs).toBe(T)
})

test('GET /api/simulator answers the world; POST steers it like the mock backend, and the targets follow', async () => {
  const e = await start('healthy', 9)
  clock = T
  const state = (await (await fetch(`${e.url}/api/simulator`)).json()) as { scenario: string; seed: number }
  expect(state).toMatchObject({ scenario: 'healthy', seed: 9, faults: null })
  expect((await scrape('/postgres/metrics')).status).toBe(200)

  const post = (body: string) => fetch(`${e.url}/api/simulator`, { method: 'POST', body })
  const switched = await post(JSON.stringify({ scenario: 'db-connection-lost', seed: 11 }))
  expect(switched.status).toBe(200)
  expect(await switched.json()).toMatchObject({ scenario: 'db-connection-lost', seed: 11, scenarioStartedAt: new Date(T - 20 * 60_000).toISOString() })
  expect((await scrape('/postgres/metrics')).status).toBe(503)

  expect((await post('{"scenario":"meteor-strike"}')).status).toBe(422)
  expect((await post('{"unknown":1}')).status).toBe(422)
  expect((await post('{not json')).status).toBe(400)
  expect((await post('x'.repeat(20_000))).status).toBe(413)
  expect((await fetch(`${e.url}/nothing`)).status).toBe(404)
})

test('a world changed mid-way never makes a counter go back', async () => {
  const e = await start('healthy')
  const name = `${M.stageRequests}{stage="stt",outcome="success",error_type=""}`
  clock = T - 5_000
  const before = (await scrape('/metrics')).samples.get(name)?.value ?? NaN
  await fetch(`${e.url}/api/simulator`, { method: 'POST', body: JSON.stringify({ scenario: 'livekit-outage' }) })
  clock = T - 4_000
  const after = (await scrape('/metrics')).samples.get(name)?.value ?? NaN
  expect(after).toBeGreaterThan(before)
  // A clock that steps back is held where it was.
  clock = T - 6_000
  expect((await scrape('/metrics')).samples.get(name)?.value).toBe(after)
})
