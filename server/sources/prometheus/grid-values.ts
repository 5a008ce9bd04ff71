/**
 * Prometheus' samples placed on the answer's grid at the simulator's precision. A sample
 * the contract cannot carry (NaN, ±Inf, negative) becomes a gap and is counted, so the
 * panel can say why its line breaks instead of drawing a made-up zero.
 */
import { aggregationOf } from '@/backend/simulator/aggregate'
import { gridTable, served, stepsPerUnit } from '@/backend/simulator/precision'
import type { MetricId } from '@/domain/catalog'
import type { PromResult } from './client'

export interface GridValues {
  values: (number | null)[]
  /** Samples that were NaN or ±Inf. */
  notFinite: number
  negative: number
  /** Series the query returned; a metric is one line, so more than one is combined. */
  seriesCount: number
}

export function gridValues(metric: MetricId, result: PromResult, fromMs: number, stepS: number, count: number): GridValues {
  const stepMs = stepS * 1000
  const how = aggregationOf(metric)
  // Per grid point: the combined value of the good samples, and how many there were.
  const acc = new Float64Array(count)
  const seen = new Uint32Array(count)
  let notFinite = 0
  let negative = 0
  for (const series of result.series) {
    for (const [timeMs, value] of series.samples) {
      const offset = timeMs - fromMs
      const i = offset / stepMs
      // query_range answers exactly on start + k·step; anything else is not this grid's.
      if (!Number.isInteger(i) || i < 0 || i >= count) continue
      if (!Number.isFinite(value)) {
        notFinite++
        continue
      }
      if (value < 0) {
        negative++
        continue
      }
      const before = seen[i] ?? 0
      const current = acc[i] ?? 0
      // Several series (a query without sum/min/max) combine as the simulator combines
      // samples: the worst one for max/min metrics, so no series can hide a breach.
      acc[i] = before === 0 ? value : how === 'max' ? Math.max(current, value) : how === 'min' ? Math.min(current, value) : current + value
      seen[i] = before + 1
    }
  }
  const steps = stepsPerUnit(metric)
  const table = gridTable(steps)
  const values = new Array<number | null>(count).fill(null)
  for (let i = 0; i < count; i++) {
    const n = seen[i] ?? 0
    if (n === 0) continue
    const v = acc[i] ?? NaN
    values[i] = served(how === 'mean' ? v / n : v, steps, table)
  }
  return { values, notFinite, negative, seriesCount: result.series.length }
}
