import { useEffect, useId, useRef, useState } from 'react'
import { Link, NavLink } from 'react-router'
import { Button } from '@/components/ui/button'
import { ClockSkewNote } from '@/components/ui/clock-skew-note'
import { focusRing } from '@/components/ui/focus'
import { PRODUCT_NAME } from '@/components/ui/page-header'
import { LiveUpdatesStatus } from '@/lib/live-updates/live-updates-status'
import { NotificationControl } from '@/features/alerts/notifications/notification-control'
import { ScenarioControl } from '@/features/simulator/scenario-control'
import { ShortcutsButton } from './keyboard-shortcuts'
import { NavigationProgress } from './navigation-progress'
import { SimulatedDataBadge } from './simulated-data-badge'
import { ThemeControl } from './theme-control'

export const NAV_ITEMS = [
  { to: '/', label: 'Overview' },
  { to: '/metrics', label: 'Metrics' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/incidents', label: 'Incidents' },
  { to: '/runbooks', label: 'Runbooks' },
  { to: '/wall', label: 'Wall' },
] as const

/**
 * The sticky header: the navigation and the controls in one row on a wide screen; below
 * 1280 px, where they no longer fit on one line, a Menu button that opens them as a
 * column of full-width, 44 px touch targets.
 */
export function DeskHeader({ mock, simulated }: { mock: boolean; simulated: boolean }) {
  const [menuOpen, setMenuOpen] = useState(false)
  const menuId = useId()
  const menuButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!menuOpen) return
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setMenuOpen(false)
      menuButton.current?.focus()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [menuOpen])
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/95 backdrop-blur-sm dark:border-zinc-800 dark:bg-zinc-950/95">
      <div className="relative mx-auto flex h-12 max-w-[1920px] items-center gap-3 px-4 xl:gap-4 2xl:gap-6">
        <Link to="/" className={`flex items-center gap-2 rounded-sm text-base font-bold tracking-tight ${focusRing}`}>
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="text-sky-700 dark:text-sky-400">
            <path d="M1 9h4l2-5 4 10 2-5h4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
          </svg>
          {PRODUCT_NAME}
        </Link>
        {simulated && <SimulatedDataBadge size="header" />}
        <nav aria-label="Main" className="hidden xl:block">
          <NavItems layout="row" />
        </nav>
        <div className="ml-auto hidden items-center gap-3 xl:flex 2xl:gap-4">
          <HeaderControls mock={mock} crowded />
        </div>
        <Button
          ref={menuButton}
          className="ml-auto min-h-[44px] min-w-[44px] xl:hidden"
          variant="ghost"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => {
            setMenuOpen((open) => !open)
          }}
        >
          <MenuIcon open={menuOpen} />
          Menu
        </Button>
        <NavigationProgress />
      </div>
      <ClockSkewNote className="border-t border-amber-300 bg-amber-50 px-4 py-1 text-center text-xs text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100" />
      {menuOpen && (
        // Following a link closes the menu; Escape closes it and puts focus back on its button.
        <div id={menuId} className="max-h-[calc(100dvh-3rem)] overflow-y-auto border-t border-zinc-200 px-4 pt-2 pb-4 xl:hidden dark:border-zinc-800">
          <nav aria-label="Main">
            <NavItems
              layout="column"
              onFollow={() => {
                setMenuOpen(false)
              }}
            />
          </nav>
          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <HeaderControls mock={mock} />
          </div>
        </div>
      )}
    </header>
  )
}

/** `crowded`: the header row, where labels the controls' values already explain show only from 2xl. */
function HeaderControls({ mock, crowded = false }: { mock: boolean; crowded?: boolean }) {
  const hideLabel = crowded ? 'below-2xl' : false
  return (
    <>
      <LiveUpdatesStatus />
      {mock && <ScenarioControl hideLabel={hideLabel} />}
      <NotificationControl />
      <ShortcutsButton />
      <ThemeControl hideLabel={hideLabel} />
    </>
  )
}

function NavItems({ layout, onFollow }: { layout: 'row' | 'column'; onFollow?: () => void }) {
  const column = layout === 'column'
  return (
    <ul className={column ? 'flex flex-col gap-1' : 'flex items-center gap-0.5'}>
      {NAV_ITEMS.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.to === '/'}
            onClick={onFollow}
            className={({ isActive }) =>
              `${column ? 'flex min-h-[44px] items-center px-3 text-base' : 'block px-2.5 py-1.5 text-sm'} rounded-md font-medium ${focusRing} ${
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
  )
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={open ? 'M3 3l10 10M13 3L3 13' : 'M2 4h12M2 8h12M2 12h12'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  )
}
