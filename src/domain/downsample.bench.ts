/**
 * A week of 10 s samples (60,481 points) reduced for a 1,200 px chart.
 * Target: M4 well under 2 ms. LTTB runs beside it for comparison only.
 */
import { bench, describe } from 'vitest'
import { lttb, m4, pickStep } from './downsample'

const WEEK_MS = 7 * 24 * 3_600_000
const STEP_MS = 10_000
const WIDTH = 1200
const FROM = Date.UTC(2026, 10, 20)
const TO = FROM + WEEK_MS
const N = WEEK_MS / STEP_MS + 1

/** A synthetic P95 latency: daily rhythm, noise, rare spikes above 3 s and a few gaps. */
function week() {
  let seed = 42
  const next = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0
    return seed / 4_294_967_296
  }
  const xs = new Float64Array(N)
  const ys: (number | null)[] = []
  for (let i = 0; i < N; i++) {
    xs[i] = FROM + i * STEP_MS
    const daily = Math.sin((i / 8640) * 2 * Math.PI)
    const roll = next()
    ys.push(roll < 0.0005 ? null : roll < 0.002 ? 3000 + next() * 2000 : 1200 + 400 * daily + next() * 300)
  }
  return { xs, ys }
}

const points = week()

describe(`a week (${N} points) → ${WIDTH} px`, () => {
  bench('m4', () => {
    m4(points, FROM, TO, WIDTH)
  })
  bench('lttb to 4 × width (same budget as m4)', () => {
    lttb(points, 4 * WIDTH)
  })
  bench('lttb to width', () => {
    lttb(points, WIDTH)
  })
  bench('pickStep', () => {
    pickStep(FROM, TO, WIDTH)
  })
})
