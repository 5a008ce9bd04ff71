import type { Incident } from '@/api/schemas'
import { serverNow } from '@/api/server-time'
import { RelativeTime } from '@/components/ui/relative-time'
import { formatDuration } from '@/domain/format'
import { cadenceFor, statusUpdateDue } from '@/domain/status-cadence'
import { useNow } from '@/lib/use-now'

/**
 * While an incident is open: how long since the last status update, and — past the
 * severity's cadence — an unmistakable reminder (icon, words, colour, a status role).
 * The live region holds only the reminder, which does not tick, so a screen reader
 * hears it once when it becomes due rather than every minute.
 */
export function StatusUpdateReminder({ incident }: { incident: Incident }) {
  const now = serverNow(useNow(10_000))
  const declaredAt = Date.parse(incident.declaredAt)
  const lastAt = incident.lastStatusUpdateAt === null ? null : Date.parse(incident.lastStatusUpdateAt)
  const due = statusUpdateDue({ severity: incident.severity, status: incident.status, declaredAt, lastStatusUpdateAt: lastAt }, now)
  if (due.kind === 'none') return null
  const every = cadenceFor(incident.severity)
  const overdue = due.kind === 'overdue'

  return (
    <div
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-3 py-2 text-sm ${
        overdue
          ? 'border-red-500 bg-red-50 text-red-950 dark:border-red-500/80 dark:bg-red-950/40 dark:text-red-100'
          : 'border-zinc-200 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300'
      }`}
    >
      <p>
        {lastAt === null ? (
          <>
            No status update posted yet; declared <RelativeTime at={declaredAt} tickMs={10_000} />
          </>
        ) : (
          <>
            Last status update <RelativeTime at={lastAt} tickMs={10_000} />
          </>
        )}
        {due.kind === 'ok' && <span className="text-zinc-600 dark:text-zinc-400"> · next due in {formatDuration(due.nextDueInMs)}</span>}
      </p>
      {overdue && every !== null && (
        <p role="status" className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          Status update overdue: {incident.severity} incidents owe one every {formatDuration(every)}.
        </p>
      )}
    </div>
  )
}
