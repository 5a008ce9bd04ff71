import { useMutation, useQueryClient } from '@tanstack/react-query'
import { controlSimulator, simulatorQueries } from '@/api/simulator'
import type { SimulatorControl } from '@/api/schemas'

/**
 * POST /api/simulator, then refetch everything: a new scenario changes every metric,
 * alert and health state, so no cached answer is still true.
 */
export function useControlSimulator() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (control: SimulatorControl) => controlSimulator(control),
    onSuccess: async (state) => {
      queryClient.setQueryData(simulatorQueries.state().queryKey, state)
      await queryClient.invalidateQueries()
    },
  })
}
