import { useId, type ReactNode } from 'react'
import type { Incident } from '@/api/schemas'
import { RelativeTime } from '@/components/ui/relative-time'
import { componentLabel } from '@/domain/catalog'
import { IncidentStatusText } from '@/components/ui/incident-status-text'
import { severityInfo } from '@/domain/severity'
import { escalationText } from '@/lib/incident-mutations/fields'
import { usePersonNames } from '@/lib/incident-mutations/use-person-names'
import { ResponseClock } from './response-clock'

const SEVERITY_STYLES: Record<string, string> = {
  P1: 'bg-red-700 text-white',
  P2: 'bg-orange-700 text-white',
  P3: 'bg-amber-300 text-amber-950',
  P4: 'bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100',
}

/** "P1 Critical" as a badge; an unknown severity is shown as it came, in P1's colour. */
export function SeverityBadge({ severity }: { severity: string }) {
  const info = severityInfo(severity)
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-bold ${SEVERITY_STYLES[severity] ?? SEVERITY_STYLES.P1}`}>
      {severity}
      {info && <span className="font-medium">{info.label}</span>}
    </span>
  )
}

/** A term and its value; the value is named by its term, so it can be found as "the Assignee". */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  const termId = useId()
  return (
    <div className="flex min-w-0 flex-col">
      <dt id={termId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {term}
      </dt>
      <dd aria-labelledby={termId} className="text-sm break-words text-zinc-900 dark:text-zinc-100">
        {children}
      </dd>
    </div>
  )
}

/** What the incident is and where it stands: the facts under the page's h1, and the response clock. */
export function IncidentFacts({ incident }: { incident: Incident }) {
  const nameOf = usePersonNames()
  const info = severityInfo(incident.severity)
  return (
    <div className="mb-4 flex flex-col gap-3">
      <ResponseClock incident={incident} />
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3 lg:grid-cols-6">
        <Fact term="Severity">
          <SeverityBadge severity={incident.severity} />
          {info && <span className="block text-xs text-zinc-600 dark:text-zinc-400">{`Response: ${info.responseTime}`}</span>}
        </Fact>
        <Fact term="Status">
          <IncidentStatusText status={incident.status} />
        </Fact>
        <Fact term="Assignee">{incident.assignee === null ? 'Unassigned' : nameOf(incident.assignee)}</Fact>
        <Fact term="Escalation">{escalationText(incident.escalationLevel)}</Fact>
        <Fact term="Affected services">{incident.services.length === 0 ? 'None recorded' : incident.services.map(componentLabel).join(', ')}</Fact>
        <Fact term="Declared">
          <RelativeTime at={Date.parse(incident.declaredAt)} tickMs={10_000} />
        </Fact>
      </dl>
      <dl>
        <Fact term="Impact">{incident.impact.trim() === '' ? 'Not described yet' : incident.impact}</Fact>
      </dl>
    </div>
  )
}

