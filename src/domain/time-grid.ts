/**
 * Series are sampled on a grid: timestamps that are whole multiples of `step`
 * seconds since the epoch. `from` and `to` are both on the grid and inclusive.
 */

/** Snaps a window to the grid: `from` rounds down, `to` rounds down. */
export function alignWindow(fromMs: number, toMs: number, stepS: number): { fromMs: number; toMs: number } {
  const stepMs = stepS * 1000
  const from = Math.floor(fromMs / stepMs) * stepMs
  const to = Math.max(from, Math.floor(toMs / stepMs) * stepMs)
  return { fromMs: from, toMs: to }
}

/** Number of samples in an aligned, inclusive window. */
export function sampleCount(fromMs: number, toMs: number, stepS: number): number {
  return Math.floor((toMs - fromMs) / (stepS * 1000)) + 1
}

/** Timestamp of sample `i` of a series starting at `fromMs`. */
export function sampleTime(fromMs: number, stepS: number, i: number): number {
  return fromMs + i * stepS * 1000
}
