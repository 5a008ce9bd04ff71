import { serverNow } from '@/api/server-time'
import { describeError } from './describe-error'
import { RelativeTime } from './relative-time'
import { RetryStatus } from './retry-status'

/**
 * Said whenever a panel shows data that the latest fetch failed to refresh: the data
 * stays on screen (a wall must never go blank), marked with its age, the reason and
 * when the next attempt comes.
 */
export function StaleNotice({
  updatedAt,
  error,
  fetching = false,
  onRetry,
}: {
  /** When the data arrived, on the browser's clock (TanStack's dataUpdatedAt). */
  updatedAt: number
  error: unknown
  fetching?: boolean
  onRetry?: () => void
}) {
  const { title, detail } = describeError(error)
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded border border-amber-400 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100">
      <p role="status" className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          Stale — last data <RelativeTime at={serverNow(updatedAt)} tickMs={10_000} />
        </span>{' '}
        <span>
          {title} {detail}
        </span>
      </p>
      <RetryStatus error={error} fetching={fetching} onRetry={onRetry} />
    </div>
  )
}
