/**
 * Time series from the simulator, as a metrics backend would serve them: on the
 * step grid, aggregated server-side, with null where there is no data.
 */
import { BASE_STEP_S, type MetricId } from '@/domain/catalog'
import { alignWindow, sampleCount } from '@/domain/time-grid'
import { aggregate } from './aggregate'
import { GAP_FREE_TAIL_MS, gapGroupOf, gapMask } from './gaps'
import { BASE_STEP_MS, cleanSamples, createContext, type ModelContext } from './model'
import { SAMPLES_PER_DAY } from './rhythm'
import type { SimConfig } from './scenarios'

export interface SimSeries {
  metric: MetricId
  fromMs: number
  toMs: number
  stepS: number
  values: (number | null)[]
}

/** About 400 days of 10-second samples per call: more than any chart asks, short of hanging the tab. */
export const MAX_BASE_SAMPLES = 400 * SAMPLES_PER_DAY

/** Base samples computed at once; a longer window is done in chunks so memory stays bounded. */
const CHUNK_BASE_SAMPLES = 65_536

/**
 * One metric over [fromMs, toMs]. fromMs/toMs are snapped with alignWindow(from, to,
 * stepS); stepS must be a positive multiple of 10. The same seed and epochs always
 * give the same numbers, and a slice equals the same range cut from a longer window
 * (except that gaps are held back from the last two minutes before `toMs`).
 */
export function generateSeries(config: SimConfig, metric: MetricId, fromMs: number, toMs: number, stepS: number): SimSeries {
  const [series] = generateMany(config, [metric], fromMs, toMs, stepS)
  if (series === undefined) throw new Error(`no series generated for ${metric}`)
  return series
}

/** Several metrics over one window; shares the work (turn latency reuses the services'). */
export function generateMany(
  config: SimConfig,
  metrics: readonly MetricId[],
  fromMs: number,
  toMs: number,
  stepS: number,
): SimSeries[] {
  if (!Number.isInteger(stepS) || stepS <= 0 || stepS % BASE_STEP_S !== 0) {
    throw new RangeError(`step must be a positive multiple of ${BASE_STEP_S} s, got ${stepS}`)
  }
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('from and to must be finite times')
  const window = alignWindow(fromMs, toMs, stepS)
  const perBucket = stepS / BASE_STEP_S
  const buckets = sampleCount(window.fromMs, window.toMs, stepS)
  if (buckets * perBucket > MAX_BASE_SAMPLES) {
    throw new RangeError(`window too long: ${buckets * perBucket} base samples (max ${MAX_BASE_SAMPLES})`)
  }
  const protectFrom = Math.floor((Math.max(toMs, window.toMs) - GAP_FREE_TAIL_MS) / BASE_STEP_MS) + 1
  const values = metrics.map(() => new Array<number | null>())
  const bucketsPerChunk = Math.max(1, Math.floor(CHUNK_BASE_SAMPLES / perBucket))
  for (let first = 0; first < buckets; first += bucketsPerChunk) {
    const count = Math.min(bucketsPerChunk, buckets - first)
    // Bucket t covers (t − step, t], so each bucket reaches back step − 10 s.
    const i0 = window.fromMs / BASE_STEP_MS + (first - 1) * perBucket + 1
    const ctx = createContext(config, i0, count * perBucket)
    metrics.forEach((metric, k) => {
      const chunk = aggregate(metric, cleanSamples(ctx, metric), gapsFor(ctx, metric, protectFrom), perBucket)
      const target = values[k]
      if (target === undefined) return
      if (first === 0) values[k] = chunk
      else for (const v of chunk) target.push(v)
    })
  }
  return metrics.map((metric, k) => ({ metric, fromMs: window.fromMs, toMs: window.toMs, stepS, values: values[k] ?? [] }))
}

function gapsFor(ctx: ModelContext, metric: MetricId, protectFrom: number): Uint8Array {
  const group = gapGroupOf(metric)
  const key = `gaps:${group}`
  const cached = ctx.cache.get(key)
  if (cached instanceof Uint8Array) return cached
  const mask = gapMask(ctx.seed, group, ctx.i0, ctx.n, protectFrom)
  ctx.cache.set(key, mask)
  return mask
}
