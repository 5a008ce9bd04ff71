import { isIncidentStatus, STATUS_LABELS, statusLabel, type ShownStatus } from '@/domain/incident-status'

const UNKNOWN_STYLE = 'border border-dashed border-zinc-500 bg-zinc-100 text-zinc-800 dark:border-zinc-400 dark:bg-zinc-800 dark:text-zinc-100'

/**
 * An incident's status in words. One this version of Vigil does not know (a newer
 * backend's "monitoring") is shown as sent in a grey badge that says so — never blank,
 * never renamed — and the incident is treated as open (src/domain/incident-status.ts).
 */
export function IncidentStatusText({ status, className = UNKNOWN_STYLE }: { status: ShownStatus; className?: string }) {
  if (isIncidentStatus(status)) return <>{STATUS_LABELS[status]}</>
  return (
    <span
      title="A status this version of Vigil does not know: the incident is treated as open, and no status change is offered."
      className={`inline-flex max-w-full items-center gap-1 truncate rounded px-1 ${className}`}
    >
      <span aria-hidden="true">?</span>
      {statusLabel(status)}
    </span>
  )
}
