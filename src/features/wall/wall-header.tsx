import { serverNow } from '@/api/server-time'
import { ClockSkewNote } from '@/components/ui/clock-skew-note'
import { useServerSkew, useServerTime } from '@/lib/use-server-time'
import { formatTimeOfDay } from './wall-format'

/**
 * The wall's title line: the server's clock, large, and when data last arrived (on the
 * same clock, so the two can be compared); below it, only when the kiosk's own clock is
 * more than 30 s off, a note saying so.
 */
export function WallHeader({ lastRefreshAt }: { lastRefreshAt: number }) {
  return (
    <header className="flex shrink-0 flex-col gap-1">
      <div className="flex items-center justify-between gap-8">
        <h1 className="text-4xl font-black tracking-tight">War room</h1>
        <div className="flex items-baseline gap-10">
          <p className="text-xl text-zinc-300">
            Last refresh <LastRefresh at={lastRefreshAt} />
          </p>
          <ServerClock />
        </div>
      </div>
      <ClockSkewNote className="self-end text-lg font-semibold text-amber-200" />
    </header>
  )
}

/** `at` is the browser's time of the last success (TanStack's dataUpdatedAt): shown on the server's clock. */
function LastRefresh({ at }: { at: number }) {
  // Re-rendered when the skew estimate moves, not on a tick: the time itself does not change.
  useServerSkew()
  // Both forms hold the width of a time of day, so the clocks beside them do not move when data arrives.
  if (at <= 0) return <span className="inline-block min-w-[8ch] font-bold text-zinc-50">not yet</span>
  const onServer = serverNow(at)
  return (
    <time dateTime={new Date(onServer).toISOString()} className="inline-block min-w-[8ch] font-bold tabular-nums text-zinc-50">
      {formatTimeOfDay(onServer)}
    </time>
  )
}

function ServerClock() {
  const now = useServerTime(1000)
  return (
    <p className="flex items-baseline gap-3">
      <span className="text-xl text-zinc-300">Server time</span>
      <time dateTime={new Date(now).toISOString()} className="text-5xl font-black tabular-nums">
        {formatTimeOfDay(now)}
      </time>
    </p>
  )
}
