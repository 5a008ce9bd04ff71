import { memo, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { alertQueries } from '@/api/alerts'
import type { Alert, Incident } from '@/api/schemas'
import { QueryPanel, Skeleton } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/relative-time'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { TextLink } from '@/components/ui/text-link'
import { AlertLinks, alertValueText, StateBadge } from './alert-item'
import { groupAlerts, SEVERITY_LABELS } from './alert-view'
import { ALERTS_REFRESH_MS } from './refresh'
import { SeverityIcon } from './severity-icon'
import { UnhandledNotice } from './handled-by'
import { useAlertCoverage } from '@/lib/use-alert-coverage'
import { polling } from '@/api/refresh-schedule'

/**
 * What is broken now, for the Overview: the firing and pending alerts with severity,
 * name, value and since when, each linked to its chart and playbook.
 */
export function FiringAlertsPanel({ chartHref }: { chartHref: (alert: Alert) => string }) {
  const query = useQuery({ ...alertQueries.current(), ...polling(ALERTS_REFRESH_MS) })
  const { handling, coverage } = useAlertCoverage()
  return (
    <QueryPanel title="Firing alerts" query={query} skeleton={<Skeleton rows={2} />} actions={<TextLink to="/alerts">All alerts</TextLink>}>
      {(data) => (
        <>
          <UnhandledNotice coverage={coverage} />
          <FiringList alerts={data.alerts} chartHref={chartHref} handling={handling} />
          <SetAsideNotice setAside={data.setAside} noun={['alert', 'alerts']} />
        </>
      )}
    </QueryPanel>
  )
}

interface FiringListProps {
  alerts: readonly Alert[]
  chartHref: (alert: Alert) => string
  handling: ReadonlyMap<string, Incident>
}

const FiringList = memo(function FiringList({ alerts, chartHref, handling }: FiringListProps) {
  const active = useMemo(() => {
    const groups = groupAlerts(alerts)
    // A state this version does not know may be trouble: listed after pending, never hidden.
    return [...groups.firing, ...groups.pending, ...groups.unknown]
  }, [alerts])
  if (active.length === 0) {
    return <p className="text-sm text-zinc-700 dark:text-zinc-300">Nothing is firing or pending.</p>
  }
  return (
    <ul aria-label="Firing and pending alerts" className="flex flex-col">
      {active.map((alert) => (
        <li key={alert.id} className="flex flex-col gap-1 border-b border-zinc-200 py-2 last:border-b-0 dark:border-zinc-800">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <SeverityIcon severity={alert.severity} />
            <span className="text-xs font-semibold tracking-wide uppercase">{SEVERITY_LABELS[alert.severity]}</span>
            <span className="sr-only">: </span>
            <span className="font-semibold break-words">{alert.name}</span>
            <span className="sr-only">, </span>
            <StateBadge state={alert.state} />
            <span className="text-sm tabular-nums">{alertValueText(alert)}</span>
            {alert.since !== null && (
              <span className="text-xs text-zinc-600 dark:text-zinc-400">
                since <RelativeTime at={Date.parse(alert.since)} tickMs={10_000} />
              </span>
            )}
          </div>
          <AlertLinks alert={alert} chartHref={chartHref} handledBy={handling.get(alert.id)} />
        </li>
      ))}
    </ul>
  )
})
