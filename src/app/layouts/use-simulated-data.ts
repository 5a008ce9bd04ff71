import { useQuery } from '@tanstack/react-query'
import { sessionQueries } from '@/api/session-queries'
import { useRuntime } from '@/lib/runtime-context'

/**
 * Whether the numbers on screen come from a simulator: the in-page mock backend, or a
 * Vigil server running its own simulator (the server's default until it reads Prometheus).
 * Either way the pages must say so; real telemetry must never be mistaken for it, nor it for real.
 */
export function useSimulatedData(): boolean {
  const { backend } = useRuntime()
  const session = useQuery({ ...sessionQueries.current(), enabled: backend !== 'mock' })
  return backend === 'mock' || session.data?.simulator === true
}
