/**
 * The Metrics page's client pipeline for a week of 10 s data (60,481 points a series)
 * at 1,200 px: rows reduced with M4 plus the alert spans evaluated over the same
 * series. The budget is a refresh under 33 ms of main thread, chart drawing included,
 * so this part should take a few milliseconds. "unreduced" is the `?downsample=off`
 * baseline: the same week turned into one row per sample, which Recharts then draws.
 */
import { bench, describe } from 'vitest'
import type { MetricsResponse } from '@/api/schemas'
import { chartRows, figureData } from './chart-pipeline'
import { METRIC_FIGURES } from './metric-figures'

const WEEK_MS = 7 * 24 * 3_600_000
const STEP_S = 10
const WIDTH = 1200
const FROM = Date.UTC(2026, 10, 20)
const TO = FROM + WEEK_MS
const N = WEEK_MS / (STEP_S * 1000) + 1

/** A P50/P95-like week: daily rhythm, noise, rare spikes over 3 s, a few gaps. */
function week(seed: number, base: number): (number | null)[] {
  let s = seed
  const next = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0
    return s / 4_294_967_296
  }
  const values: (number | null)[] = []
  for (let i = 0; i < N; i++) {
    const roll = next()
    const daily = Math.sin((i / 8640) * 2 * Math.PI)
    values.push(roll < 0.0005 ? null : roll < 0.002 ? 3000 + next() * 2000 : base + (base / 3) * daily + next() * (base / 4))
  }
  return values
}

const iso = (ms: number) => new Date(ms).toISOString()
const response: MetricsResponse = {
  from: iso(FROM),
  to: iso(TO),
  step: STEP_S,
  series: [
    { metric: 'stt.latency.p50', unit: 'ms', from: iso(FROM), to: iso(TO), step: STEP_S, values: week(1, 600) },
    { metric: 'stt.latency.p95', unit: 'ms', from: iso(FROM), to: iso(TO), step: STEP_S, values: week(2, 1500) },
  ],
}
const latency = METRIC_FIGURES.find((f) => f.id === 'stt-latency')
if (latency === undefined) throw new Error('the STT latency figure is missing')
const p95 = { fromMs: FROM, stepS: STEP_S, values: response.series[1]?.values ?? [] }

describe(`a week of 10 s data (${N} points a series) at ${WIDTH} px`, () => {
  bench('figure pipeline, reduced: P50 + P95 rows (M4) and P95 alert spans', () => {
    figureData(latency, response, WIDTH, true)
  })
  bench('rows only, one series, reduced (M4)', () => {
    chartRows([p95], FROM, TO, WIDTH, true)
  })
  bench('baseline: figure pipeline unreduced (?downsample=off)', () => {
    figureData(latency, response, WIDTH, false)
  })
})
