/**
 * Counter totals as the integral of piecewise-constant rates: during tick i every counter
 * grows at its tick-i rate, so its value is continuous and linear inside each tick, and
 * Prometheus' rate() over a window lying within one tick is that tick's rate exactly
 * (extrapolation to the window's edges follows the same line). Totals only ever move
 * forward from where the clock stands, so a world changed by POST /api/simulator
 * changes the slope from then on and never makes a counter go back.
 */
import { SERIES } from './series'
import { TICK_MS, tickAfter } from './ticks'

/** Per-series figures of one tick: rates for counters (NaN = no data, grows by nothing). */
export type RatesOf = (tick: number) => Float64Array

export class CounterClock {
  readonly totals = new Float64Array(SERIES.length)
  private readonly counters = SERIES.flatMap((s, k) => (s.counter ? [k] : []))

  /** Totals start at 0 at `startMs`, as a freshly started process's counters do. */
  constructor(
    private atMs: number,
    private readonly ratesOf: RatesOf,
  ) {}

  get at(): number {
    return this.atMs
  }

  /** Integrates every counter up to `ms` (never backwards). */
  advanceTo(ms: number): void {
    while (this.atMs < ms) {
      const tick = tickAfter(this.atMs)
      const end = Math.min(ms, tick * TICK_MS)
      const rates = this.ratesOf(tick)
      const seconds = (end - this.atMs) / 1000
      for (const k of this.counters) {
        const rate = rates[k] ?? NaN
        if (rate > 0) this.totals[k] = (this.totals[k] ?? 0) + rate * seconds
      }
      this.atMs = end
    }
  }
}
