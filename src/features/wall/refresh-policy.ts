/**
 * When a wall panel fetches next. The wall schedules its own retries through
 * `refetchInterval` instead of TanStack's `retry`, because TanStack pauses retries
 * while the tab is not focused — and a wall is rarely the focused window.
 *
 * After a success the next fetch comes one refresh later. After failures it backs off
 * exponentially with jitter (a room of walls must not retry in lockstep), never before
 * the server's Retry-After, and never slower than MAX_BACKOFF_MS, so a returning
 * backend is noticed within half a minute.
 */

/** A wall request that has not answered by now has failed; the next refresh is due soon. */
export const WALL_TIMEOUT_MS = 4_000
export const MAX_BACKOFF_MS = 30_000
/** A Retry-After beyond this is treated as this: a bogus header must not freeze a wall for hours. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000

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
 * Milliseconds until the next fetch. Failure n waits a random time in
 * [c/2, c] with c = refreshMs × 2^(n−2) capped at MAX_BACKOFF_MS — half a refresh
 * after a first failure (one lost request should not make a panel stale), then
 * doubling — and at least the server's Retry-After.
 */
export function nextRefreshDelay({ refreshMs, failureStreak, retryAfterMs, jitter }: RefreshInput): number {
  if (failureStreak <= 0) return refreshMs
  const ceiling = Math.min(MAX_BACKOFF_MS, refreshMs * 2 ** (Math.min(failureStreak, 32) - 2))
  const backoff = ceiling / 2 + Math.min(Math.max(jitter, 0), 1) * (ceiling / 2)
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
