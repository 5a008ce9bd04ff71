import { useId, type ReactNode } from 'react'
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
 * The standard states of a query: skeleton while the first load runs; an error with
 * Retry when there is nothing to show; and when a refresh fails but data exists, the
 * last good data stays, marked stale with its age and the reason.
 */
export function QueryContent<T>({ what, query, children, skeleton }: QueryContentProps<T>) {
  const { data } = query
  if (data === undefined) {
    if (query.error !== null) {
      return (
        <ErrorMessage
          what={what}
          error={query.error}
          retrying={query.isFetching}
          onRetry={() => {
            void query.refetch()
          }}
        />
      )
    }
    return (
      <div>
        <span className="sr-only">Loading {what}…</span>
        {skeleton ?? <Skeleton />}
      </div>
    )
  }
  // failureReason is set while retries run, error once they are exhausted.
  const failure = query.error ?? query.failureReason
  return (
    <>
      {failure !== null && <StaleNotice updatedAt={query.dataUpdatedAt} error={failure} />}
      {children(data)}
    </>
  )
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
    <Panel title={title} actions={actions} className={className} level={level} busy={query.data === undefined && query.error === null}>
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
