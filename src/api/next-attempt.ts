/**
 * When a failed request will be tried again, noted on its error by whichever schedule
 * decided it (TanStack's retryDelay, or a polled query's refresh schedule), so a panel
 * can say "retrying in N s" without knowing which schedule runs it. A WeakMap: an
 * error that is dropped takes its note with it, and nothing needs resetting.
 */
export interface NextAttempt {
  atMs: number
  /** When the attempt was planned: a countdown never starts above at − notedAt. */
  notedAtMs: number
}

const nextAttempts = new WeakMap<object, NextAttempt>()

/** Several observers may schedule the same failed query; the earliest attempt is the one that runs. */
export function noteNextAttempt(error: unknown, atMs: number, nowMs: number = Date.now()): void {
  if (typeof error !== 'object' || error === null || !Number.isFinite(atMs)) return
  const known = nextAttempts.get(error)
  if (known === undefined || atMs < known.atMs) nextAttempts.set(error, { atMs, notedAtMs: Math.min(nowMs, atMs) })
}

/** When the failed request behind this error is tried again; undefined when nothing is scheduled. */
export function nextAttemptOf(error: unknown): NextAttempt | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  return nextAttempts.get(error)
}

/** Just the time of the next attempt. */
export function nextAttemptAt(error: unknown): number | undefined {
  return nextAttemptOf(error)?.atMs
}
