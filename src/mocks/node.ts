/**
 * The mock backend for vitest (msw/node): the same handlers over an in-memory world
 * whose clock tests can pin. test/setup.ts starts the server and resets the world
 * after each test; test/mock-backend.ts holds the named network states.
 */
import { setupServer } from 'msw/node'
import type { ScenarioName } from '@/domain/catalog'
import { createHandlers } from './handlers/all'
import { createWorld } from './world'

export const world = createWorld()

export const server = setupServer(...createHandlers(world))

export interface ResetOptions {
  seed?: number
  scenario?: ScenarioName
  /** Pins the clock at this time; the real clock otherwise. */
  nowMs?: number
}

/** A fresh world: healthy (or `scenario`), no faults, no incidents, the real clock. */
export function resetWorld(options: ResetOptions = {}): void {
  const { nowMs, ...rest } = options
  world.reset({ ...rest, now: nowMs === undefined ? Date.now : () => nowMs })
}
