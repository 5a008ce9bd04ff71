/**
 * When a polled panel fetches next. A panel that polls schedules its own retries
 * through `refetchInterval` instead of TanStack's `retry`, for two reasons: in an outage
 * a panel must make at most one request per refresh interval (TanStack's quick retries
 * would add three more), and TanStack pauses retries while the tab is not focused — a
 * wall is rarely the focused window.
 *
 * After a success the next fetch comes one refresh later. After failures it backs off
 * exponentially with jitter (a room of dashboards must not retry in lockstep), never
 * sooner than one refresh, never before the server's Retry-After (honoured up to ten
 * minutes), and never slower than MAX_BACKOFF_MS (or the refresh, when that is longer),
 * so a returning backend is noticed within half a minute.
 */
import { isApiError } from './client'
import { noteNextAttempt } from './next-attempt'

export const MAX_BACKOFF_MS = 30_000
/** A server's Retry-After is honoured up to this long (a longer one is a misconfiguration). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000

export interface RefreshInput {
  refreshMs: number
  /** Failed fetches since the last success (0 after a success). */
  failureStreak: number
  /** The server's Retry-After on the latest failure, if it sent one. */
  retryAfterMs?: number | undefined
  /** In [0, 1): where in the backoff window this client lands. */
  jitter: number
}

/**
 * Milliseconds until the next fetch. Failure n waits c × (0.75 + 0.25 × jitter) with
 * c = refreshMs × 2^(n−1), capped at the larger of MAX_BACKOFF_MS and one refresh, but
 * never less than one refresh: so one refresh after a first failure, then about
 * doubling — and never before the server's Retry-After.
 */
export function nextRefreshDelay({ refreshMs, failureStreak, retryAfterMs, jitter }: RefreshInput): number {
  if (failureStreak <= 0) return refreshMs
  const ceiling = Math.min(Math.max(MAX_BACKOFF_MS, refreshMs), refreshMs * 2 ** (Math.min(failureStreak, 32) - 1))
  const backoff = Math.max(refreshMs, ceiling * (0.75 + 0.25 * Math.min(Math.max(jitter, 0), 1)))
  const notBefore = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS)
  return Math.round(Math.max(backoff, notBefore))
}

/**
 * A stable pseudo-random number in [0, 1) from an integer (here: when the failure
 * happened). Stable matters: TanStack re-reads `refetchInterval` on every render, and
 * a fresh Math.random() each time would restart the timer on every render.
 */
export function unitHash(n: number): number {
  let h = Math.trunc(n) | 0
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad)
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97)
  h ^= h >>> 15
  return (h >>> 0) / 4_294_967_296
}

/**
 * Errors counted at the query's last success, per query. TanStack resets its own
 * failure count at every fetch — and, while a query has no data, clears its error when
 * a new fetch starts — so the streak is counted here, from `dataUpdateCount` (a success)
 * and `errorUpdateCount` (a failure). A WeakMap: a query that leaves the cache takes its
 * entry with it.
 */
const lastSuccess = new WeakMap<object, { dataUpdateCount: number; errorUpdateCount: number }>()

/** The part of a TanStack Query the schedule reads. */
export interface ScheduledQuery {
  readonly state: {
    readonly error: unknown
    readonly errorUpdateCount: number
    readonly errorUpdatedAt: number
    readonly dataUpdateCount: number
  }
}

function failureStreak(query: ScheduledQuery): number {
  const { dataUpdateCount, errorUpdateCount } = query.state
  let seen = lastSuccess.get(query)
  if (seen === undefined || seen.dataUpdateCount !== dataUpdateCount) {
    // A success since we last looked (or the first look): failures count from here.
    seen = { dataUpdateCount, errorUpdateCount: dataUpdateCount === 0 ? 0 : errorUpdateCount }
    lastSuccess.set(query, seen)
  }
  return query.state.error === null ? 0 : errorUpdateCount - seen.errorUpdateCount
}

/**
 * When this query fetches next. After a failure the time is also noted on the error,
 * so the panel can say "retrying in N s".
 */
export function refreshDelay(query: ScheduledQuery, refreshMs: number): number {
  const { error, errorUpdatedAt } = query.state
  const delay = nextRefreshDelay({
    refreshMs,
    failureStreak: failureStreak(query),
    retryAfterMs: isApiError(error) ? error.details.retryAfterMs : undefined,
    jitter: unitHash(errorUpdatedAt),
  })
  if (error !== null) noteNextAttempt(error, errorUpdatedAt + delay)
  return delay
}

/**
 * The options that make a query poll every `refreshMs` and retry on that schedule
 * (spread after the factory's options). `false`: not polled; TanStack's own retries apply.
 */
export function polling(refreshMs: number): PolledOptions
export function polling(refreshMs: number | false): PolledOptions | { refetchInterval: false }
export function polling(refreshMs: number | false): PolledOptions | { refetchInterval: false } {
  if (refreshMs === false) return { refetchInterval: false }
  return { retry: false, retryOnMount: false, refetchInterval: (query) => refreshDelay(query, refreshMs) }
}

interface PolledOptions {
  retry: false
  /** A panel mounting beside a failed query waits for the schedule instead of asking again. */
  retryOnMount: false
  refetchInterval: (query: ScheduledQuery) => number
}
