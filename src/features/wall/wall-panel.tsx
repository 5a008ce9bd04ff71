import { useId, useState, type ReactNode } from 'react'
import { serverNow } from '@/api/server-time'
import { nextAttemptOf } from '@/api/next-attempt'
import { describeError } from '@/components/ui/describe-error'
import { retryText } from '@/components/ui/retry-status'
import { useLastFailure } from '@/lib/use-last-failure'
import { useNow } from '@/lib/use-now'
import { isStale, staleSentence } from './staleness'
import { ShapeIcon } from './wall-icons'

/** What a panel knows about its data's freshness: primitives, so memoised panels stay memoised. */
export interface Freshness {
  /** When data last arrived (TanStack's dataUpdatedAt); 0 if it never did. */
  lastSuccessAt: number
  /** The latest fetch's error, null when it succeeded. */
  error: Error | null
  refreshMs: number
}

/** The wall's panel chrome: a named region, a large heading, and the freshness status. */
export function WallPanel({
  title,
  summary,
  freshness,
  className = '',
  children,
}: {
  title: string
  /** Headline figures beside the heading ("3 firing"). */
  summary?: ReactNode
  freshness: Freshness
  className?: string
  children: ReactNode
}) {
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className={`flex min-h-0 min-w-0 flex-col gap-3 overflow-hidden rounded-xl border border-zinc-700 bg-zinc-950 px-4 py-3 ${className}`}
    >
      <header className="flex shrink-0 items-baseline justify-between gap-4">
        <h2 id={headingId} className="truncate text-2xl font-bold tracking-tight text-zinc-50">
          {title}
        </h2>
        {summary}
        <LoadingNote what={title} lastSuccessAt={freshness.lastSuccessAt} error={freshness.error} />
      </header>
      <FreshnessStatus what={title} {...freshness} />
      <div className="flex min-h-0 flex-1 flex-col">{children}</div>
    </section>
  )
}

/**
 * "Loading …" beside the heading until the first answer or failure: on a line of its
 * own it would vanish when data lands and pull everything below up with it.
 */
function LoadingNote({ what, lastSuccessAt, error: latestError }: { what: string; lastSuccessAt: number; error: Error | null }) {
  const error = useLastFailure(latestError, lastSuccessAt)
  if (!isLoading(lastSuccessAt, error)) return null
  return (
    <p aria-busy="true" className="shrink-0 text-lg text-zinc-300">
      Loading {what.toLowerCase()}…
    </p>
  )
}

type FreshnessState = 'loading' | 'fresh' | 'no-data' | 'stale'

const BANNER =
  'flex shrink-0 items-start gap-2 rounded-lg border-2 border-amber-400 bg-amber-950 px-3 py-1 text-xl leading-snug text-amber-100'

/**
 * Says when the panel's data is not current. A leaf with its own one-second tick, so
 * the age moves on without re-rendering the panel's content.
 *
 * For screen readers the panel keeps one live region (role="status") from its first
 * render: content injected into a region that is already there is announced, a region
 * inserted with its content often is not. Its sentence changes when the panel's state
 * does (stale, no data, current again) and, while stale, once a minute as the age in
 * whole minutes moves on — never every second.
 */
export function FreshnessStatus({ what, lastSuccessAt, error: latestError, refreshMs }: Freshness & { what: string }) {
  const now = useNow(1000)
  const error = useLastFailure(latestError, lastSuccessAt)
  const state = freshnessState(lastSuccessAt, now, refreshMs, error)
  // Whether this panel has had a problem to recover from: only then is "current again" news.
  const [troubled, setTroubled] = useState(false)
  if (!troubled && (state === 'stale' || state === 'no-data')) setTroubled(true)

  const shown = state === 'stale' || state === 'no-data'
  const errorTitle = error === null ? null : describeError(error).title
  let message: string | null = null
  // lastSuccessAt is on the browser's clock; the time of day is said on the server's, like the header's clock.
  if (state === 'stale') message = staleSentence(serverNow(lastSuccessAt), now - lastSuccessAt, errorTitle)
  else if (state === 'no-data') message = `No data yet — ${errorTitle ?? 'The server has not answered.'}`
  else if (state === 'fresh' && troubled) message = 'data is current again.'

  return (
    <>
      <div className={shown ? BANNER : 'sr-only'}>
        {shown && <ShapeIcon shape="warning" className="mt-[0.15em]" />}
        <p className="min-w-0 font-bold">
          <span role="status">
            {message !== null && <span className="sr-only">{what}: </span>}
            {message}
          </span>
          {/* Outside the live region: the countdown moves every second. */}
          {shown && <span className="font-normal tabular-nums"> {retryText(nextAttemptOf(error), now, false) ?? 'Retrying.'}</span>}
        </p>
      </div>
    </>
  )
}

/** No answer yet and no failure yet: the one rule for the heading's note and the status below it. */
function isLoading(lastSuccessAt: number, error: Error | null): boolean {
  return lastSuccessAt <= 0 && error === null
}

function freshnessState(lastSuccessAt: number, now: number, refreshMs: number, error: Error | null): FreshnessState {
  if (isLoading(lastSuccessAt, error)) return 'loading'
  if (lastSuccessAt <= 0) return 'no-data'
  return isStale(lastSuccessAt, now, refreshMs, error !== null) ? 'stale' : 'fresh'
}

/** "+3 more": what did not fit is counted, never silently dropped. */
export function MoreCount({ count }: { count: number }) {
  if (count <= 0) return null
  return <p className="shrink-0 text-xl font-semibold text-zinc-300">+{count} more</p>
}
