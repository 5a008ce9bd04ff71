/**
 * The Prometheus source's charts from a real Prometheus (Debian's 2.42, through
 * test/support/prometheus.ts) fed by the exporter: an hour of backfilled history, read
 * by prometheusMetrics at the 10-second step and at a 10-minute step (a 7-day chart's),
 * must equal what the simulator answers for the same seed and world, to the served
 * precision. Then Prometheus is stopped (the answer fails naming Prometheus) and
 * started again (the same source answers again, nothing to reload).
 */
import { simConfig } from '@/backend/sim-state'
import { GAP_FREE_TAIL_MS, gapGroupOf, gapMask } from '@/backend/simulator/gaps'
import { BASE_STEP_MS } from '@/backend/simulator/model'
import { stepsPerUnit } from '@/backend/simulator/precision'
import { simulatedMetrics } from '@/backend/telemetry/simulated'
import type { MetricsQuery } from '@/backend/telemetry/params'
import { METRIC_IDS, type MetricId } from '@/domain/catalog'
import { PROMETHEUS_MISSING, requirePrometheus, startPrometheus, type TestPrometheus } from '../../../test/support/prometheus'
import { startExporter, type Exporter } from '../../exporter/exporter'
import { SourceError } from '../source'
import { createPrometheusClient } from './client'
import { prometheusMetrics, type PrometheusMetricsOptions } from './metrics'

const available = requirePrometheus()
if (!available) console.warn(`[prometheus source] ${PROMETHEUS_MISSING}; the real-Prometheus suite is skipped`)

const SEED = 11
const BACKFILL_MS = 60 * 60_000
const TEN_MIN = 600_000

describe.skipIf(!available)('charts from a real Prometheus', () => {
  let exporter: Exporter
  let prometheus: TestPrometheus
  let options: PrometheusMetricsOptions

  beforeAll(async () => {
    exporter = await startExporter({ seed: SEED, scenario: 'openai-outage' })
    const startedAt = exporter.world.startedAtMs
    prometheus = await startPrometheus({
      exporter: `127.0.0.1:${exporter.port}`,
      backfill: { config: simConfig(exporter.world.simState()), fromMs: startedAt - BACKFILL_MS, toMs: startedAt },
    })
    // A 10 s rate window: rate() over one tick is exact (see server/exporter/real-prometheus.test.ts).
    options = { client: createPrometheusClient({ url: prometheus.url, timeoutMs: 20_000 }), queries: {}, rateWindow: '10s' }
  }, 90_000)

  afterAll(async () => {
    await prometheus.close()
    await exporter.close()
  })

  /** Differences beyond one unit of the served precision, per metric, at most a few. */
  async function mismatches(query: MetricsQuery): Promise<string[]> {
    const now = Date.now()
    const fromProm = await prometheusMetrics(options, query, now)
    const fromSim = simulatedMetrics(simConfig(exporter.world.simState()), query, now)
    if (!fromProm.ok || !fromSim.ok) throw new Error('both answers must be on the grid')
    expect(fromProm.value.problems).toBeUndefined()
    expect(fromProm.value.step).toBe(fromSim.value.step)
    const out: string[] = []
    for (const simSeries of fromSim.value.series) {
      const promSeries = fromProm.value.series.find((s) => s.metric === simSeries.metric)
      // Two values rounded from floats that differ by 1e-13 may round a unit apart.
      const unit = 1 / stepsPerUnit(simSeries.metric) + 1e-9
      const missed = simulatedScrapeGaps(simSeries.metric, query, fromSim.value.step)
      simSeries.values.forEach((expected, i) => {
        const actual = promSeries?.values[i]
        // The simulator's own missed scrapes: the exporter serves every tick, so Prometheus has these.
        if (missed[i] === 1) return
        const ok = expected === null ? actual === null : actual !== null && actual !== undefined && Math.abs(actual - expected) <= unit
        if (!ok && out.length < 20) out.push(`${simSeries.metric}[${i}]: Prometheus ${String(actual)}, simulator ${String(expected)}`)
      })
    }
    return out
  }

  /**
   * 1 for each step whose 10-second samples include one of the simulator's scrape gaps
   * (about one per 5,000 samples, at times fixed by the seed, so whether one lands in the
   * window depends on the clock). At the 10-second step the simulator has no value there;
   * at a coarser step the gap thins the bucket, so its worst or mean is taken over fewer
   * samples than Prometheus, which was served every tick. Such steps are not compared.
   */
  function simulatedScrapeGaps(metric: MetricId, query: MetricsQuery, stepS: number): Uint8Array {
    const perStep = (stepS * 1000) / BASE_STEP_MS
    const steps = (query.toMs - query.fromMs) / (stepS * 1000) + 1
    // Step k covers the base samples (t_k − step, t_k]: the first reaches back perStep − 1 samples.
    const i0 = query.fromMs / BASE_STEP_MS - perStep + 1
    const protectFrom = Math.floor((query.toMs - GAP_FREE_TAIL_MS) / BASE_STEP_MS) + 1
    const base = gapMask(SEED, gapGroupOf(metric), i0, steps * perStep, protectFrom)
    const out = new Uint8Array(steps)
    for (let k = 0; k < steps; k++) out[k] = base.subarray(k * perStep, (k + 1) * perStep).includes(1) ? 1 : 0
    return out
  }

  /** The backfilled hour minus its first minutes (rate() needs a previous sample), ending before live scrapes begin. */
  function backfilled(stepMs: number): { fromMs: number; toMs: number } {
    const startedAt = exporter.world.startedAtMs
    return {
      fromMs: Math.ceil((startedAt - BACKFILL_MS + 2 * TEN_MIN) / stepMs) * stepMs,
      toMs: Math.floor((startedAt - 10_000) / stepMs) * stepMs,
    }
  }

  test('at the 10-second step every catalog metric equals the simulator', async () => {
    expect(await mismatches({ metrics: [...METRIC_IDS], ...backfilled(10_000), stepS: 10 })).toEqual([])
  }, 60_000)

  test('at a 10-minute step each step keeps the worst (or mean) of its 10-second samples, as the simulator does', async () => {
    expect(await mismatches({ metrics: [...METRIC_IDS], ...backfilled(TEN_MIN), stepS: 600 })).toEqual([])
  }, 60_000)

  test('stopped, the answer fails naming Prometheus and its address; started again, the same source answers', async () => {
    const query = { metrics: ['stt.up', 'db.latency'] as const, ...backfilled(TEN_MIN), stepS: 600 }
    await prometheus.stop()
    const error: unknown = await prometheusMetrics(options, { ...query, metrics: [...query.metrics] }, Date.now()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ status: 503 })
    expect((error as Error).message).toContain(`Prometheus at 127.0.0.1:${prometheus.port}`)
    await prometheus.start()
    const again = await prometheusMetrics(options, { ...query, metrics: [...query.metrics] }, Date.now())
    expect(again.ok && again.value.series.every((s) => s.values.some((v) => v !== null))).toBe(true)
  }, 60_000)
})
