/**
 * Server-side `step`: a sample at time t with step s summarises the base samples in
 * (t − s, t], like a Prometheus range function, with the function that never hides a
 * breach — max for tails, error, retry and saturation; min for `up`, so any downtime
 * shows; mean for medians, rates and counts of things.
 */
import type { MetricId } from '@/domain/catalog'
import { gridTable, served, stepsPerUnit } from './precision'

export type Aggregation = 'max' | 'mean' | 'min'

/** How a metric's 10-second samples are combined into one sample of a coarser step. */
export function aggregationOf(metric: MetricId): Aggregation {
  if (metric.endsWith('.up')) return 'min'
  if (metric.endsWith('.p50') || metric.endsWith('.requests') || metric === 'livekit.rooms' || metric === 'livekit.connect_success') {
    return 'mean'
  }
  return 'max'
}

/**
 * The metric's served values from its base samples: buckets of `k` consecutive
 * samples, masked samples and NaN ignored, a bucket with no data null, each value
 * at the metric's precision.
 */
export function aggregate(metric: MetricId, samples: Float64Array, mask: Uint8Array, k: number): (number | null)[] {
  const how = aggregationOf(metric)
  const steps = stepsPerUnit(metric)
  const table = gridTable(steps)
  const count = Math.floor(samples.length / k)
  const values = new Array<number | null>(count)
  // A null first makes this an array of references from the start, so numbers from
  // the shared table go in as they are instead of being unboxed and re-boxed later.
  if (count > 0) values[0] = null
  if (k === 1 && steps === 1) {
    for (let m = 0; m < count; m++) {
      const v = samples[m] ?? NaN
      values[m] = mask[m] === 1 || Number.isNaN(v) ? null : Math.round(v)
    }
    return values
  }
  if (k === 1) {
    const last = table.length - 1
    for (let m = 0; m < count; m++) {
      const v = samples[m] ?? NaN
      if (mask[m] === 1 || Number.isNaN(v)) {
        values[m] = null
        continue
      }
      const q = Math.round(v * steps)
      values[m] = q >= 0 && q <= last ? (table[q] ?? null) : q / steps
    }
    return values
  }
  for (let m = 0; m < count; m++) {
    let acc = how === 'max' ? -Infinity : how === 'min' ? Infinity : 0
    let seen = 0
    for (let j = m * k, end = j + k; j < end; j++) {
      const v = samples[j] ?? NaN
      if (mask[j] === 1 || Number.isNaN(v)) continue
      seen++
      if (how === 'max') acc = v > acc ? v : acc
      else if (how === 'min') acc = v < acc ? v : acc
      else acc += v
    }
    values[m] = seen === 0 ? null : served(how === 'mean' ? acc / seen : acc, steps, table)
  }
  return values
}
