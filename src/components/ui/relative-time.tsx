import { formatAge, NO_VALUE } from '@/domain/format'
import { formatZonedTime } from '@/lib/format-time'
import { useServerTime } from '@/lib/use-server-time'

/**
 * "2 min ago", with the exact time and its zone on hover and the instant in the markup.
 * `at` is a time on the server's clock (every timestamp the API sends), and the age counts
 * from the server's "now", so a browser whose clock is off still reads the right age; a
 * time more than a few seconds in the future reads "in 3 min — clock ahead?". The tick
 * lives here, in a leaf, so a ticking age never re-renders the panel (or chart) around it.
 */
export function RelativeTime({ at, tickMs = 1000 }: { at: number; tickMs?: number }) {
  const now = useServerTime(tickMs)
  // A timestamp that did not parse has no instant to put in dateTime (toISOString would throw).
  if (!Number.isFinite(at)) return <span>{NO_VALUE}</span>
  return (
    <time dateTime={new Date(at).toISOString()} title={formatZonedTime(at)}>
      {formatAge(now - at)}
    </time>
  )
}
