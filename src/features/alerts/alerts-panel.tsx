import { useId, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { alertQueries } from '@/api/alerts'
import type { MetricWindow } from '@/api/metrics'
import type { Alert, AlertHistoryResponse, Incident } from '@/api/schemas'
import { Panel, QueryContent, Skeleton } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/relative-time'
import { Select } from '@/components/ui/select'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { useListSelection } from '@/lib/shortcuts/use-list-selection'
import { SEARCH_TARGET } from '@/lib/shortcuts/use-shortcuts'
import { AlertItem } from './alert-item'
import {
  alertDestination,
  filterAlerts,
  groupAlerts,
  historyByAlert,
  SEVERITY_FILTERS,
  STATE_FILTERS,
  STATE_LABELS,
  type AlertFilters,
  type HistorySpan,
  type SeverityFilter,
  type StateFilter,
} from './alert-view'
import { useAlertFilters } from './use-alert-filters'
import { useAlertCoverage } from '@/lib/use-alert-coverage'
import { UnhandledNotice } from './handled-by'
import { ALERTS_REFRESH_MS } from './refresh'
import { polling } from '@/api/refresh-schedule'

/** History changes slowly and costs the backend a range evaluation: refreshed less often. */
const HISTORY_REFRESH_MS = 30_000
const NO_HISTORY: readonly HistorySpan[] = []

export interface AlertsPanelProps {
  /** The range the history strips cover. */
  window: MetricWindow
  /** How times in the history read ("14:03", or with the day for long ranges). */
  formatTime?: (ms: number) => string
  /** The chart that shows an alert's metric over the same range. */
  chartHref: (alert: Alert) => string
  /** "Declare incident" on a firing alert; the button is shown only when this is given. */
  onDeclare?: (alert: Alert) => void
}

/**
 * Every alert rule instance from GET /api/alerts, firing first, then pending, then the
 * rest, filtered by state and severity from the URL, each with its history over the
 * range from GET /api/alerts/history.
 */
export function AlertsPanel({ window, formatTime, chartHref, onDeclare }: AlertsPanelProps) {
  const [filters, setFilters] = useAlertFilters()
  const current = useQuery({ ...alertQueries.current(), ...polling(ALERTS_REFRESH_MS) })
  const { handling, coverage } = useAlertCoverage()
  const historyQuery = useQuery({
    ...alertQueries.history(window),
    ...polling(window.kind === 'relative' ? HISTORY_REFRESH_MS : false),
  })

  return (
    <Panel
      title="Alert rules"
      busy={current.data === undefined && current.error === null}
      actions={current.data && <EvaluatedAt at={current.data.at} />}
    >
      <FilterBar filters={filters} onChange={setFilters} />
      {historyQuery.error !== null && (
        <p role="status" className="text-xs text-zinc-700 dark:text-zinc-300">
          The alert history for this range could not be loaded: {historyQuery.error.message}
        </p>
      )}
      {historyQuery.data !== undefined && <SetAsideNotice setAside={historyQuery.data.setAside} noun={['history span', 'history spans']} />}
      <QueryContent what="Alerts" query={current} skeleton={<Skeleton rows={6} />}>
        {(data) => (
          <>
          <SetAsideNotice setAside={data.setAside} noun={['alert', 'alerts']} />
          <UnhandledNotice coverage={coverage} />
          <AlertGroups
            alerts={data.alerts}
            handling={handling}
            filters={filters}
            history={historyQuery.data}
            formatTime={formatTime}
            chartHref={chartHref}
            onDeclare={onDeclare}
          />
          </>
        )}
      </QueryContent>
    </Panel>
  )
}

function EvaluatedAt({ at }: { at: string }) {
  return (
    <span>
      Evaluated <RelativeTime at={Date.parse(at)} />
    </span>
  )
}

const STATE_FILTER_LABELS: Record<StateFilter, string> = { all: 'All states', ...STATE_LABELS }
const SEVERITY_FILTER_LABELS: Record<SeverityFilter, string> = { all: 'All severities', critical: 'Critical', warning: 'Warning' }

function FilterBar({ filters, onChange }: { filters: AlertFilters; onChange: (next: AlertFilters) => void }) {
  return (
    <div role="group" aria-label="Filter alerts" className="flex flex-wrap items-end gap-3">
      <Select
        label="State"
        {...SEARCH_TARGET}
        aria-keyshortcuts="/"
        value={filters.state}
        onChange={(e) => {
          const state = STATE_FILTERS.find((s) => s === e.target.value) ?? 'all'
          onChange({ ...filters, state })
        }}
      >
        {STATE_FILTERS.map((s) => (
          <option key={s} value={s}>
            {STATE_FILTER_LABELS[s]}
          </option>
        ))}
      </Select>
      <Select
        label="Severity"
        value={filters.severity}
        onChange={(e) => {
          const severity = SEVERITY_FILTERS.find((s) => s === e.target.value) ?? 'all'
          onChange({ ...filters, severity })
        }}
      >
        {SEVERITY_FILTERS.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_FILTER_LABELS[s]}
          </option>
        ))}
      </Select>
    </div>
  )
}

