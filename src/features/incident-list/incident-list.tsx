import { useCallback, useMemo, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { incidentQueries, setAsideOf } from '@/api/incidents'
import { rosterQueries } from '@/api/roster'
import type { Incident } from '@/api/schemas'
import { serverNow } from '@/api/server-time'
import { Button } from '@/components/ui/button'
import { QueryPanel, Skeleton } from '@/components/ui/panel'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { COMPONENTS } from '@/domain/catalog'
import { useNow } from '@/lib/use-now'
import { FilterBar, type Option } from './filter-bar'
import { countOpen, filterIncidents, severityCounts } from './filter-incidents'
import { clearedFilters, hasActiveFilters, type IncidentFilters } from './incident-filters'
import { IncidentTable, type SortState } from './incident-table'
import { SeverityToggles } from './severity-toggles'
import { useIncidentFilters } from './use-incident-filters'
import { polling } from '@/api/refresh-schedule'

export const INCIDENTS_REFRESH_MS = 10_000
/** "Resolved in the last 24 h" moves with time, but a minute's precision is plenty. */
const RECENT_WINDOW_TICK_MS = 60_000

const NO_NAMES: ReadonlyMap<string, string> = new Map()

/**
 * Open and recent incidents with their response clocks: filters and sort live in the
 * URL, the list polls every 10 s, and rows are virtualised so 10,000 incidents scroll.
 */
export function IncidentList() {
  const query = useQuery({ ...incidentQueries.list(), ...polling(INCIDENTS_REFRESH_MS) })
  const roster = useQuery(rosterQueries.current())
  const { filters, update } = useIncidentFilters()

  const names = useMemo(() => {
    if (roster.data === undefined) return NO_NAMES
    return new Map(roster.data.levels.flatMap((level) => level.people.map((p) => [p.id, p.name] as const)))
  }, [roster.data])
  const people = useMemo<Option[]>(() => [...names].map(([value, label]) => ({ value, label })), [names])
  const extraServices = useMemo(() => unknownServices(query.data ?? []), [query.data])

  const onSearch = useCallback(
    (q: string) => {
      update({ q })
    },
    [update],
  )
  const clear = useCallback(() => {
    update(clearedFilters(filters))
  }, [update, filters])

  return (
    <div className="flex flex-col gap-3">
      <FilterBar
        filters={filters}
        people={people}
        extraServices={extraServices}
        onChange={update}
        onSearch={onSearch}
        onClear={clear}
        canClear={hasActiveFilters(filters)}
      />
      <QueryPanel title="Incident list" query={query} skeleton={<Skeleton rows={6} />}>
        {(incidents) => <IncidentResults incidents={incidents} filters={filters} names={names} onChange={update} onClear={clear} />}
      </QueryPanel>
    </div>
  )
}

function IncidentResults({
  incidents,
  filters,
  names,
  onChange,
  onClear,
}: {
  incidents: readonly Incident[]
  filters: IncidentFilters
  names: ReadonlyMap<string, string>
  onChange: (change: Partial<IncidentFilters>) => void
  onClear: () => void
}) {
  // Whole minutes: the skew estimate moves a little with every response, and the filter
  // should only re-run when the window really moved.
  const tick = useNow(RECENT_WINDOW_TICK_MS)
  const now = Math.floor(serverNow(tick) / RECENT_WINDOW_TICK_MS) * RECENT_WINDOW_TICK_MS
  const ctx = useMemo(() => ({ now, assigneeNames: names }), [now, names])
  const rows = useMemo(() => filterIncidents(incidents, filters, ctx), [incidents, filters, ctx])
  const counts = useMemo(() => severityCounts(incidents, filters, ctx), [incidents, filters, ctx])
  const open = useMemo(() => countOpen(incidents), [incidents])
  const active = hasActiveFilters(filters)
  const sort: SortState = { sort: filters.sort, reverse: filters.reverse }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <SeverityToggles
          counts={counts}
          selected={filters.severity}
          onChange={(severity) => {
            onChange({ severity })
          }}
        />
        <p className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          Showing {rows.length} of {incidents.length} · {open} open
        </p>
      </div>
      <SetAsideNotice setAside={setAsideOf(incidents)} noun={['incident', 'incidents']} />
      {rows.length === 0 ? (
        active && incidents.length > 0 ? (
          <Empty heading="No incidents match these filters">
            <Button onClick={onClear}>Clear filters</Button>
          </Empty>
        ) : (
          <Empty heading="No open incidents">
            <p>Nothing was resolved in the last 24 hours either.</p>
            {incidents.length > 0 && (
              <Button
                onClick={() => {
                  onChange({ status: ['all'] })
                }}
              >
                Show all {incidents.length} incidents
              </Button>
            )}
          </Empty>
        )
      ) : (
        <>
          {!active && open === 0 && (
            <p className="text-sm font-medium text-emerald-800 dark:text-emerald-300">No open incidents — below are those resolved in the last 24 hours.</p>
          )}
          <IncidentTable
            incidents={rows}
            names={names}
            sort={sort}
            onSort={(next) => {
              onChange(next)
            }}
          />
        </>
      )}
    </div>
  )
}

function Empty({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-2 rounded-md border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
      <p className="text-base font-semibold">{heading}</p>
      {children}
    </div>
  )
}

/** Service names in the data that the catalog does not list: still filterable. */
function unknownServices(incidents: readonly Incident[]): string[] {
  const known = new Set<string>(COMPONENTS)
  const extra = new Set<string>()
  for (const i of incidents) for (const s of i.services) if (!known.has(s)) extra.add(s)
  return [...extra].sort()
}
