/**
 * Every alert rule instance over a week of 10 s samples (60,481 per metric).
 * Target: all instances evaluated in well under 20 ms; linear in the week's length.
 */
import { bench, describe } from 'vitest'
import type { MetricId } from './catalog'
import { ALERT_INSTANCES } from './alert-rules'
import { alertSpans, evaluateAll, type GridSeries } from './alert-engine'

const WEEK_MS = 7 * 24 * 3_600_000
const STEP_S = 10
const FROM = Date.UTC(2026, 10, 20)
const NOW = FROM + WEEK_MS

/**
 * A synthetic week around `base`: a daily rhythm, noise, a few incidents of twenty
 * minutes at `incident`, and rare gaps. Deliberately not the simulator: the bench
 * measures the engine alone.
 */
function week(base: number, incident: number, seed: number, length: number): GridSeries {
  let s = seed
  const next = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0
    return s / 4_294_967_296
  }
  // Built by push, like JSON.parse builds it: a packed array, not a holey one.
  const values: (number | null)[] = []
  let incidentLeft = 0
  for (let i = 0; i < length; i++) {
    if (incidentLeft === 0 && next() < 0.0002) incidentLeft = 120
    const roll = next()
    if (roll < 0.0005) values.push(null)
    else if (incidentLeft > 0) values.push(incident)
    else values.push(Math.max(0, base * (1 + 0.2 * Math.sin((i / 8640) * 2 * Math.PI) + 0.2 * (roll - 0.5))))
    if (incidentLeft > 0) incidentLeft--
  }
  return { fromMs: FROM, stepS: STEP_S, values }
}

function world(length: number): Partial<Record<MetricId, GridSeries>> {
  const series: Partial<Record<MetricId, GridSeries>> = {}
  ALERT_INSTANCES.forEach((instance, k) => {
    if (series[instance.metric]) return
    const unitBase = instance.comparator === '==' ? 1 : instance.threshold * 0.5
    const incident = instance.comparator === '==' ? 0 : instance.threshold * 1.5
    series[instance.metric] = week(unitBase, incident, k + 1, length)
  })
  return series
}

const N = WEEK_MS / (STEP_S * 1000) + 1
const full = world(N)
const half = world(Math.ceil(N / 2))

describe(`${ALERT_INSTANCES.length} rule instances over a week (${N} samples each)`, () => {
  bench('evaluateAll at the end of the week', () => {
    evaluateAll(ALERT_INSTANCES, full, NOW)
  })
  bench('evaluateAll over half a week (linearity check)', () => {
    evaluateAll(ALERT_INSTANCES, half, FROM + WEEK_MS / 2)
  })
  bench('alertSpans for every instance (chart shading)', () => {
    for (const instance of ALERT_INSTANCES) {
      const series = full[instance.metric]
      if (series) alertSpans(instance, series)
    }
  })
})
