/**
 * The engine: clean 10-second samples of one metric over a window of base-sample
 * indices, baseline first, then each epoch's perturbation over its own stretch. No
 * gaps here (see gaps.ts) and no aggregation (see aggregate.ts). Samples live in
 * Float64Arrays with NaN for "no data" so the hot loops allocate nothing per sample.
 */
import { BASE_STEP_S, METRIC_IDS, METRIC_UNITS, type MetricId } from '@/domain/catalog'
import { BASELINES, TURN_OVERHEAD_P50_MS, TURN_OVERHEAD_P95_MS, type BaselineSpec } from './baseline'
import { DEFAULT_RAMP_MS, SCENARIO_EFFECTS, type Effect } from './effects'
import { fillWander, streamKey } from './noise'
import { LOAD_BY_SLOT, SAMPLES_PER_DAY } from './rhythm'
import { segmentsIn, type Segment, type SimConfig } from './scenarios'

export const BASE_STEP_MS = BASE_STEP_S * 1000

/** Base samples i0 … i0 + n − 1 (sample i is at i × 10 s) under one config, with a per-call cache. */
export interface ModelContext {
  readonly seed: number
  readonly segments: readonly Segment[]
  readonly i0: number
  readonly n: number
  readonly cache: Map<string, Float64Array | Uint8Array>
  /** Reused for noise so the loops allocate nothing. */
  readonly scratch: Float64Array
}

/** A context for base samples i0 … i0 + n − 1 under `config`; one per request, not shared. */
export function createContext(config: SimConfig, i0: number, n: number): ModelContext {
  const segments = segmentsIn(config, i0 * BASE_STEP_MS, (i0 + n - 1) * BASE_STEP_MS)
  return { seed: config.seed, segments, i0, n, cache: new Map(), scratch: new Float64Array(n) }
}

const METRIC_INDEX = new Map<MetricId, number>(METRIC_IDS.map((m, k) => [m, k]))

/** Noise stream of a metric: 0 for its baseline wander, 1 for its perturbation's jitter. */
export function metricKey(seed: number, metric: MetricId, role: 0 | 1): number {
  return streamKey(seed, 2 * (METRIC_INDEX.get(metric) ?? 0) + role)
}

/** Indices j (into the window) of the samples a segment governs: [start, end). */
export function segmentRange(segment: Segment, i0: number, n: number): [number, number] {
  const start = Math.max(0, Math.ceil(segment.startMs / BASE_STEP_MS) - i0)
  const end = Math.min(n, Math.ceil(segment.endMs / BASE_STEP_MS) - i0)
  return [start, Math.max(start, end)]
}

/** The metric's samples over the context's window, after every perturbation, before gaps. */
export function cleanSamples(ctx: ModelContext, metric: MetricId): Float64Array {
  const cached = ctx.cache.get(metric)
  if (cached instanceof Float64Array) return cached
  const out = new Float64Array(ctx.n)
  if (metric === 'turn.latency.p50' || metric === 'turn.latency.p95') deriveTurn(ctx, metric, out)
  else fillBaseline(ctx, out, BASELINES[metric], metricKey(ctx.seed, metric, 0))
  applyEffects(ctx, metric, out)
  clampToUnit(metric, out)
  ctx.cache.set(metric, out)
  return out
}

function fillBaseline(ctx: ModelContext, out: Float64Array, spec: BaselineSpec, key: number): void {
  const { mean, loadGain, noise } = spec
  if (loadGain === 0 && noise === 0) {
    out.fill(mean)
    return
  }
  const { i0, scratch: wander } = ctx
  fillWander(wander, key, i0)
  // Locals, not imported bindings, in the hot loop: a dev/test transform turns each
  // imported name into a property read on a module object.
  const loadBySlot = LOAD_BY_SLOT
  const perDay = SAMPLES_PER_DAY
  let slot = i0 - Math.floor(i0 / perDay) * perDay
  for (let j = 0; j < out.length; j++) {
    const load = loadBySlot[slot] ?? 1
    out[j] = mean * (1 + loadGain * (load - 1)) * (1 + noise * (wander[j] ?? 0))
    if (++slot === perDay) slot = 0
  }
}

/**
 * A turn waits for STT, then the LLM, then TTS. Medians add; the tails of three
 * independent stages rarely coincide, so their excess over the median adds in
 * quadrature rather than outright.
 */
