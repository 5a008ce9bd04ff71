import { useId, type ReactNode } from 'react'
import { describeError } from '@/components/ui/describe-error'
import { useNow } from '@/lib/use-now'
import { isStale, staleText } from './staleness'
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
      </header>
      <FreshnessStatus what={title} {...freshness} />
      <div className="flex min-h-0 flex-1 flex-col">{children}</div>
    </section>
  )
}

/**
 * Says when the panel's data is not current. A leaf with its own one-second tick,
 * so the age counts up without re-rendering the panel's content.
 */
export function FreshnessStatus({ what, lastSuccessAt, error, refreshMs }: Freshness & { what: string }) {
  const now = useNow(1000)
  if (lastSuccessAt <= 0) {
    if (error === null) {
      return (
        <p aria-busy="true" className="text-lg text-zinc-300">
          Loading {what.toLowerCase()}…
        </p>
      )
    }
    return (
      <StatusLine>
        No data yet — {describeError(error).title} Retrying.
      </StatusLine>
    )
  }
  if (!isStale(lastSuccessAt, now, refreshMs, error !== null)) return null
  return (
    <StatusLine>
      {staleText(now - lastSuccessAt)}
      {error !== null && <span className="font-normal"> — {describeError(error).title}</span>}
    </StatusLine>
  )
}

function StatusLine({ children }: { children: ReactNode }) {
  return (
    <p
      role="status"
      className="flex shrink-0 items-center gap-2 truncate rounded-lg border-2 border-amber-400 bg-amber-950 px-3 py-1 text-xl font-bold text-amber-100"
    >
      <ShapeIcon shape="warning" />
      <span className="truncate">{children}</span>
    </p>
  )
}

/** "+3 more": what did not fit is counted, never silently dropped. */
export function MoreCount({ count }: { count: number }) {
  if (count <= 0) return null
  return <p className="shrink-0 text-xl font-semibold text-zinc-300">+{count} more</p>
}
