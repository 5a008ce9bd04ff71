import { nextAttemptOf } from '@/api/next-attempt'
import { useNow } from '@/lib/use-now'
import { Button } from './button'

export interface RetryStatusProps {
  /** The failure being retried; its next attempt is noted on it by the schedule that retries it. */
  error: unknown
  /** A request is on its way (for TanStack's retries, also while it waits to resend). */
  fetching: boolean
  onRetry?: (() => void) | undefined
}

/** "Retrying in N s", then "Retrying…", counted from whenever the schedule will try again. */
export function retryText(nextAttemptMs: number | undefined, nowMs: number, fetching: boolean): string | null {
  if (nextAttemptMs !== undefined && nextAttemptMs > nowMs) return `Retrying in ${Math.ceil((nextAttemptMs - nowMs) / 1000)} s.`
  if (fetching) return 'Retrying…'
  return null
}

/**
 * What happens next after a failure: the countdown to the next automatic attempt and a
 * button to try at once. The countdown is not a live region: a screen reader hears
 * the failure once, not a number every second.
 */
export function RetryStatus({ error, fetching, onRetry }: RetryStatusProps) {
  const planned = nextAttemptOf(error)
  const nextAttempt = planned?.atMs
  // The shared tick can be up to a second old; the attempt was planned no earlier than now.
  const now = Math.max(useNow(1000), planned?.notedAtMs ?? 0)
  const text = retryText(nextAttempt, now, fetching)
  const waiting = nextAttempt !== undefined && nextAttempt > now
  return (
    <span className="inline-flex flex-wrap items-center gap-2" aria-live="off">
      {text !== null && <span className="tabular-nums">{text}</span>}
      {onRetry !== undefined && (
        <Button size="sm" onClick={onRetry} disabled={fetching && !waiting}>
          {fetching && !waiting ? 'Retrying…' : 'Retry'}
        </Button>
      )}
    </span>
  )
}
