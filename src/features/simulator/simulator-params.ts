import type { SimulatorControl, SimulatorState } from '@/api/schemas'
import { isScenarioName, SCENARIOS, type ScenarioName } from '@/domain/catalog'

export interface SimulatorRequest {
  scenario?: ScenarioName
  seed?: number
  /** What in the URL could not be used, in words. */
  problems: string[]
}

/** Reads `?scenario=` and `?seed=`; anything unusable becomes a problem to show, never a throw. */
export function parseSimulatorParams(params: URLSearchParams): SimulatorRequest {
  const request: SimulatorRequest = { problems: [] }
  const scenario = params.get('scenario')
  if (scenario !== null && scenario !== '') {
    if (isScenarioName(scenario)) request.scenario = scenario
    else request.problems.push(`The link asks for scenario “${scenario}”, which the simulator does not know. Known scenarios: ${SCENARIOS.join(', ')}.`)
  }
  const seed = params.get('seed')
  if (seed !== null && seed !== '') {
    if (/^\d+$/.test(seed) && Number.isSafeInteger(Number(seed))) request.seed = Number(seed)
    else request.problems.push(`The link’s seed “${seed}” is not a whole number ≥ 0, so the data is not fixed.`)
  }
  return request
}

export function wantsSimulatorChange(request: SimulatorRequest): boolean {
  return request.scenario !== undefined || request.seed !== undefined
}

/** The POST body that brings the simulator to what the URL asks, or null when it is already there. */
export function controlFor(request: SimulatorRequest, state: Pick<SimulatorState, 'scenario' | 'seed'>): SimulatorControl | null {
  const control: SimulatorControl = {}
  if (request.scenario !== undefined && request.scenario !== state.scenario) control.scenario = request.scenario
  if (request.seed !== undefined && request.seed !== state.seed) control.seed = request.seed
  return Object.keys(control).length === 0 ? null : control
}
