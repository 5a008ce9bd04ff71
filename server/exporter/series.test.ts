import { DB_BUCKETS_S, METRIC_NAMES as M, STAGE_BUCKETS_S } from '@/backend/prometheus/instrumentation'
import { SCENARIOS, SERVICES, type MetricId } from '@/domain/catalog'
import { histogramShape } from './histogram-shape'
import { fillTick, SERIES, TARGETS, targetUp } from './series'
import { tickWindow, type TickWindow } from './ticks'

const DAY_TICKS = 8640
/** 2036-01-01: any time works, the simulator is stateless. */
const I0 = 2_082_758_400_000 / 10_000

/** A window over a day in which `scenario` starts an hour in, so its ramps are inside. */
function scenarioDay(scenario: (typeof SCENARIOS)[number], seed: number): TickWindow {
  return tickWindow({ seed, epochs: [{ scenario, fromMs: (I0 + 360) * 10_000 }] }, I0, DAY_TICKS)
}

const index = (sample: string) => {
  const k = SERIES.findIndex((s) => s.sample === sample)
  if (k < 0) throw new Error(`no series ${sample}`)
  return k
}

test('every tick of every scenario (a day each, two seeds) gets histograms whose quantiles are exact', () => {
  const inexact: string[] = []
  let shapes = 0
  for (const scenario of SCENARIOS) {
    for (const seed of [1, 2]) {
      const w = scenarioDay(scenario, seed)
      for (let j = 0; j < DAY_TICKS; j++) {
        for (const prefix of [...SERVICES, 'turn'] as const) {
          const p50 = w.value(`${prefix}.latency.p50`, j)
          const p95 = w.value(`${prefix}.latency.p95`, j)
          if (Number.isNaN(p50) || Number.isNaN(p95)) continue
          shapes++
          if (!histogramShape(STAGE_BUCKETS_S, p95 / 1000, p50 / 1000).exact) inexact.push(`${scenario}/${seed} ${prefix} ${p50}/${p95}`)
        }
        const db = w.value('db.latency', j)
        if (Number.isNaN(db)) continue
        shapes++
        if (!histogramShape(DB_BUCKETS_S, db / 1000).exact) inexact.push(`${scenario}/${seed} db ${db}`)
      }
    }
  }
  expect(inexact.slice(0, 10)).toEqual([])
  expect(shapes).toBeGreaterThan(SCENARIOS.length * 2 * DAY_TICKS * 4)
}, 60_000)

test.each(SCENARIOS)('%s: the ratios the default PromQL takes of the figures are the simulator’s samples', (scenario) => {
  const w = scenarioDay(scenario, 3)
  const figures = new Float64Array(SERIES.length)
  const at = (sample: string) => figures[index(sample)] ?? NaN
  const sum = (prefix: string) => SERIES.reduce((acc, s, k) => (s.sample.startsWith(prefix) ? acc + (figures[k] ?? NaN) : acc), 0)
  const close = (actual: number, metric: MetricId, j: number) => {
    const expected = w.value(metric, j)
    if (Number.isNaN(expected)) return Number.isNaN(actual)
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
  }
  const wrong: string[] = []
  // Ticks before, during the ramp and long after the onset.
  for (const j of [0, 359, 361, 363, 366, 370, 400, 1000, 5000]) {
    fillTick(w, j, figures)
    const check = (metric: MetricId, actual: number) => {
      if (!close(actual, metric, j)) wrong.push(`${metric} @${j}: ${actual} vs ${w.value(metric, j)}`)
    }
    for (const s of SERVICES) {
      const requests = sum(`${M.stageRequests}{stage="${s}"`)
      check(`${s}.requests`, requests)
      check(`${s}.error_rate`, sum(`${M.stageRequests}{stage="${s}",outcome="error"`) / requests)
      check(`${s}.retry_rate`, at(`${M.stageRetries}{stage="${s}"}`) / requests)
      check(`${s}.up`, at(`${M.stageUp}{stage="${s}"}`))
    }
    check('livekit.connect_success', at(`${M.livekitConnects}{outcome="success"}`) / sum(M.livekitConnects))
    check('livekit.rooms', at(M.livekitRooms))
    check('db.pool_use', at(M.dbPoolInUse) / at(M.dbPoolSize))
    check('db.save_failures', at(M.dbSaveFailures) * 60)
    check('quota.openai', at(`${M.quotaUsed}{provider="openai"}`) / at(`${M.quotaLimit}{provider="openai"}`))
    check('quota.groq', at(`${M.quotaUsed}{provider="groq"}`) / at(`${M.quotaLimit}{provider="groq"}`))
    check('host.cpu', 1 - (at(`${M.nodeCpu}{cpu="0",mode="idle"}`) + at(`${M.nodeCpu}{cpu="1",mode="idle"}`)) / 2)
    check('host.memory', 1 - at(M.nodeMemAvailable) / at(M.nodeMemTotal))
    check('agent.up', targetUp(w, j, 'agent') ? 1 : 0)
    check('livekit.up', targetUp(w, j, 'livekit') ? 1 : 0)
    check('db.up', targetUp(w, j, 'postgres') ? 1 : 0)
  }
  expect(wrong).toEqual([])
})

test('a histogram counts every observation once: +Inf and _count are the request rate, buckets rise to it', () => {
  const w = scenarioDay('healthy', 1)
  const figures = new Float64Array(SERIES.length)
  fillTick(w, 10, figures)
  const requests = w.value('llm.requests', 10)
  const buckets = STAGE_BUCKETS_S.map((b) => figures[index(`${M.stageDuration}_bucket{stage="llm",le="${b}"}`)] ?? NaN)
  expect(figures[index(`${M.stageDuration}_bucket{stage="llm",le="+Inf"}`)]).toBe(requests)
  expect(figures[index(`${M.stageDuration}_count{stage="llm"}`)]).toBe(requests)
  for (const [k, b] of buckets.entries()) expect(b).toBeGreaterThan(k === 0 ? 0 : (buckets[k - 1] ?? Infinity))
  expect(buckets[buckets.length - 1]).toBeLessThan(requests)
  // The mean of the buckets' midpoints lies between the median and the P95.
  const mean = (figures[index(`${M.stageDuration}_sum{stage="llm"}`)] ?? NaN) / requests
  expect(mean * 1000).toBeGreaterThan(w.value('llm.latency.p50', 10) * 0.8)
  expect(mean * 1000).toBeLessThan(w.value('llm.latency.p95', 10))
})

test('a silent agent (agent-down, after the crash) leaves its series out, not zero, and its target down', () => {
  const w = scenarioDay('agent-down', 1)
  const figures = new Float64Array(SERIES.length)
  fillTick(w, 1000, figures)
  expect(targetUp(w, 1000, 'agent')).toBe(false)
  expect(targetUp(w, 1000, 'node')).toBe(true)
  expect(figures[index(`${M.stageRequests}{stage="stt",outcome="success",error_type=""}`)]).toBeNaN()
  expect(figures[index(`${M.stageDuration}_bucket{stage="tts",le="+Inf"}`)]).toBeNaN()
  expect(figures[index(M.livekitRooms)]).toBeGreaterThan(0)
  expect(figures[index(M.nodeMemAvailable)]).toBeGreaterThan(0)
})

test('every series belongs to a target with a path and a job', () => {
  for (const s of SERIES) expect(TARGETS[s.target].path).toMatch(/metrics$/)
  expect(new Set(SERIES.map((s) => s.sample)).size).toBe(SERIES.length)
})
