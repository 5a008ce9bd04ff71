import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
import { simulatorState, type SimulatorControl } from './schemas'

export const simulatorQueries = {
  all: () => ['simulator'] as const,
  state: () =>
    queryOptions({
      queryKey: simulatorQueries.all(),
      queryFn: ({ signal }) => apiFetch('/api/simulator', simulatorState, { signal }),
    }),
}

/** Steers the mock backend: switch scenario, inject faults (`faults: null` ends them). */
export function controlSimulator(control: SimulatorControl, signal?: AbortSignal) {
  return apiFetch('/api/simulator', simulatorState, { method: 'POST', body: control, signal })
}
