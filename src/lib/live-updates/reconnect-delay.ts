/** The first reconnect waits about this long; each failure after it doubles the wait. */
export const FIRST_RECONNECT_MS = 1_000
/** No reconnect waits longer than this. */
export const MAX_RECONNECT_MS = 30_000

/**
 * How long to wait before reconnect attempt `failures` (0 after the first drop): 1 s
 * doubling to 30 s, then a random point in the upper half of that ("equal jitter"), so a
 * room of dashboards that lost the server together does not come back in lockstep.
 * `random() = 1` gives exactly 1, 2, 4, 8, 16, 30, 30 … s.
 */
export function reconnectDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RECONNECT_MS, FIRST_RECONNECT_MS * 2 ** Math.max(0, failures))
  return Math.round(base / 2 + random() * (base / 2))
}
