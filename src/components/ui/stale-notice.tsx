import { describeError } from './describe-error'
import { RelativeTime } from './relative-time'

/**
 * Said whenever a panel shows data that the latest fetch failed to refresh: the data
 * stays on screen (a wall must never go blank), marked with its age and the reason.
 */
export function StaleNotice({ updatedAt, error }: { updatedAt: number; error: unknown }) {
  const { title, detail } = describeError(error)
  return (
    <p
      role="status"
      className="flex flex-wrap items-baseline gap-x-2 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <span className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        Stale — last data <RelativeTime at={updatedAt} tickMs={10_000} />
      </span>{' '}
      <span>
        {title} {detail}
      </span>
    </p>
  )
}
