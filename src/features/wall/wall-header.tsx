import { serverNow } from '@/api/server-time'
import { useNow } from '@/lib/use-now'
import { formatTimeOfDay } from './wall-format'

/** The wall's title line: the server's clock, large, and when data last arrived. */
export function WallHeader({ lastRefreshAt }: { lastRefreshAt: number }) {
  return (
    <header className="flex shrink-0 items-center justify-between gap-8">
      <h1 className="text-4xl font-black tracking-tight">War room</h1>
      <div className="flex items-baseline gap-10">
        <p className="text-xl text-zinc-300">
          Last refresh{' '}
          <span className="font-bold tabular-nums text-zinc-50">{lastRefreshAt > 0 ? formatTimeOfDay(lastRefreshAt) : 'not yet'}</span>
        </p>
        <ServerClock />
      </div>
    </header>
  )
}

function ServerClock() {
  const now = serverNow(useNow(1000))
  return (
    <p className="flex items-baseline gap-3">
      <span className="text-xl text-zinc-300">Server time</span>
      <time dateTime={new Date(now).toISOString()} className="text-5xl font-black tabular-nums">
        {formatTimeOfDay(now)}
      </time>
    </p>
  )
}
