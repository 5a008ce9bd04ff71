import { Writable } from 'node:stream'
import { METRIC_NAMES as M } from '@/backend/prometheus/instrumentation'
import type { SimConfig } from '@/backend/simulator/scenarios'
import { writeBackfill, type BackfillOptions } from './backfill'
import { SERIES } from './series'
import { TICK_MS, tickWindow } from './ticks'

/** A tick boundary inside 2036. */
const T = 2_082_758_400_000
const MINUTE = 60_000

/** Collects what is written, and how often the writer waited for a drain. */
class Sink extends Writable {
  text = ''
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8')
    done()
  }
}

interface Line {
  series: string
  value: number
  timestampMs: number
}

async function backfill(options: BackfillOptions): Promise<{ lines: Line[]; text: string; bytes: number; samples: number }> {
  const sink = new Sink({ highWaterMark: 1024 })
  const result = await writeBackfill(options, sink)
  const body = sink.text.split('\n')
  expect(body.slice(-2)).toEqual(['# EOF', ''])
  const lines = body.slice(0, -2).map((line): Line => {
    const match = /^(\S+\{[^}]*\}) (\S+) (\d+)$/.exec(line)
    if (!match) throw new Error(`not an OpenMetrics sample with a timestamp: ${line}`)
    return { series: match[1] ?? '', value: Number(match[2]), timestampMs: Number(match[3]) * 1000 }
  })
  expect(lines).toHaveLength(result.samples)
  expect(Buffer.byteLength(sink.text)).toBe(result.bytes)
  return { lines, text: sink.text, bytes: result.bytes, samples: result.samples }
}

const config = (scenario: 'healthy' | 'db-connection-lost' | 'agent-down', fromMs: number): SimConfig => ({ seed: 4, epochs: [{ scenario, fromMs }] })
const valuesOf = (lines: Line[], series: string) => lines.filter((l) => l.series === series)

test('every sample is labelled as a scrape would be, on the 10 s grid, with each job’s up', async () => {
  const { lines } = await backfill({ config: config('healthy', 0), fromMs: T - 2 * MINUTE + 3_000, toMs: T })
  const times = [...new Set(lines.map((l) => l.timestampMs))]
  expect(times[0]).toBe(T - 110_000)
  expect(times[times.length - 1]).toBe(T)
  expect(times.every((t, k) => k === 0 || t - (times[k - 1] ?? 0) === 10_000)).toBe(true)
  for (const job of ['voice-agent', 'node', 'livekit', 'postgres']) {
    expect(valuesOf(lines, `up{job="${job}",instance="vigil-exporter"}`).map((l) => l.value)).toEqual(times.map(() => 1))
  }
  expect(lines.filter((l) => l.timestampMs === T)).toHaveLength(SERIES.length + 4)
  expect(lines.some((l) => l.series === `${M.stageRetries}{job="voice-agent",instance="vigil-exporter",stage="stt"}`)).toBe(true)
})

test('a counter grows by exactly its tick’s rate × 10 s from one sample to the next', async () => {
  const c = config('healthy', 0)
  const { lines } = await backfill({ config: c, fromMs: T - MINUTE, toMs: T })
  const sim = tickWindow(c, (T - MINUTE) / TICK_MS, 7)
  const retries = valuesOf(lines, `${M.stageRetries}{job="voice-agent",instance="vigil-exporter",stage="llm"}`)
  expect(retries[0]?.value).toBe(0)
  for (let k = 1; k < retries.length; k++) {
    const j = (retries[k]?.timestampMs ?? 0) / TICK_MS - sim.i0
    const expected = sim.value('llm.requests', j) * sim.value('llm.retry_rate', j) * 10
    expect((retries[k]?.value ?? NaN) - (retries[k - 1]?.value ?? NaN)).toBeCloseTo(expected, 9)
  }
})

test('a down target writes up 0 and none of its counters; its gauges and gauges without data read NaN', async () => {
  // The agent crashes 40 s after the onset: a minute later it has been down for 20 s.
  const { lines } = await backfill({ config: config('agent-down', T - MINUTE), fromMs: T - 10_000, toMs: T })
  const at = (t: number) => lines.filter((l) => l.timestampMs === t)
  const up = (t: number, job: string) => at(t).find((l) => l.series === `up{job="${job}",instance="vigil-exporter"}`)?.value
  expect(up(T, 'voice-agent')).toBe(0)
  expect(up(T, 'node')).toBe(1)
  expect(at(T).some((l) => l.series.startsWith(M.stageRequests))).toBe(false)
  expect(at(T).find((l) => l.series.startsWith(M.dbPoolSize))?.value).toBeNaN()
  expect(at(T).find((l) => l.series.startsWith(M.nodeMemAvailable))?.value).toBeGreaterThan(0)

  const db = await backfill({ config: config('db-connection-lost', T - 5 * MINUTE), fromMs: T - 10_000, toMs: T })
  expect(db.lines.find((l) => l.timestampMs === T && l.series.startsWith('up{job="postgres"'))?.value).toBe(0)
  // The database histogram has no data once the connection is lost: left out, like any counter without data.
  expect(db.lines.some((l) => l.timestampMs === T && l.series.startsWith(M.dbQueryDuration))).toBe(false)
})

test('older history can be sparser: one sample every 30 s before the cut, every 10 s after', async () => {
  const { lines } = await backfill({
    config: config('healthy', 0),
    fromMs: T - 10 * MINUTE,
    toMs: T,
    coarse: { untilMs: T - 2 * MINUTE - 5_000, intervalS: 30 },
  })
  const times = [...new Set(lines.map((l) => l.timestampMs))]
  const steps = times.slice(1).map((t, k) => (t - (times[k] ?? 0)) / 1000)
  expect(times[0]).toBe(T - 10 * MINUTE)
  // The cut rounds down to the coarse grid (T − 150 s), so the fine part never starts late.
  expect(steps).toEqual([...Array<number>(15).fill(30), ...Array<number>(15).fill(10)])
})

test('a 5 s interval for a Prometheus 3; intervals that do not divide a tick are refused', async () => {
  const { lines } = await backfill({ config: config('healthy', 0), fromMs: T - 20_000, toMs: T, intervalS: 5 })
  expect(new Set(lines.map((l) => l.timestampMs)).size).toBe(5)
  await expect(writeBackfill({ config: config('healthy', 0), fromMs: T - 20_000, toMs: T, intervalS: 3 }, new Sink())).rejects.toThrow(/divide/)
})
