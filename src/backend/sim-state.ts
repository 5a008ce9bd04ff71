/**
 * The simulator's settings as a backend keeps them: the seed, the scenario history
 * (epochs) and injected faults. The mock backend keeps them in its world (localStorage or
 * memory); the server keeps them in PostgreSQL so every process serves the same world.
 */
import type { Faults, SimulatorControl, SimulatorState } from '@/api/schemas'
import type { ScenarioName } from '@/domain/catalog'
import { SCENARIO_LEAD_MS, scenarioAt, type SimConfig } from './simulator/scenarios'

/** Charts reach back 7 days; the first epoch starts before that so every range has history. */
export const HISTORY_MS = 8 * 24 * 3_600_000
/** Old epochs are dropped past this count so a long-lived state stays small. */
export const MAX_EPOCHS = 100
export const DEFAULT_SEED = 1

export interface Epoch {
  scenario: ScenarioName
  fromMs: number
}

export interface SimState {
  seed: number
  /** Sorted by fromMs; each scenario runs until the next one starts, and before the first all is healthy. */
  epochs: Epoch[]
  faults: Faults | null
  /** Calls counted since the faults were set; decides deterministically which ones fail. */
  faultCalls: number
}

/** A healthy world whose history reaches back past a week, switched to `scenario` if given. */
export function freshSimState(nowMs: number, options: { seed?: number | undefined; scenario?: ScenarioName | undefined } = {}): SimState {
  const sim: SimState = {
    seed: options.seed ?? DEFAULT_SEED,
    epochs: [{ scenario: 'healthy', fromMs: nowMs - HISTORY_MS }],
    faults: null,
    faultCalls: 0,
  }
  if (options.scenario !== undefined) switchScenario(sim, options.scenario, nowMs)
  return sim
}

/** What the simulator needs to know of the world. */
export function simConfig(sim: SimState): SimConfig {
  return { seed: sim.seed, epochs: sim.epochs }
}

/** The scenario in force at `nowMs` and when it began (the simulator's own reading). */
export function currentScenario(sim: SimState, nowMs: number): { scenario: ScenarioName; sinceMs: number } {
  return scenarioAt(simConfig(sim), nowMs)
}

/**
 * Starts `scenario` its lead time in the past so its history (and the alert rules'
 * `for:` durations) already shows, unless it is already running. Epochs that began at
 * or after that point are cut off, so the new one never starts before an earlier one.
 * Returns whether anything changed.
 */
export function switchScenario(sim: SimState, scenario: ScenarioName, nowMs: number): boolean {
  if (currentScenario(sim, nowMs).scenario === scenario) return false
  const fromMs = nowMs - SCENARIO_LEAD_MS[scenario]
  sim.epochs = [...sim.epochs.filter((e) => e.fromMs < fromMs), { scenario, fromMs }].slice(-MAX_EPOCHS)
  return true
}

/** Sets new faults (or ends them) and restarts the counter that picks which calls fail. */
export function setFaults(sim: SimState, faults: Faults | null): void {
  sim.faults = faults
  sim.faultCalls = 0
}

/**
 * Counts one API call and says whether it fails. The failures are spread evenly (call n
 * fails when the running total of `rate` crosses an integer), offset by a phase taken from
 * the seed: rate 1 fails every call, rate 0 none, 0.25 exactly one call in four.
 */
export function takeFault(sim: SimState): Faults | null {
  const f = sim.faults
  if (f === null) return null
  const n = sim.faultCalls
  sim.faultCalls = n + 1
  const phase = seedPhase(sim.seed)
  return Math.floor((n + 1) * f.rate + phase) > Math.floor(n * f.rate + phase) ? f : null
}

function seedPhase(seed: number): number {
  // A tiny integer hash (from splitmix32) spreads neighbouring seeds across [0, 1).
  let h = (seed + 0x9e3779b9) | 0
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad)
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97)
  h ^= h >>> 15
  return (h >>> 0) / 4_294_967_296
}

/** The simulator's state as GET/POST /api/simulator answer it. */
export function describeSimulator(sim: SimState, nowMs: number): SimulatorState {
  const { scenario, sinceMs } = currentScenario(sim, nowMs)
  return { scenario, seed: sim.seed, faults: sim.faults, scenarioStartedAt: new Date(sinceMs).toISOString() }
}

/** Applies POST /api/simulator's control; returns whether the simulated world (not only faults) changed. */
export function applySimulatorControl(sim: SimState, control: SimulatorControl, nowMs: number): boolean {
  let worldChanged = false
  if (control.seed !== undefined && control.seed !== sim.seed) {
    sim.seed = control.seed
    worldChanged = true
  }
  if (control.scenario !== undefined) worldChanged = switchScenario(sim, control.scenario, nowMs) || worldChanged
  if (control.faults !== undefined) setFaults(sim, control.faults)
  return worldChanged
}
