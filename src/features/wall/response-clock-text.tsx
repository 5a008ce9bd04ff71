import type { Incident } from '@/api/schemas'
import { serverNow } from '@/api/server-time'
import { useNow } from '@/lib/use-now'
import { formatClockSpan } from './wall-format'
import { ShapeIcon } from './wall-icons'
import { incidentClock } from './wall-incidents'

/**
 * An incident's acknowledgement clock, counted on the server's time. A breach is
 * impossible to miss: white on red, a crossed square and the words "BREACHED +m:ss".
 * A leaf with its own tick, so only the clock re-renders every second.
 */
export function ResponseClockText({ incident, size = 'row' }: { incident: Incident; size?: 'row' | 'banner' }) {
  const now = serverNow(useNow(1000))
  const clock = incidentClock(incident, now)
  const big = size === 'banner' ? 'text-5xl' : 'text-3xl'
  switch (clock.kind) {
    case 'running': {
      const urgent = clock.remainingMs < 60_000
      return (
        <span className={`inline-flex items-center gap-2 font-bold tabular-nums ${big} ${urgent ? 'text-amber-200' : 'text-zinc-50'}`}>
          <ShapeIcon shape="clock" />
          <span>
            <span className="text-xl font-semibold">Ack due in </span>
            {formatClockSpan(clock.remainingMs)}
          </span>
        </span>
      )
    }
    case 'breached':
      if (clock.acknowledged) {
        return (
          <span className="inline-flex items-center gap-2 text-2xl font-semibold tabular-nums text-red-200">
            <ShapeIcon shape="check" />
            Acked late +{formatClockSpan(clock.overdueMs)}
          </span>
        )
      }
      return (
        <span
          className={`inline-flex items-center gap-2 rounded-lg border-2 border-white bg-red-600 px-3 py-0.5 font-black tabular-nums text-white ${big}`}
        >
          <ShapeIcon shape="bad" />
          BREACHED +{formatClockSpan(clock.overdueMs)}
        </span>
      )
    case 'met':
      return (
        <span className="inline-flex items-center gap-2 text-2xl font-semibold tabular-nums text-emerald-200">
          <ShapeIcon shape="check" />
          Acked in {formatClockSpan(clock.tookMs)}
        </span>
      )
  }
}
