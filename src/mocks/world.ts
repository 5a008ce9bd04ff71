/**
 * The mock backend's whole state — simulator settings, injected faults and the incident
 * store — behind one read/update pair. In the browser it lives in localStorage so every
 * tab of the browser shares one world; in node it lives in memory. Time comes from a
 * clock the owner controls, so tests can pin "now".
 */
import * as z from 'zod/mini'
import type { ChangeNotice } from '@/api/events'
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
  /**
   * Hears what changed, as GET /api/events tells it: after every update() or reset() that
   * changed the incident store or the simulator, and (in the browser) when another tab
   * changed the stored world. Returns the function that stops listening.
   */
  subscribe(listener: (notice: ChangeNotice) => void): () => void
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
    idempotency: z.array(
      z.object({
        key: z.string(),
        fingerprint: z.string(),
        incidentId: id,
        // Worlds saved before writes other than declarations remembered their answers load as they were.
        answer: z.optional(z.object({ status: z.int(), body: z.string(), etag: z.nullable(z.string()) })),
      }),
    ),
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
  const listeners = new Set<(notice: ChangeNotice) => void>()
  // The state listeners were last told about. Not `memory`: a read can load another tab's
  // change before its storage event arrives, and that change must still be announced.
  let announced: WorldState = memory
  let stopStorageEvents: (() => void) | null = null

  function announce(next: WorldState): void {
    const before = announced
    announced = next
    if (listeners.size === 0 || before === next) return
    for (const notice of changesBetween(before, next)) for (const listener of [...listeners]) listener(notice)
  }

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
      announce(memory)
    }
    return memory
  }

  function save(state: WorldState): void {
    memory = state
    announce(state)
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
    subscribe(listener) {
      if (listeners.size === 0) {
        // Start from the stored world as it is now, so nothing older is announced as news.
        announced = load()
        stopStorageEvents = listenToOtherTabs()
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          stopStorageEvents?.()
          stopStorageEvents = null
        }
      }
    },
  }

  /** Another tab saved the world: loading it announces what changed (msw/node has no window). */
  function listenToOtherTabs(): (() => void) | null {
    if (storage === null || typeof window === 'undefined') return null
    const onStorage = (event: StorageEvent) => {
      // A null key means the whole storage was cleared.
      if (event.key === STORAGE_KEY || event.key === null) load()
    }
    window.addEventListener('storage', onStorage)
    return () => {
      window.removeEventListener('storage', onStorage)
    }
  }
}

/** More incidents than this changed at once (a bulk seed): one resync says it better than a flood. */
export const MAX_INCIDENT_NOTICES = 100

/**
 * The change feed's notices between two states: each incident whose version moved (or that
 * is new), `alerts` when the simulator's settings changed, `resync` when incidents vanished
 * (the world was reset) or too many changed to list. The fault counter is left out: it
 * ticks on reads, and announcing it would make every client refetch forever.
 */
export function changesBetween(before: WorldState, after: WorldState): ChangeNotice[] {
  const notices: ChangeNotice[] = []
  if (before.db !== after.db) {
    const versions = new Map(before.db.incidents.map((i) => [i.id, i.version]))
    const moved = after.db.incidents.filter((i) => versions.get(i.id) !== i.version)
    const kept = new Set(after.db.incidents.map((i) => i.id))
    if (moved.length > MAX_INCIDENT_NOTICES || before.db.incidents.some((i) => !kept.has(i.id))) notices.push({ type: 'resync' })
    else for (const i of moved) notices.push({ type: 'incident', id: i.id, version: i.version })
  }
  if (simSettings(before.sim) !== simSettings(after.sim)) notices.push({ type: 'alerts' })
  return notices
}

function simSettings({ faultCalls: _, ...settings }: SimState): string {
  return JSON.stringify(settings)
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
