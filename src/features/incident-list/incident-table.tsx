import { memo, useCallback, useRef } from 'react'
import { Link, useNavigate } from 'react-router'
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import type { Incident } from '@/api/schemas'
import { focusRing } from '@/components/ui/focus'
import { RelativeTime } from '@/components/ui/relative-time'
import { componentLabel } from '@/domain/catalog'
import { escalationLabel } from '@/domain/escalation'
import { IncidentStatusText } from '@/components/ui/incident-status-text'
import { useListSelection } from '@/lib/shortcuts/use-list-selection'
import type { SortKey } from './incident-filters'
import { ResponseClockCell } from './response-clock-cell'
import { SeverityBadge } from './severity-badge'
import { appPath } from '@/lib/safe-url'

export const ROW_HEIGHT = 44
const HEADER_HEIGHT = 36
/**
 * Where the scroll box has no size yet (no layout, as in jsdom, or before the first
 * paint) the rows it would hold are guessed from this height instead of showing none.
 */
const FALLBACK_VIEWPORT = 720

const GRID =
  'grid grid-cols-[6.5rem_minmax(14rem,3fr)_4.5rem_6.5rem_minmax(8rem,1.5fr)_8rem_3rem_6rem_11rem] items-center gap-x-3 px-3'

export interface SortState {
  sort: SortKey
  reverse: boolean
}

interface Column {
  label: string
  /** Sortable columns name the sort key they choose. */
  sort?: SortKey
  /** What the natural order of that sort is, for aria-sort. */
  natural?: 'ascending' | 'descending'
}

const COLUMNS: readonly Column[] = [
  { label: 'ID' },
  { label: 'Title' },
  // Most urgent first reads as descending urgency.
  { label: 'Severity', sort: 'severity', natural: 'descending' },
  { label: 'Status', sort: 'status', natural: 'ascending' },
  { label: 'Services' },
  { label: 'Assignee' },
  { label: 'Level' },
  // Newest first: ascending age.
  { label: 'Age', sort: 'age', natural: 'ascending' },
  { label: 'Response', sort: 'deadline', natural: 'ascending' },
]

const flip = (d: 'ascending' | 'descending') => (d === 'ascending' ? 'descending' : 'ascending')

function observeWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => {
    cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_VIEWPORT })
  })
}

/**
 * The incidents as a table that scrolls 10,000 rows: only the rows in view (and a few
 * either side) are in the DOM, and each row carries its position for assistive tech.
 */
export function IncidentTable({
  incidents,
  names,
  sort,
  onSort,
}: {
  incidents: readonly Incident[]
  names: ReadonlyMap<string, string>
  sort: SortState
  onSort: (next: SortState) => void
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // Stable until the rows change: the virtualizer recomputes every row's position (all
  // 10,000) whenever getItemKey is a new function, and it re-renders on every scroll frame.
  const getItemKey = useCallback((index: number) => incidents[index]?.id ?? index, [incidents])
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render by design; nothing here memoises them.
  const virtualizer = useVirtualizer({
    count: incidents.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    observeElementRect: observeWithFallback,
    getItemKey,
  })

  // `j`/`k` move a selection through the rows shown, `Enter` opens it.
  const navigate = useNavigate()
  const selectedIndex = useListSelection(
    incidents,
    (incident) => void navigate(appPath('incidents', incident.id)),
    // Virtualised: the row may not be in the DOM until the list scrolls to it. No smooth
    // scrolling, so nothing to turn off for prefers-reduced-motion.
    (index) => {
      virtualizer.scrollToIndex(index, { align: 'auto' })
    },
  )

  return (
    <div
      ref={scrollRef}
      role="table"
      aria-label="Incidents"
      aria-rowcount={incidents.length + 1}
      className="relative max-h-[calc(100vh-18rem)] overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800"
    >
      <div role="rowgroup" className="sticky top-0 z-10 min-w-[72rem] bg-zinc-100 dark:bg-zinc-800">
        <div role="row" aria-rowindex={1} className={`${GRID} h-9 text-xs font-semibold text-zinc-700 dark:text-zinc-200`}>
          {COLUMNS.map((column) => {
            if (column.sort === undefined || column.natural === undefined) {
              return (
                <div key={column.label} role="columnheader">
                  {column.label}
                </div>
              )
            }
            const active = sort.sort === column.sort
            const direction = sort.reverse ? flip(column.natural) : column.natural
            const key = column.sort
            return (
              <div key={column.label} role="columnheader" aria-sort={active ? direction : undefined}>
                <button
                  type="button"
                  onClick={() => {
                    onSort(active ? { sort: key, reverse: !sort.reverse } : { sort: key, reverse: false })
                  }}
                  className={`-mx-1 inline-flex items-center gap-1 rounded px-1 pointer-coarse:min-h-[44px] hover:bg-zinc-200 dark:hover:bg-zinc-700 ${focusRing}`}
                >
                  {column.label}
                  <span aria-hidden="true" className={active ? '' : 'opacity-30'}>
                    {active ? (direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </div>
            )
          })}
        </div>
      </div>
      <div role="rowgroup" className="relative min-w-[72rem]" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const incident = incidents[item.index]
          if (incident === undefined) return null
          return (
            <IncidentRow
              key={item.key}
              incident={incident}
              rowIndex={item.index + 2}
              top={item.start - HEADER_HEIGHT}
              assigneeName={incident.assignee === null ? null : (names.get(incident.assignee) ?? incident.assignee)}
              selected={item.index === selectedIndex}
            />
          )
        })}
      </div>
    </div>
  )
}


/** Memoised: scrolling moves rows, and a refetch with unchanged data (structural sharing) repaints none. */
const IncidentRow = memo(function IncidentRow({
  incident,
  rowIndex,
  top,
  assigneeName,
  selected,
}: {
  incident: Incident
  rowIndex: number
  top: number
  assigneeName: string | null
  selected: boolean
}) {
  const services = incident.services.map(componentLabel).join(', ')
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected || undefined}
      className={`${GRID} absolute inset-x-0 border-b border-zinc-100 text-sm hover:bg-zinc-50 aria-selected:bg-sky-50 aria-selected:outline-2 aria-selected:-outline-offset-2 aria-selected:outline-sky-600 dark:border-zinc-800 dark:hover:bg-zinc-800/50 dark:aria-selected:bg-sky-950/50 dark:aria-selected:outline-sky-400`}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <div role="cell">
        <Link
          to={appPath('incidents', incident.id)}
          className={`rounded-sm font-mono text-sm font-semibold text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-400 ${focusRing}`}
        >
          {incident.id}
        </Link>
      </div>
      <div role="cell" className="truncate" title={incident.title}>
        {incident.title}
      </div>
      <div role="cell">
        <SeverityBadge severity={incident.severity} />
      </div>
      <div role="cell" className="truncate">
        <IncidentStatusText status={incident.status} />
      </div>
      <div role="cell" className="truncate text-zinc-700 dark:text-zinc-300" title={services}>
        {services === '' ? <span className="text-zinc-500">—</span> : services}
      </div>
      <div role="cell" className="truncate">
        {assigneeName ?? <span className="text-zinc-500 italic dark:text-zinc-400">Unassigned</span>}
      </div>
      <div role="cell" title={escalationLabel(incident.escalationLevel)}>
        L{incident.escalationLevel}
      </div>
      <div role="cell" className="text-zinc-700 dark:text-zinc-300">
        <RelativeTime at={Date.parse(incident.declaredAt)} tickMs={10_000} />
      </div>
      <div role="cell">
        <ResponseClockCell incident={incident} />
      </div>
    </div>
  )
})
