/**
 * The grid a metrics answer is served on, whatever the source: the step the caller asked
 * for rounded up to whole 10-second samples, the window snapped to it and cut at now.
 * The simulator and Prometheus both answer on this grid, so a chart reads the same
 * timestamps from either.
 */
import { BASE_STEP_S } from '@/domain/catalog'
import { alignWindow, sampleCount } from '@/domain/time-grid'
import type { MetricsQuery, Parsed } from './params'

/** A week of 10-second samples, inclusive of both ends. */
export const MAX_SAMPLES_PER_SERIES = 60_481

export interface MetricsGrid {
  fromMs: number
  toMs: number
  stepS: number
  samples: number
  /** The whole window is after now: nothing has been recorded, every value is a gap. */
  future: boolean
}

export function fitMetricsGrid(query: MetricsQuery, nowMs: number): Parsed<MetricsGrid> {
  // Sources keep 10-second samples: coarser steps are whole multiples of them.
  const stepS = Math.max(BASE_STEP_S, Math.ceil(query.stepS / BASE_STEP_S) * BASE_STEP_S)
  // Nothing has been recorded after now: the series ends there (a client whose clock
  // runs a little ahead gets a slightly shorter series, not a made-up future).
  const future = query.fromMs > nowMs
  const window = alignWindow(query.fromMs, future ? query.toMs : Math.min(query.toMs, nowMs), stepS)
  const samples = sampleCount(window.fromMs, window.toMs, stepS)
  if (samples > MAX_SAMPLES_PER_SERIES) {
    return {
      ok: false,
      status: 400,
      message: `That range at a ${stepS} s step is ${samples} samples per series; the limit is ${MAX_SAMPLES_PER_SERIES}. Use a larger step.`,
    }
  }
  return { ok: true, value: { ...window, stepS, samples, future } }
}
