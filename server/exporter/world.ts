/**
 * The exporter's simulated world: the same SimState as the mock backend and the server's
 * simulator source (seed, scenario history), the counters integrated since the exporter
 * started, and what each scrape target shows at an instant.
 */
import type { SimulatorControl, SimulatorState } from '@/api/schemas'
import { applySimulatorControl, describeSimulator, simConfig, type SimState } from '@/backend/sim-state'
import { CounterClock } from './counters'
import { renderTarget } from './exposition'
import { fillTick, SERIES, TARGETS, targetUp, type TargetId } from './series'
import { tickOf, tickWindow } from './ticks'

/**
 * How far behind its clock the exporter reads gauges and up/down. Prometheus stamps a
 * sample with the moment it started the scrape, a few ms before the request arrives
 * here; reading a little in the past keeps the last scrape of a tick on that tick (the
 * one a query at the tick's end reads) even when a tick boundary falls in between. The
 * price is that the first scrape after a boundary may still show the tick before.
 */
export const GAUGE_LAG_MS = 50

export type Scrape = { status: 200; body: string } | { status: 503; body: string }

interface Tick {
  figures: Float64Array
  up: Record<TargetId, boolean>
}

/** Ticks kept computed: the current, the one before, a few more for a late scrape. */
const CACHED_TICKS = 8

export class ExporterWorld {
  private readonly ticks = new Map<number, Tick>()
  private readonly clock: CounterClock

  constructor(
    private sim: SimState,
    readonly startedAtMs: number,
  ) {
    this.clock = new CounterClock(startedAtMs, (tick) => this.tick(tick).figures)
  }

  /** A copy of the world's settings (its seed and scenario history). */
  simState(): SimState {
    return structuredClone(this.sim)
  }

  state(nowMs: number): SimulatorState {
    return describeSimulator(this.sim, nowMs)
  }

  /** POST /api/simulator: the change applies from now on; counters keep what they have counted. */
  control(change: SimulatorControl, nowMs: number): SimulatorState {
    const next = structuredClone(this.sim)
    if (applySimulatorControl(next, change, nowMs)) this.ticks.clear()
    this.sim = next
    return describeSimulator(this.sim, nowMs)
  }

  /** What a scrape of `target` at `nowMs` answers. */
  scrape(target: TargetId, nowMs: number): Scrape {
    const gaugeTick = this.tick(tickOf(nowMs - GAUGE_LAG_MS))
    if (!gaugeTick.up[target]) return { status: 503, body: `${TARGETS[target].job} is down in the simulated world.\n` }
    const at = Math.max(nowMs, this.clock.at)
    this.clock.advanceTo(at)
    const counterTick = this.tick(tickOf(at))
    return { status: 200, body: renderTarget(target, gaugeTick.figures, counterTick.figures, this.clock.totals, at) }
  }

  private tick(i: number): Tick {
    const cached = this.ticks.get(i)
    if (cached !== undefined) return cached
    const window = tickWindow(simConfig(this.sim), i, 1)
    const figures = new Float64Array(SERIES.length)
    fillTick(window, 0, figures)
    const up = Object.fromEntries(Object.keys(TARGETS).map((t) => [t, targetUp(window, 0, t as TargetId)])) as Record<TargetId, boolean>
    const tick = { figures, up }
    this.ticks.set(i, tick)
    if (this.ticks.size > CACHED_TICKS) {
      const oldest = Math.min(...this.ticks.keys())
      this.ticks.delete(oldest)
    }
    return tick
  }
}
