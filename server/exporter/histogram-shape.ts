/**
 * Shapes one tick's histogram so that Prometheus' `histogram_quantile` gives back the
 * simulator's quantiles exactly. histogram_quantile (promql/quantile.go, bucketQuantile)
 * finds the first bucket whose cumulative count reaches q × total and interpolates
 * linearly inside it, from the bucket's lower bound (0 for the first) to its `le`. So
 * the quantile it reads is the inverse of the piecewise-linear CDF through the
 * cumulative shares at the bucket bounds. We choose those shares so that this CDF
 * passes through (p50, 0.5) and (p95, 0.95), rising strictly everywhere (no empty
 * bucket, so float noise in rate() cannot make the search jump across a gap).
 *
 * A quantile inside a bucket fixes one linear relation between the shares at its two
 * bounds; we pick each bucket's slope (share per second) near a plain "uniform from
 * zero" guess, clamped to what keeps the shares in order and within 0..1. Some pairs
 * cannot be met at all with fixed buckets: quantiles too close for the buckets they
 * fall in (their line would leave 0..1), a quantile above the highest finite bound
 * (Prometheus then answers that bound) or too low in the first one. Those get the
 * P95 alone when it can be had (the alert rules read it), else a close monotone
 * shape, and `exact: false`. The bounds in instrumentation.ts are fine enough that
 * every simulated tick is exact (exporter tests sweep the scenarios).
 */

export interface HistogramShape {
  /** Cumulative share of observations at each finite bound, strictly increasing, below or at 1; +Inf holds 1. */
  readonly shares: number[]
  /** Whether histogram_quantile returns the asked quantiles (up to float rounding). */
  readonly exact: boolean
}

/** Keeps every bucket from being empty: the least share left for each bucket a bound has below or above it. */
const ROOM = 1e-3

interface Target {
  q: number
  x: number
  /** Index of the bucket holding x: the first bound ≥ x. */
  j: number
  lo: number
  hi: number
}

function target(bounds: readonly number[], q: number, x: number): Target {
  const j = bounds.findIndex((b) => x <= b)
  const lo = j > 0 ? (bounds[j - 1] ?? 0) : 0
  return { q, x, j, lo, hi: bounds[j] ?? Infinity }
}

/**
 * Cumulative shares for a histogram with these finite bounds (ascending, > 0) whose P95
 * is `p95`, and whose P50 is `p50` when given (the database histogram only promises its P95).
 */
export function histogramShape(bounds: readonly number[], p95: number, p50?: number): HistogramShape {
  const top = bounds[bounds.length - 1] ?? Infinity
  if (!(p95 > 0) || p95 > top) return fallback(bounds, p95, p50)
  const t95 = target(bounds, 0.95, p95)
  if (p50 !== undefined && p50 > 0 && p50 < p95) {
    const both = pair(bounds, target(bounds, 0.5, p50), t95)
    if (both !== null) return { shares: both, exact: true }
  }
  // The P95 alone, which the alert rules read, when both cannot be had.
  const alone = single(bounds, t95)
  if (alone !== null) return { shares: alone, exact: p50 === undefined }
  return fallback(bounds, p95, p50)
}

/** Upper limit of a target bucket's slope so that its upper share leaves room for the buckets above. */
function maxSlopeAbove(bounds: readonly number[], t: Target): number {
  const room = 1 - ROOM * (bounds.length - 1 - t.j) - t.q
  return t.hi === t.x ? Infinity : room / (t.hi - t.x)
}

/** Upper limit of a target bucket's slope so that its lower share leaves room for the buckets below. */
function maxSlopeBelow(t: Target): number {
  return (t.q - ROOM * t.j) / (t.x - t.lo)
}

function single(bounds: readonly number[], t: Target): number[] | null {
  // The first bucket starts at 0 for histogram_quantile: its slope is fixed.
  const slope = t.j === 0 ? t.q / t.x : Math.min(t.q / t.x, maxSlopeBelow(t), maxSlopeAbove(bounds, t))
  if (!(slope > 0) || slope > maxSlopeAbove(bounds, t)) return null
  const shares = new Array<number>(bounds.length).fill(NaN)
  place(shares, t, slope)
  return fill(shares, t.j === 0 ? 0 : t.j - 1, t.j)
}

