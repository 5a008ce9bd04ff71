import { Outlet } from 'react-router'
import { useRuntime } from '@/lib/runtime-context'
import { SimulatorUrlGate } from '@/features/simulator/simulator-url-gate'
import { RuntimeProblems } from './runtime-problems'

/**
 * The war-room wall: always dark and high contrast whatever the theme, no navigation
 * chrome (nobody touches it). The `dark` class here turns on Tailwind's dark variant.
 * Exactly one screen high and never scrolling: the page fills `main` and truncates.
 */
export function WallLayout() {
  const { backend } = useRuntime()
  return (
    <div className="dark flex h-screen flex-col overflow-hidden bg-black text-zinc-50" style={{ colorScheme: 'dark' }}>
      <RuntimeProblems />
      <main className="flex min-h-0 flex-1 flex-col p-6">
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
