import { NavLink, Link, Outlet } from 'react-router'
import { focusRing } from '@/components/ui/focus'
import { PRODUCT_NAME } from '@/components/ui/page-header'
import { useRuntime } from '@/lib/runtime-context'
import { useIncidentSync } from '@/lib/incident-sync'
import { LiveUpdatesStatus } from '@/lib/live-updates/live-updates-status'
import { useOutboxRunner } from '@/lib/outbox/use-outbox'
import { NotificationControl } from '@/features/alerts/notifications/notification-control'
import { useDesktopNotifications } from '@/features/alerts/notifications/use-desktop-notifications'
import { ScenarioControl } from '@/features/simulator/scenario-control'
import { SimulatorUrlGate } from '@/features/simulator/simulator-url-gate'
import { FiringAlertsInTab } from './firing-alerts-in-tab'
import { KeyboardShortcuts, ShortcutsButton } from './keyboard-shortcuts'
import { NavigationProgress } from './navigation-progress'
import { RuntimeProblems } from './runtime-problems'
import { SimulatedDataBadge } from './simulated-data-badge'
import { useSimulatedData } from './use-simulated-data'
import { ThemeControl } from './theme-control'

export const NAV_ITEMS = [
  { to: '/', label: 'Overview' },
  { to: '/metrics', label: 'Metrics' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/incidents', label: 'Incidents' },
  { to: '/runbooks', label: 'Runbooks' },
  { to: '/wall', label: 'Wall' },
] as const

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
  // Queued saves drain, and other tabs' incident edits show, whichever page is open.
  useOutboxRunner()
  useIncidentSync()
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
      <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur-sm dark:border-zinc-800 dark:bg-zinc-950/95">
        <div className="relative mx-auto flex h-12 max-w-[1920px] items-center gap-6 px-4">
          <Link to="/" className={`flex items-center gap-2 rounded-sm text-base font-bold tracking-tight ${focusRing}`}>
            <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="text-sky-700 dark:text-sky-400">
              <path d="M1 9h4l2-5 4 10 2-5h4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
            </svg>
            {PRODUCT_NAME}
          </Link>
          {simulated && <SimulatedDataBadge size="header" />}
          <nav aria-label="Main">
            <ul className="flex items-center gap-0.5">
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === '/'}
                    className={({ isActive }) =>
                      `block rounded-md px-2.5 py-1.5 text-sm font-medium ${focusRing} ${
                        isActive
                          ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                          : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white'
                      }`
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-4">
            <LiveUpdatesStatus />
            {mock && <ScenarioControl />}
            <NotificationControl />
            <ShortcutsButton />
            <ThemeControl />
          </div>
          <NavigationProgress />
        </div>
      </header>
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
