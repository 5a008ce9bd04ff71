/**
 * When a wall panel must say its data is stale, and in what words. Pure: time is an
 * argument, so the decision is tested without a clock.
 */
import { formatRelative } from '@/domain/format'
import { WALL_TIMEOUT_MS } from './refresh-policy'
import { formatTimeOfDay } from './wall-format'

/**
 * With no failure reported, data is stale once two refreshes were missed, allowing
 * for one request that ran to its timeout (a hung backend is reported, not waited on).
 */
export function staleAfterMs(refreshMs: number): number {
  return 2 * refreshMs + WALL_TIMEOUT_MS
}

/**
 * True when the panel's data can no longer be called current. `lastSuccessAt` is
 * when data last arrived (0: never — that is "no data yet", not stale); `failed` says
 * the latest fetch failed. A failure counts after two refresh periods, so one lost
 * request that the quick retry replaces does not flash a warning on the wall.
 */
export function isStale(lastSuccessAt: number, now: number, refreshMs: number, failed: boolean): boolean {
  if (lastSuccessAt <= 0) return false
  const ageMs = now - lastSuccessAt
  return failed ? ageMs > 2 * refreshMs : ageMs > staleAfterMs(refreshMs)
}

/**
 * What a stale panel says, visibly and to screen readers:
 * "Stale — The server failed. Last data at 14:03:07, 2 min ago". The age counts in
 * whole minutes ("under a minute ago" first), so the live region changes at most once a
 * minute and a screen reader is not told the same news every second; the exact time
 * says the rest. `errorTitle` is null when the backend has not answered at all.
 */
export function staleSentence(lastSuccessAt: number, ageMs: number, errorTitle: string | null): string {
  return `Stale — ${errorTitle ?? 'The server has not answered.'} Last data at ${formatTimeOfDay(lastSuccessAt)}, ${staleAge(ageMs)}`
}

/** How old the last data is, in whole minutes or more: "under a minute ago", "2 min ago", "3 h ago". */
export function staleAge(ageMs: number): string {
  const ms = Math.max(0, ageMs)
  return ms < 60_000 ? 'under a minute ago' : formatRelative(ms)
}
