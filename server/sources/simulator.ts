/**
 * The default source: the same simulator as the mock backend, run in the server, so a
 * wall and five laptops see one simulated world. Its settings (seed, scenario history,
 * faults) live in the database, so every server process on one PostgreSQL serves the
 * same world; a process re-reads them when told the world changed, and at least every
 * few seconds in case a notice was missed.
 */
import * as z from 'zod/mini'
import { faults as faultsSchema, scenarioName, type Faults, type SimulatorControl } from '@/api/schemas'
import { applySimulatorControl, describeSimulator, freshSimState, MAX_EPOCHS, simConfig, takeFault, type SimState } from '@/backend/sim-state'
import {
  simulatedAlertHistory,
  simulatedAlerts,
  simulatedErrors,
  simulatedHealth,
  simulatedLogs,
  simulatedMetrics,
} from '@/backend/telemetry/simulated'
import type { ScenarioName } from '@/domain/catalog'
import type { IncidentRepository } from '../db/incident-repository'
import type { TelemetrySource } from './source'

/** How long a process trusts its copy of the world without a change notice. */
const MAX_STALENESS_MS = 2_000

const storedSimState = z.object({
  seed: z.int().check(z.nonnegative()),
  epochs: z.array(z.object({ scenario: scenarioName, fromMs: z.number() })).check(z.minLength(1), z.maxLength(MAX_EPOCHS)),
  faults: z.nullable(faultsSchema),
  faultCalls: z.int().check(z.nonnegative()),
})

export interface SimulatorSourceOptions {
  repository: Pick<IncidentRepository, 'simulatorState' | 'saveSimulatorState'>
  now: () => number
  /** Applied at start when given (VIGIL_SCENARIO, VIGIL_SEED); otherwise the stored world goes on. */
  scenario: ScenarioName | null
  seed: number | null
}

export async function createSimulatorSource(options: SimulatorSourceOptions): Promise<TelemetrySource> {
  const { repository, now } = options
  let cached: { sim: SimState; readAt: number } | null = null
  // Faults are counted per process: which calls fail only has to be deterministic, not global.
  let faultCalls = 0

  async function load(): Promise<SimState> {
    const parsed = storedSimState.safeParse(await repository.simulatorState())
    return parsed.success ? parsed.data : freshSimState(now())
  }

  async function world(): Promise<SimState> {
    if (cached !== null && now() - cached.readAt < MAX_STALENESS_MS) return cached.sim
    const sim = await load()
    if (cached === null || JSON.stringify(cached.sim.faults) !== JSON.stringify(sim.faults)) faultCalls = 0
    cached = { sim, readAt: now() }
    return sim
  }

  async function save(sim: SimState): Promise<void> {
    await repository.saveSimulatorState(sim)
    cached = { sim, readAt: now() }
  }

  // Where the world starts: the stored one (or a fresh healthy one), then what the settings ask for.
  const start = await load()
  const control: SimulatorControl = {}
  if (options.scenario !== null) control.scenario = options.scenario
  if (options.seed !== null) control.seed = options.seed
  applySimulatorControl(start, control, now())
  await save(start)

  const config = async () => simConfig(await world())

  return {
    kind: 'simulator',
    invalidate() {
      cached = null
    },
    metrics: async (query, nowMs) => simulatedMetrics(await config(), query, nowMs),
    alerts: async (nowMs) => simulatedAlerts(await config(), nowMs),
    alertHistory: async (range, nowMs) => simulatedAlertHistory(await config(), range, nowMs),
    health: async (nowMs) => simulatedHealth(await config(), nowMs),
    logs: async (query, nowMs) => simulatedLogs(await config(), query, nowMs),
    errors: async (range, nowMs) => simulatedErrors(await config(), range, nowMs),
    simulator: {
      state: async (nowMs) => describeSimulator(await world(), nowMs),
      async control(change, nowMs) {
        const sim = structuredClone(await load())
        applySimulatorControl(sim, change, nowMs)
        await save(sim)
        if (change.faults !== undefined) faultCalls = 0
        return describeSimulator(sim, nowMs)
      },
      async takeFault(): Promise<Faults | null> {
        const sim = await world()
        if (sim.faults === null) return null
        const counted: SimState = { ...sim, faultCalls }
        const fault = takeFault(counted)
        faultCalls = counted.faultCalls
        return fault
      },
    },
    close: () => Promise.resolve(),
  }
}
