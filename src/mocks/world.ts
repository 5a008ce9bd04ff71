/**
 * The mock backend's whole state — simulator settings, injected faults and the incident
 * store — behind one read/update pair. In the browser it lives in localStorage so every
 * tab of the browser shares one world; in node it lives in memory. Time comes from a
 * clock the owner controls, so tests can pin "now".
 */
import * as z from 'zod/mini'
import type { ScenarioName } from '@/domain/catalog'
import { faults as faultsSchema, id, incident, scenarioName, timelineEvent } from '@/api/schemas'
import { emptyDb, type DbState } from './db'
import { freshSimState, MAX_EPOCHS, type SimState } from '@/backend/sim-state'

export const STORAGE_KEY = 'vigil.mock.v1'

export { DEFAULT_SEED, type Epoch, type SimState } from '@/backend/sim-state'

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
  return { v: 1, sim: freshSimState(nowMs, options), db: emptyDb(options.revision) }
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

export { currentScenario, setFaults, simConfig, switchScenario, takeFault } from '@/backend/sim-state'
