import { useId, useState, type ReactNode } from 'react'
import { useLastFailure } from '@/lib/use-last-failure'
import { useNow } from '@/lib/use-now'
import { ErrorMessage } from './error-message'
import { PanelErrorBoundary } from './panel-error-boundary'
import { StaleNotice } from './stale-notice'

export interface PanelProps {
  title: string
  /** Controls or facts shown at the right of the heading. */
  actions?: ReactNode
  children: ReactNode
  className?: string
  /** Heading level; panels sit under the page's h1 by default. */
  level?: 2 | 3
  busy?: boolean
}

/** The chrome every panel shares: a named region, a heading, a crash boundary. */
export function Panel({ title, actions, children, className = '', level = 2, busy = false }: PanelProps) {
  const headingId = useId()
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      className={`flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      <header className="flex min-h-7 items-center justify-between gap-2">
        <Heading id={headingId} className="text-sm font-semibold tracking-tight text-zinc-800 dark:text-zinc-100">
          {title}
        </Heading>
        {actions !== undefined && <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">{actions}</div>}
      </header>
      <PanelErrorBoundary what={title}>{children}</PanelErrorBoundary>
    </section>
  )
}

/**
 * The parts of a TanStack query result a panel needs. A plain useQuery result fits;
 * property tracking still applies, so a panel re-renders only for what it reads.
 */
export interface QueryLike<T> {
  data: T | undefined
  error: Error | null
  failureReason: Error | null
  dataUpdatedAt: number
  isFetching: boolean
  refetch: () => Promise<unknown>
}

export interface QueryContentProps<T> {
  /** What is being loaded, for messages: "Service health". */
  what: string
  query: QueryLike<T>
  children: (data: T) => ReactNode
  skeleton?: ReactNode
}

/**
 * The standard states of a query: skeleton while the first load runs (saying so when
 * the answer is slow); from the first failed attempt, what failed and when the next
 * attempt comes; and when a refresh fails but data exists, the last good data stays,
 * marked stale with its age, the reason and the next attempt.
 */
export function QueryContent<T>({ what, query, children, skeleton }: QueryContentProps<T>) {
  const { data } = query
  // failureReason is set from the first failed attempt while retries run, error once they are done.
  const failure = useLastFailure(query.error ?? query.failureReason, query.dataUpdatedAt)
  const retry = () => {
    void query.refetch()
  }
  if (data === undefined) {
    if (failure !== null) return <ErrorMessage what={what} error={failure} retrying={query.isFetching} onRetry={retry} />
    return (
      <div>
        <span className="sr-only">Loading {what}…</span>
        {skeleton ?? <Skeleton />}
        <SlowAnswerNote />
      </div>
    )
  }
  return (
    <>
      {failure !== null && <StaleNotice updatedAt={query.dataUpdatedAt} error={failure} fetching={query.isFetching} onRetry={retry} />}
      {children(data)}
    </>
  )
}

/** Seconds without an answer before the skeleton says it is still waiting. */
const SLOW_ANSWER_S = 3

/**
 * Under a skeleton: a request that hangs is said as it happens ("No answer yet after
 * 5 s"), rather than left as grey bars until the request times out.
 */
function SlowAnswerNote() {
  const [since] = useState(() => Date.now())
  const waitedS = Math.floor((useNow(1000) - since) / 1000)
  if (waitedS < SLOW_ANSWER_S) return null
  return <p className="mt-2 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">No answer yet after {waitedS} s; still waiting.</p>
}

export function QueryPanel<T>({
  title,
  query,
  children,
  skeleton,
  actions,
  className,
  level,
}: Omit<PanelProps, 'children' | 'busy'> & Omit<QueryContentProps<T>, 'what'>) {
  return (
    <Panel title={title} actions={actions} className={className} level={level} busy={query.data === undefined && query.error === null && query.failureReason === null}>
      <QueryContent what={title} query={query} skeleton={skeleton}>
        {children}
      </QueryContent>
    </Panel>
  )
}

/** Grey bars in the rough shape of the content, so the layout does not jump when data lands. */
export function Skeleton({ rows = 3, className = '' }: { rows?: number; className?: string }) {
  return (
    <div aria-hidden="true" className={`flex flex-col gap-2 ${className}`}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-4 rounded bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-800" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  )
}
