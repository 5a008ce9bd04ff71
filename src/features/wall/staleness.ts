/**
 * When a wall panel must say its data is stale. Pure: time is an argument, so the
 * decision is tested without a clock.
 */
import { formatRelative } from '@/domain/format'
import { WALL_TIMEOUT_MS } from './refresh-policy'

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

/** "Stale — last data 2 min ago". */
export function staleText(ageMs: number): string {
  return `Stale — last data ${formatRelative(Math.max(0, ageMs))}`
}