interface AlertGroupsProps {
  alerts: readonly Alert[]
  filters: AlertFilters
  history: AlertHistoryResponse | undefined
  formatTime: ((ms: number) => string) | undefined
  chartHref: (alert: Alert) => string
  onDeclare: ((alert: Alert) => void) | undefined
  handling: ReadonlyMap<string, Incident>
}

function AlertGroups({ alerts, handling, filters, history, formatTime, chartHref, onDeclare }: AlertGroupsProps) {
  const groups = useMemo(() => groupAlerts(filterAlerts(alerts, filters)), [alerts, filters])
  // `j`/`k` walk the alerts shown (the groups hold only those the filters let through),
  // in the order they read; Enter opens the selected one's incident, playbook or chart.
  const navigate = useNavigate()
  const shown = useMemo(() => [...groups.firing, ...groups.pending, ...groups.rest, ...groups.unknown], [groups])
  const selectedIndex = useListSelection(shown, (alert) => void navigate(alertDestination(alert, handling.get(alert.id), chartHref(alert))))
  const selectedId = shown[selectedIndex]?.id
  const spans = useMemo(() => (history === undefined ? null : historyByAlert(history.spans)), [history])
  const window = useMemo(
    () => (history === undefined ? null : { fromMs: Date.parse(history.from), toMs: Date.parse(history.to) }),
    [history],
  )
  const shows = (state: StateFilter) => filters.state === 'all' || filters.state === state
  const sections: { key: string; title: string; empty: string; alerts: Alert[]; visible: boolean }[] = [
    { key: 'firing', title: 'Firing', empty: 'Nothing is firing.', alerts: groups.firing, visible: shows('firing') },
    { key: 'pending', title: 'Pending', empty: 'Nothing is pending.', alerts: groups.pending, visible: shows('pending') },
    {
      key: 'rest',
      title: filters.state === 'nodata' ? 'No data' : filters.state === 'inactive' ? 'Inactive' : 'Inactive or without data',
      empty: 'No other alerts match.',
      alerts: groups.rest,
      visible: filters.state === 'all' || filters.state === 'inactive' || filters.state === 'nodata',
    },
    // Only "all" lets these through (no filter names a state we do not know); shown when there are some.
    { key: 'unknown', title: 'In a state this version does not know', empty: '', alerts: groups.unknown, visible: groups.unknown.length > 0 },
  ]

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {groups.firing.length} firing · {groups.pending.length} pending · {groups.rest.length} inactive or without data
        {groups.unknown.length > 0 ? ` · ${groups.unknown.length} in an unknown state` : ''}
        {filters.state !== 'all' || filters.severity !== 'all' ? ` (filtered from ${alerts.length})` : ''}
      </p>
      {sections
        .filter((s) => s.visible)
        .map((s) => (
          <AlertSection
            key={s.key}
            title={s.title}
            empty={s.empty}
            alerts={s.alerts}
            spans={spans}
            window={window}
            formatTime={formatTime}
            chartHref={chartHref}
            onDeclare={onDeclare}
            handling={handling}
            selectedId={selectedId}
          />
        ))}
    </div>
  )
}

function AlertSection({
  title,
  empty,
  alerts,
  spans,
  window,
  formatTime,
  chartHref,
  onDeclare,
  handling,
  selectedId,
}: {
  title: string
  empty: string
  alerts: readonly Alert[]
  spans: Map<string, HistorySpan[]> | null
  window: { fromMs: number; toMs: number } | null
  formatTime: ((ms: number) => string) | undefined
  chartHref: (alert: Alert) => string
  onDeclare: ((alert: Alert) => void) | undefined
  handling: ReadonlyMap<string, Incident>
  /** The alert `j`/`k` selected, if any. */
  selectedId: string | undefined
}) {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col">
      <h3 id={headingId} className="text-sm font-semibold">
        {title} ({alerts.length})
      </h3>
      {alerts.length === 0 ? (
        <p className="py-1 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {alerts.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              history={spans === null ? undefined : (spans.get(alert.id) ?? NO_HISTORY)}
              window={window}
              formatTime={formatTime}
              chartHref={chartHref}
              onDeclare={onDeclare}
              handledBy={handling.get(alert.id)}
              selected={alert.id === selectedId}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
