import { useId } from 'react'
import type { Incident } from '@/api/schemas'
import { formatDuration } from '@/domain/format'
import { incidentDurations } from '@/domain/response-clock'

const at = (iso: string | null) => (iso === null ? null : Date.parse(iso))

/** Time to acknowledge, mitigate and resolve, each from declaration; "not yet" until it happens. */
export function DurationsSummary({ incident }: { incident: Incident }) {
  const d = incidentDurations({
    declaredAt: Date.parse(incident.declaredAt),
    acknowledgedAt: at(incident.acknowledgedAt),
    mitigatedAt: at(incident.mitigatedAt),
    resolvedAt: at(incident.resolvedAt),
  })
  const items: [string, number | null][] = [
    ['Time to acknowledge', d.timeToAcknowledge],
    ['Time to mitigate', d.timeToMitigate],
    ['Time to resolve', d.timeToResolve],
  ]
  return (
    <dl className="grid grid-cols-3 gap-2 rounded-md bg-zinc-50 p-2 dark:bg-zinc-950">
      {items.map(([term, ms]) => (
        <Duration key={term} term={term} ms={ms} />
      ))}
    </dl>
  )
}

function Duration({ term, ms }: { term: string; ms: number | null }) {
  const termId = useId()
  return (
    <div className="flex flex-col">
      <dt id={termId} className="text-xs text-zinc-600 dark:text-zinc-400">
        {term}
      </dt>
      <dd aria-labelledby={termId} className={`text-sm font-semibold tabular-nums ${ms === null ? 'text-zinc-500 dark:text-zinc-400' : ''}`}>
        {ms === null ? 'not yet' : formatDuration(ms)}
      </dd>
    </div>
  )
}
