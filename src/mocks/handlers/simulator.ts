/**
 * Steering the simulator over HTTP, as the Scenario control and the browser tests do.
 * Never faulted itself (see faults.ts), so a test can always switch faults off again.
 */
import { http } from 'msw'
import * as z from 'zod/mini'
import { simulatorControl, simulatorState } from '@/api/schemas'
import { MAX_SEED_INCIDENTS, seedIncidents } from '../seed-incidents'
import { applySimulatorControl, describeSimulator } from '@/backend/sim-state'
import type { World } from '../world'
import { readBody, reply } from './respond'

/**
 * The contract's control, plus what only the mock backend offers: `seedIncidents` adds
 * that many made-up incidents to the store (for the browser benchmarks of the list).
 */
const mockSimulatorControl = z.extend(simulatorControl, {
  seedIncidents: z.optional(z.int().check(z.gte(1), z.lte(MAX_SEED_INCIDENTS))),
})

export function simulatorHandlers(world: World) {
  return [
    http.get('/api/simulator', () => reply(world, simulatorState, describeSimulator(world.read().sim, world.now()))),

    http.post('/api/simulator', async ({ request }) => {
      const body = await readBody(world, request, mockSimulatorControl)
      if (!body.ok) return body.response
      const control = body.data
      const state = world.update((s) => {
        const nowMs = world.now()
        const { seedIncidents: _, ...simulatorControl } = control
        applySimulatorControl(s.sim, simulatorControl, nowMs)
        if (control.seedIncidents !== undefined) seedIncidents(s.db, control.seedIncidents, nowMs)
        return describeSimulator(s.sim, nowMs)
      })
      return reply(world, simulatorState, state)
    }),
  ]
}

export { describeSimulator }
