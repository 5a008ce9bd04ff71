import { Outlet } from 'react-router'
import { useRuntime } from '@/lib/runtime-context'
import { useDesktopNotifications } from '@/features/alerts/notifications/use-desktop-notifications'
import { SimulatorUrlGate } from '@/features/simulator/simulator-url-gate'
import { FiringAlertsInTab } from './firing-alerts-in-tab'
import { DeskHeader } from './desk-header'
import { KeyboardShortcuts } from './keyboard-shortcuts'
import { RuntimeProblems } from './runtime-problems'
import { useSimulatedData } from './use-simulated-data'

/** The responder's desk layout: sticky header with navigation and controls, then the page. */
export function AppLayout() {
  return (
    <KeyboardShortcuts>
      <FiringAlertsInTab>
        <DeskLayout />
      </FiringAlertsInTab>
    </KeyboardShortcuts>
  )
}

function DeskLayout() {
  const { backend } = useRuntime()
  useDesktopNotifications()
  const mock = backend === 'mock'
  const simulated = useSimulatedData()
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-sky-700 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <DeskHeader mock={mock} simulated={simulated} />
      <RuntimeProblems />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1920px] flex-1 px-4 py-4 outline-none">
        {mock ? (
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
