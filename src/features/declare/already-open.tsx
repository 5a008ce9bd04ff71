import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { incidentQueries } from '@/api/incidents'
import { openIncidentsFor } from '@/domain/alert-coverage'
import { isIncidentStatus, STATUS_LABELS, statusLabel } from '@/domain/incident-status'
import { focusRing } from '@/components/ui/focus'
import { appPath } from '@/lib/safe-url'

/** More would push the form below the fold; the rest are on the incident list. */
const SHOWN = 3

/**
 * Open incidents this declaration may duplicate (same alert, or same service), shown
 * first in the dialog, each a link: joining one is usually right, declaring again rarely.
 */
export function AlreadyOpen({ services, alertIds, onOpen }: { services: readonly string[]; alertIds: readonly string[]; onOpen: () => void }) {
  const incidents = useQuery(incidentQueries.list())
  const related = useMemo(
    () => (incidents.data === undefined ? [] : openIncidentsFor(incidents.data, { services, alertIds })),
    [incidents.data, services, alertIds],
  )
  if (related.length === 0) return null
  return (
    <section
      aria-label="Already open"
      className="rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950/50 dark:text-amber-50"
    >
      <p className="font-semibold">Already open for this — join it rather than declaring again?</p>
      <ul className="mt-1 flex flex-col gap-1">
        {related.slice(0, SHOWN).map((incident) => (
          <li key={incident.id}>
            <Link
              to={appPath('incidents', incident.id)}
              onClick={onOpen}
              className={`rounded-sm font-medium underline underline-offset-2 ${focusRing}`}
            >
              {incident.id} · {incident.title}
            </Link>{' '}
            <span>
              ({incident.severity}, {isIncidentStatus(incident.status) ? STATUS_LABELS[incident.status].toLowerCase() : statusLabel(incident.status)})
            </span>
          </li>
        ))}
      </ul>
      {related.length > SHOWN && <p className="mt-1">and {related.length - SHOWN} more on the incident list.</p>}
    </section>
  )
}
