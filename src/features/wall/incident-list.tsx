import { memo } from 'react'
import type { Incident } from '@/api/schemas'
import { unhandledText, type FiringCoverage } from '@/domain/alert-coverage'
import { IncidentStatusText } from '@/components/ui/incident-status-text'
import { severityRank } from '@/domain/severity'
import { ResponseClockText } from './response-clock-text'
import { formatZonedTime } from '@/lib/format-time'
import { formatTimeOfDay } from './wall-format'
import { ShapeIcon } from './wall-icons'
import { useFittingCount } from './use-fitting-count'
import { MoreCount } from './wall-panel'

/** At most this many rows; fewer when the panel is shorter (see useFittingCount). */
export const MAX_INCIDENT_ROWS = 8

/** Rank 0 is an unknown severity, treated as at least P1. */
const SEVERITY_STYLES = ['border-red-500', 'border-red-500', 'border-orange-400', 'border-amber-300', 'border-sky-400']
const BADGE_STYLES = ['bg-red-600 text-white', 'bg-red-600 text-white', 'bg-orange-500 text-black', 'bg-amber-300 text-black', 'bg-sky-300 text-black']

/** Open incidents, sorted by the caller; memoised on the list so only the clocks tick. */
export const IncidentList = memo(function IncidentList({
  incidents,
  coverage,
}: {
  incidents: readonly Incident[]
  /** Critical alerts firing that no open incident covers: said in amber, never hidden behind a green "all clear". */
  coverage: FiringCoverage | undefined
}) {
  const [fit, rows] = useFittingCount<HTMLUListElement>(MAX_INCIDENT_ROWS)
  const unhandled = coverage !== undefined && coverage.unhandled > 0 ? <UnhandledLine coverage={coverage} /> : null
  if (incidents.length === 0 && unhandled !== null) return unhandled
  if (incidents.length === 0) {
    return (
      <p className="flex items-center gap-3 text-2xl font-semibold text-emerald-200">
        <ShapeIcon shape="ok" />
        No open incidents
      </p>
    )
  }
  const shown = incidents.slice(0, rows)
  return (
    <>
      {unhandled}
      <ul aria-label="Open incidents" ref={fit} className="flex min-h-0 flex-1 flex-col gap-2 overflow-hidden">
        {shown.map((i) => {
          const rank = severityRank(i.severity)
          return (
            <li
              key={i.id}
              className={`grid shrink-0 grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-4 rounded-lg border-l-8 bg-zinc-900 px-3 py-1.5 ${SEVERITY_STYLES[rank] ?? ''}`}
            >
              <span className={`rounded-md px-2 text-3xl font-black ${BADGE_STYLES[rank] ?? ''}`}>{i.severity}</span>
              <div className="min-w-0">
                <p className="truncate text-xl font-semibold">
                  {i.id} · {i.title}
                </p>
                <p className="truncate text-base text-zinc-300">
                  <IncidentStatusText status={i.status} className="border border-dashed border-zinc-400 text-zinc-100" /> · declared{' '}
                  <time dateTime={i.declaredAt} title={formatZonedTime(Date.parse(i.declaredAt))}>
                    {formatTimeOfDay(Date.parse(i.declaredAt))}
                  </time>
                </p>
              </div>
              <ResponseClockText incident={i} />
            </li>
          )
        })}
      </ul>
      <MoreCount count={incidents.length - shown.length} />
    </>
  )
})

function UnhandledLine({ coverage }: { coverage: FiringCoverage }) {
  return (
    <p role="status" className="flex shrink-0 items-center gap-3 text-2xl font-semibold text-amber-200">
      <ShapeIcon shape="warning" />
      {unhandledText(coverage)}
    </p>
  )
}
