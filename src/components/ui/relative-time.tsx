import { formatRelative } from '@/domain/format'
import { formatExactTime } from '@/lib/format-time'
import { useNow } from '@/lib/use-now'

/**
 * "2 min ago", with the exact time on hover and in the markup. The tick lives here,
 * in a leaf, so a ticking age never re-renders the panel (or chart) around it.
 */
export function RelativeTime({ at, tickMs = 1000 }: { at: number; tickMs?: number }) {
  const now = useNow(tickMs)
  return (
    <time dateTime={new Date(at).toISOString()} title={formatExactTime(at)}>
      {formatRelative(Math.max(0, now - at))}
    </time>
  )
}
