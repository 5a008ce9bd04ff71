import { useEffect, useState } from 'react'
import { serverNow } from '@/api/server-time'
import { useNow } from '@/lib/use-now'

/**
 * The server's "now", re-rendering every second. Each tick computes the time afresh
 * from the clock (never by adding up ticks), so a background tab whose timers the
 * browser throttles shows the right time the moment it repaints; and coming back to
 * the tab re-renders at once rather than at the next, possibly delayed, tick.
 */
export function useServerNow(): number {
  const tick = useNow(1000)
  const [shownAt, setShownAt] = useState(0)
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'visible') setShownAt(Date.now())
    }
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [])
  return serverNow(Math.max(tick, shownAt))
}
