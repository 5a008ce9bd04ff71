import { describeError } from './describe-error'
import { RetryStatus } from './retry-status'

/**
 * A failed load with nothing to show yet: what failed, in words, at the first failure,
 * when the next attempt comes, and a way to try again now.
 */
export function ErrorMessage({
  what,
  error,
  onRetry,
  retrying = false,
}: {
  what: string
  error: unknown
  onRetry?: () => void
  /** A request is on its way. */
  retrying?: boolean
}) {
  const { title, detail } = describeError(error)
  return (
    <div className="flex flex-col items-start gap-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-500/50 dark:bg-red-950/40 dark:text-red-100">
      <p className="font-semibold" role="alert">
        <span aria-hidden="true">✕ </span>
        {what} could not be loaded. {title}
      </p>
      <p className="text-xs break-words">{detail}</p>
      <RetryStatus error={error} fetching={retrying} onRetry={onRetry} />
    </div>
  )
}
