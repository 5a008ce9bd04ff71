/**
 * The mock backend's whole state — simulator settings, injected faults and the incident
 * store — behind one read/update pair. In the browser it lives in localStorage so every
 * tab of the browser shares one world; in node it lives in memory. Time comes from a
 * clock the owner controls, so tests can pin "now".
 */
import * as z from 'zod/mini'
import type { ScenarioName } from '@/domain/catalog'
import { faults as faultsSchema, id, incident, scenarioName, timelineEvent, type Faults } from '@/api/schemas'
import { emptyDb, type DbState } from './db'
import { SCENARIO_LEAD_MS, scenarioAt, type SimConfig } from '@/backend/simulator/scenarios'

export const STORAGE_KEY = 'vigil.mock.v1'

/** Charts reach back 7 days; the first epoch starts before that so every range has history. */
const HISTORY_MS = 8 * 24 * 3_600_000
/** Old epochs are dropped past this count so a long-lived tab's state stays small. */
const MAX_EPOCHS = 100
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

export interface WorldState {
  v: 1
  sim: SimState
  db: DbState
}

/** The part of the Web Storage API the world needs (localStorage fits). */
export interface WorldStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export interface WorldOptions {
  now?: () => number
  /** Where the state persists between requests; null keeps it in memory. */
  storage?: WorldStorage | null
  seed?: number
  scenario?: ScenarioName
}

export interface World {
  now(): number
  setClock(now: () => number): void
  /** The latest state (re-read from storage); treat it as read-only. */
  read(): WorldState
  /** Runs `change` on a copy of the latest state and saves it, unless it throws. */
  update<T>(change: (state: WorldState) => T): T
  /** Replaces everything with a fresh world. */
  reset(options?: Omit<WorldOptions, 'storage'>): void
}

const epochSchema = z.object({ scenario: scenarioName, fromMs: z.number() })
const worldSchema = z.object({
  v: z.literal(1),
  sim: z.object({
    seed: z.int().check(z.nonnegative()),
    epochs: z.array(epochSchema).check(z.maxLength(MAX_EPOCHS)),
    faults: z.nullable(faultsSchema),
    faultCalls: z.int().check(z.nonnegative()),
  }),
  db: z.object({
    // Worlds saved before the revision existed start at 0 rather than being thrown away.
    revision: z._default(z.int().check(z.nonnegative()), 0),
    nextIncidentNo: z.int().check(z.positive()),
    nextEventNo: z.int().check(z.positive()),
    incidents: z.array(incident),
    events: z.array(timelineEvent),
    idempotency: z.array(z.object({ key: z.string(), fingerprint: z.string(), incidentId: id })),
  }),
})

/**
 * `revision` starts the incident store's revision: a world that replaces another carries
 * its count on, so a client still holding the old list's ETag cannot be told "unchanged".
 */
export function freshWorldState(
  nowMs: number,
  options: { seed?: number; scenario?: ScenarioName; revision?: number } = {},
): WorldState {
  const sim: SimState = {
    seed: options.seed ?? DEFAULT_SEED,
    epochs: [{ scenario: 'healthy', fromMs: nowMs - HISTORY_MS }],
    faults: null,
    faultCalls: 0,
  }
  const state: WorldState = { v: 1, sim, db: emptyDb(options.revision) }
  if (options.scenario !== undefined) switchScenario(sim, options.scenario, nowMs)
  return state
}

export function createWorld(options: WorldOptions = {}): World {
  let clock = options.now ?? Date.now
  let storage = options.storage ?? null
  let memory: WorldState = freshWorldState(clock(), options)
  // Parsing the stored JSON on every request is wasted work when nothing changed.
  let lastRaw: string | null = null

  function load(): WorldState {
    if (storage === null) return memory
    let raw: string | null
    try {
      raw = storage.getItem(STORAGE_KEY)
    } catch {
      return memory
    }
    if (raw !== null && raw === lastRaw) return memory
    const parsed = raw === null ? null : parseStored(raw)
    if (parsed === null) {
      // Missing or corrupt: start over, and store the fresh world so other tabs agree.
      memory = freshWorldState(clock(), { ...options, revision: memory.db.revision + 1 })
      save(memory)
    } else {
      memory = parsed
      lastRaw = raw
    }
    return memory
  }

  function save(state: WorldState): void {
    memory = state
    if (storage === null) return
    const raw = JSON.stringify(state)
    try {
      storage.setItem(STORAGE_KEY, raw)
      lastRaw = raw
    } catch {
      // Storage full or blocked: from now on this tab keeps its world in memory, alone.
      storage = null
    }
  }

  return {
    now: () => clock(),
    setClock(now) {
      clock = now
    },
    read: load,
    update(change) {
      const draft = structuredClone(load())
      const result = change(draft)
      save(draft)
      return result
    },
    reset(next = {}) {
      if (next.now) clock = next.now
      save(freshWorldState(clock(), { ...next, revision: load().db.revision + 1 }))
    },
  }
}

function parseStored(raw: string): WorldState | null {
  try {
    const result = worldSchema.safeParse(JSON.parse(raw))
    return result.success ? result.data : null
  } catch {
    return null
  }
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