function deriveTurn(ctx: ModelContext, metric: 'turn.latency.p50' | 'turn.latency.p95', out: Float64Array): void {
  const s50 = cleanSamples(ctx, 'stt.latency.p50')
  const l50 = cleanSamples(ctx, 'llm.latency.p50')
  const t50 = cleanSamples(ctx, 'tts.latency.p50')
  const wander = ctx.scratch
  if (metric === 'turn.latency.p50') {
    fillWander(wander, metricKey(ctx.seed, metric, 0), ctx.i0)
    for (let j = 0; j < out.length; j++) {
      const medians = (s50[j] ?? 0) + (l50[j] ?? 0) + (t50[j] ?? 0)
      out[j] = medians + TURN_OVERHEAD_P50_MS * (1 + 0.15 * (wander[j] ?? 0))
    }
    return
  }
  const s95 = cleanSamples(ctx, 'stt.latency.p95')
  const l95 = cleanSamples(ctx, 'llm.latency.p95')
  const t95 = cleanSamples(ctx, 'tts.latency.p95')
  fillWander(wander, metricKey(ctx.seed, metric, 0), ctx.i0)
  for (let j = 0; j < out.length; j++) {
    const a = s50[j] ?? 0
    const b = l50[j] ?? 0
    const c = t50[j] ?? 0
    const da = (s95[j] ?? 0) - a
    const db = (l95[j] ?? 0) - b
    const dc = (t95[j] ?? 0) - c
    const overhead = TURN_OVERHEAD_P95_MS * (1 + 0.15 * (wander[j] ?? 0))
    out[j] = a + b + c + overhead + Math.sqrt(da * da + db * db + dc * dc)
  }
}

function applyEffects(ctx: ModelContext, metric: MetricId, out: Float64Array): void {
  for (const segment of ctx.segments) {
    const effect = SCENARIO_EFFECTS[segment.scenario][metric]
    if (effect === undefined) continue
    const [start, end] = segmentRange(segment, ctx.i0, ctx.n)
    applyEffect(ctx, out, effect, metricKey(ctx.seed, metric, 1), segment.onsetMs, start, end)
  }
}

function applyEffect(
  ctx: ModelContext,
  out: Float64Array,
  effect: Effect,
  key: number,
  onsetMs: number,
  start: number,
  end: number,
): void {
  const { i0, scratch: wander } = ctx
  const scale = effect.scale ?? 1
  const target = effect.target
  const jitter = effect.jitter ?? 0
  const rampMs = effect.rampMs ?? DEFAULT_RAMP_MS
  const beginMs = onsetMs + (effect.delayMs ?? 0)
  const gapFromMs = effect.gapAfterMs === undefined ? Infinity : onsetMs + effect.gapAfterMs
  // Nothing before the effect begins: skip straight to it.
  const first = Math.max(start, Math.ceil(beginMs / BASE_STEP_MS) - i0)
  if (jitter !== 0) fillWander(wander, key, i0, first, end)
  for (let j = first; j < end; j++) {
    const t = (i0 + j) * BASE_STEP_MS
    if (t >= gapFromMs) {
      out[j] = NaN
      continue
    }
    const r = rampMs <= 0 ? 1 : Math.min(1, (t - beginMs) / rampMs)
    if (r <= 0) continue
    const m = jitter === 0 ? 1 : 1 + jitter * (wander[j] ?? 0)
    let v = (out[j] ?? 0) * (1 + (scale * m - 1) * r)
    if (target !== undefined) v += (target * m - v) * r
    out[j] = v
  }
}

/** Ratios stay in 0..1, counts are whole, nothing is negative. NaN (no data) passes through. */
function clampToUnit(metric: MetricId, out: Float64Array): void {
  const unit = METRIC_UNITS[metric]
  if (unit === 'ratio') {
    for (let j = 0; j < out.length; j++) {
      const v = out[j] ?? 0
      if (v > 1) out[j] = 1
      else if (v < 0) out[j] = 0
    }
  } else if (unit === 'count') {
    for (let j = 0; j < out.length; j++) out[j] = Math.max(0, Math.round(out[j] ?? 0))
  } else {
    for (let j = 0; j < out.length; j++) if ((out[j] ?? 0) < 0) out[j] = 0
  }
}
