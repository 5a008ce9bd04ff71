/**
 * The simulator's world cut into ticks, the unit the exporter serves. The simulator's
 * base sample i sits at i × 10 s and summarises the ten seconds before it, (i × 10 s −
 * 10 s, i × 10 s] (aggregate.ts: a sample at t covers (t − step, t], like a Prometheus
 * range). So tick i is that half-open interval: counters grow at sample i's rate
 * throughout it, gauges read sample i there, and an instant exactly on a boundary
 * i × 10 s still belongs to tick i. A PromQL query evaluated at i × 10 s with a 10 s
 * window then sees tick i alone.
 */
import type { MetricId, ScenarioName, Service } from '@/domain/catalog'
import { BASE_STEP_MS, cleanSamples, createContext, segmentRange, type ModelContext } from '@/backend/simulator/model'
import type { SimConfig } from '@/backend/simulator/scenarios'

export const TICK_MS = BASE_STEP_MS

/** The tick an instant belongs to: the i with (i − 1) × 10 s < t ≤ i × 10 s. */
export function tickOf(ms: number): number {
  return Math.ceil(ms / TICK_MS)
}

/** The tick that runs just after an instant (the one a counter integrates into from there). */
export function tickAfter(ms: number): number {
  return Math.floor(ms / TICK_MS) + 1
}

/** The simulator's clean 10-s samples for ticks i0 … i0 + n − 1, what the exporter turns into metrics. */
export interface TickWindow {
  readonly i0: number
  readonly n: number
  /** Sample of `metric` for tick i0 + j; NaN where the simulator has no data. */
  value(metric: MetricId, j: number): number
  /** The error rate a healthy world would have had (the everyday share of the errors). */
  usualErrorRate(service: Service, j: number): number
  /** The scenario governing tick i0 + j (its excess errors take that scenario's mix). */
  scenario(j: number): ScenarioName
}

export function tickWindow(config: SimConfig, i0: number, n: number): TickWindow {
  const ctx = createContext(config, i0, n)
  let healthy: ModelContext | null = null
  const scenarios: ScenarioName[] = new Array<ScenarioName>(n).fill('healthy')
  for (const segment of ctx.segments) {
    const [start, end] = segmentRange(segment, i0, n)
    scenarios.fill(segment.scenario, start, end)
  }
  return {
    i0,
    n,
    value: (metric, j) => cleanSamples(ctx, metric)[j] ?? NaN,
    usualErrorRate(service, j) {
      healthy ??= createContext({ seed: config.seed, epochs: [] }, i0, n)
      return cleanSamples(healthy, `${service}.error_rate`)[j] ?? NaN
    },
    scenario: (j) => scenarios[j] ?? 'healthy',
  }
}
