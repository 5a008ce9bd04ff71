import { Outlet } from 'react-router'
import { useRuntime } from '@/lib/runtime-context'
import { SimulatorUrlGate } from '@/features/simulator/simulator-url-gate'
import { RuntimeProblems } from './runtime-problems'

/**
 * The war-room wall: always dark and high contrast whatever the theme, no navigation
 * chrome (nobody touches it). The `dark` class here turns on Tailwind's dark variant.
 */
export function WallLayout() {
  const { backend } = useRuntime()
  return (
    <div className="dark min-h-screen bg-black text-zinc-50" style={{ colorScheme: 'dark' }}>
      <RuntimeProblems />
      <main className="p-6">
        {backend === 'mock' ? (
          <SimulatorUrlGate>
            <Outlet />
          </SimulatorUrlGate>
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  )
}
