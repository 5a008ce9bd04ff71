import { Outlet } from 'react-router'
import { useRuntime } from '@/lib/runtime-context'
import { SimulatorUrlGate } from '@/features/simulator/simulator-url-gate'
import { FiringAlertsInTab } from './firing-alerts-in-tab'
import { RuntimeProblems } from './runtime-problems'
import { SimulatedDataBadge } from './simulated-data-badge'
import { useSimulatedData } from './use-simulated-data'

/**
 * The war-room wall: always dark and high contrast whatever the theme, no navigation
 * chrome (nobody touches it). The `dark` class here turns on Tailwind's dark variant.
 * Exactly one screen high and never scrolling: the page fills `main` and truncates.
 */
export function WallLayout() {
  const { backend } = useRuntime()
  const simulated = useSimulatedData()
  return (
    <div className="dark flex h-screen flex-col overflow-hidden bg-black text-zinc-50" style={{ colorScheme: 'dark' }}>
      <RuntimeProblems />
      <main className="relative flex min-h-0 flex-1 flex-col p-6">
        {simulated && (
          // Centred over the wall's title line, between the h1 and the clock; taking no row keeps the wall one screen high.
          <div className="absolute top-8 left-1/2 z-40 -translate-x-1/2">
            <SimulatedDataBadge size="wall" />
          </div>
        )}
        <FiringAlertsInTab>
          {backend === 'mock' ? (
            <SimulatorUrlGate>
              <Outlet />
            </SimulatorUrlGate>
          ) : (
            <Outlet />
          )}
        </FiringAlertsInTab>
      </main>
    </div>
  )
}
