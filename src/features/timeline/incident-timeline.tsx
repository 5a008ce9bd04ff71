import { useQuery } from '@tanstack/react-query'
import { incidentQueries, timelineSetAsideOf } from '@/api/incidents'
import type { TimelineEvent } from '@/api/schemas'
import { QueryPanel } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/relative-time'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { usePersonNames } from '@/lib/incident-mutations/use-person-names'
import { DurationsSummary } from './durations-summary'
import { orderEvents, TIMELINE_REFRESH_MS } from './timeline-order'
import { polling } from '@/api/refresh-schedule'

const KIND_LABELS: Readonly<Record<string, string>> = {
  declared: 'Declared',
  acknowledged: 'Acknowledged',
  status: 'Status',
  severity: 'Severity',
  assignee: 'Assignee',
  escalated: 'Escalated',
  note: 'Note',
  alert: 'Alert',
  checklist: 'Checklist',
  message: 'Message',
  'root-cause': 'Root cause',
  resolution: 'Resolution',
}

const KIND_STYLES: Readonly<Record<string, string>> = {
  escalated: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
  alert: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  note: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
}

function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ')
}

/**
 * Everything that happened to an incident, oldest first: who did it (by name) and when
 * (relative, exact on hover), with the response durations above. Polls while open, and
 * every change made here refetches it at once.
 */
export function IncidentTimeline({ incidentId }: { incidentId: string }) {
  const timeline = useQuery({ ...incidentQueries.timeline(incidentId), ...polling(TIMELINE_REFRESH_MS) })
  const { data: incident } = useQuery({ ...incidentQueries.detail(incidentId), ...polling(TIMELINE_REFRESH_MS) })
  const nameOf = usePersonNames()
  return (
    <QueryPanel title="Timeline" query={timeline}>
      {(events) => (
        <div className="flex flex-col gap-3">
          {incident && <DurationsSummary incident={incident} />}
          <SetAsideNotice setAside={timelineSetAsideOf(events)} noun={['timeline event', 'timeline events']} />
          {events.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing recorded yet.</p>
          ) : (
            <ol aria-label="Timeline" className="flex flex-col">
              {orderEvents(events).map((event) => (
                <TimelineItem key={event.id} event={event} actor={nameOf(event.actor)} />
              ))}
            </ol>
          )}
        </div>
      )}
    </QueryPanel>
  )
}

function TimelineItem({ event, actor }: { event: TimelineEvent; actor: string }) {
  return (
    <li className="flex flex-col gap-0.5 border-l-2 border-zinc-300 py-1.5 pl-3 dark:border-zinc-700">
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
        <RelativeTime at={Date.parse(event.at)} tickMs={10_000} />
        <span className="font-medium text-zinc-800 dark:text-zinc-200">{actor}</span>
        <span className={`rounded px-1 ${KIND_STYLES[event.kind] ?? 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200'}`}>{kindLabel(event.kind)}</span>
      </div>
      <p className="text-sm break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">{event.text}</p>
    </li>
  )
}
