import { nextAttemptOf, type NextAttempt } from '@/api/next-attempt'
import { useNow } from '@/lib/use-now'
import { Button } from './button'

export interface RetryStatusProps {
  /** The failure being retried; its next attempt is noted on it by the schedule that retries it. */
  error: unknown
  /** A request is on its way (for TanStack's retries, also while it waits to resend). */
  fetching: boolean
  onRetry?: (() => void) | undefined
}

/**
 * "Retrying in N s", then "Retrying…", counted from whenever the schedule will try again.
 * `tickMs` is a shared tick's time, up to a second old; the attempt was planned no earlier than now.
 */
export function retryText(planned: NextAttempt | undefined, tickMs: number, fetching: boolean): string | null {
  const seconds = secondsToNextAttempt(planned, tickMs)
  if (seconds !== null) return `Retrying in ${seconds} s.`
  if (fetching) return 'Retrying…'
  return null
}

/** Whole seconds until the planned attempt, or null when none is still ahead. */
function secondsToNextAttempt(planned: NextAttempt | undefined, tickMs: number): number | null {
  if (planned === undefined) return null
  const now = Math.max(tickMs, planned.notedAtMs)
  return planned.atMs > now ? Math.ceil((planned.atMs - now) / 1000) : null
}

/**
 * What happens next after a failure: the countdown to the next automatic attempt and a
 * button to try at once. The countdown is not a live region: a screen reader hears
 * the failure once, not a number every second.
 */
export function RetryStatus({ error, fetching, onRetry }: RetryStatusProps) {
  const planned = nextAttemptOf(error)
  const now = useNow(1000)
  const text = retryText(planned, now, fetching)
  const waiting = secondsToNextAttempt(planned, now) !== null
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