function pair(bounds: readonly number[], t50: Target, t95: Target): number[] | null {
  const shares = new Array<number>(bounds.length).fill(NaN)
  if (t50.j === t95.j) {
    // One bucket, one line through both points: nothing to choose.
    const slope = (t95.q - t50.q) / (t95.x - t50.x)
    const low = t50.q - slope * (t50.x - t50.lo)
    const lowOk = t50.j === 0 ? Math.abs(low) <= 1e-12 : low >= ROOM * t50.j
    if (!lowOk || slope > maxSlopeAbove(bounds, t95)) return null
    place(shares, t50, slope)
    return fill(shares, t50.j === 0 ? 0 : t50.j - 1, t95.j)
  }
  const cap50 = t50.j === 0 ? t50.q / t50.x : maxSlopeBelow(t50)
  const cap95 = Math.min(maxSlopeAbove(bounds, t95), t95.q / (t95.x - t95.lo) - 1e-12)
  // How far each quantile is from the bound that faces the other one.
  const a = t50.hi - t50.x
  const b = t95.x - t95.lo
  const gap = t95.q - t50.q
  let s50: number
  let s95: number
  if (t95.j === t50.j + 1) {
    // One bound between them: its share must satisfy both lines, s50·a + s95·b = gap.
    if (a === 0) {
      s95 = gap / b
      s50 = t50.j === 0 ? t50.q / t50.x : Math.min(t50.q / t50.x, cap50)
    } else {
      const lo = Math.max(0, (gap - cap95 * b) / a)
      const hi = Math.min(cap50, gap / a)
      if (t50.j === 0) s50 = t50.q / t50.x
      else {
        if (!(lo < hi)) return null
        const margin = (hi - lo) * 0.01
        s50 = Math.min(Math.max(t50.q / t50.x, lo + margin), hi - margin)
      }
      s95 = (gap - s50 * a) / b
    }
  } else {
    // Buckets between them: the P50 side takes at most 40 % of the gap, the P95 side at
    // most 40 % too and never so much that the bounds between would have no room.
    s50 = t50.j === 0 ? t50.q / t50.x : Math.min(t50.q / t50.x, cap50, (0.4 * gap) / Math.max(a, Number.MIN_VALUE))
    const upTo50 = t50.q + s50 * a
    const between = t95.j - t50.j
    s95 = Math.min(gap / (t95.x - t50.x), cap95, (0.4 * gap) / b, (t95.q - upTo50 - ROOM * between) / b)
  }
  if (!(s50 > 0 && s95 > 0) || s50 > cap50 * (1 + 1e-12) || s95 > cap95 * (1 + 1e-12)) return null
  place(shares, t50, s50)
  place(shares, t95, s95)
  return fill(shares, t50.j === 0 ? 0 : t50.j - 1, t95.j)
}

/** Sets the shares at a target bucket's bounds from the line through (x, q) with this slope. */
function place(shares: number[], t: Target, slope: number): void {
  if (t.j > 0) shares[t.j - 1] = t.q - slope * (t.x - t.lo)
  shares[t.j] = t.q + slope * (t.hi - t.x)
}

/**
 * Fills the unset shares: evenly (by bucket count) from 0 up to the first set one,
 * between set ones, and from the last set one towards 1 (the +Inf bucket keeps a step).
 */
function fill(shares: number[], first: number, last: number): number[] | null {
  const n = shares.length
  const at = (k: number) => shares[k] ?? NaN
  for (let k = 0; k < first; k++) shares[k] = (at(first) * (k + 1)) / (first + 1)
  let prev = first
  for (let k = first + 1; k <= last; k++) {
    if (Number.isNaN(at(k))) continue
    for (let m = prev + 1; m < k; m++) shares[m] = at(prev) + ((at(k) - at(prev)) * (m - prev)) / (k - prev)
    prev = k
  }
  for (let k = last + 1; k < n; k++) shares[k] = at(last) + ((1 - at(last)) * (k - last)) / (n - last)
  for (let k = 0; k < n; k++) {
    const v = at(k)
    if (!(v > (k === 0 ? 0 : at(k - 1))) || v > 1) return null
  }
  return shares
}

/**
 * The closest plain shape when no exact one exists: the piecewise-linear CDF through
 * (0, 0), (p50, 0.5), (p95, 0.95) and (twice the larger of p95 and the top bound, 1),
 * read at the bounds.
 */
function fallback(bounds: readonly number[], p95: number, p50: number | undefined): HistogramShape {
  const x95 = Number.isFinite(p95) && p95 > 0 ? p95 : (bounds[0] ?? 1)
  const x50 = p50 !== undefined && p50 > 0 && p50 < x95 ? p50 : x95 / 2
  // The last point lies past every bound, so no share reaches 1 and none is flat.
  const top = bounds[bounds.length - 1] ?? x95
  const points: [number, number][] = [
    [0, 0],
    [x50, 0.5],
    [x95, 0.95],
    [2 * Math.max(x95, top), 1],
  ]
  const cdf = (x: number): number => {
    for (let k = 1; k < points.length; k++) {
      const [x0, y0] = points[k - 1] ?? [0, 0]
      const [x1, y1] = points[k] ?? [0, 0]
      if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0)
    }
    return 1
  }
  return { shares: bounds.map(cdf), exact: false }
}
