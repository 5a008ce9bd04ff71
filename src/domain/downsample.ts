/**
 * Reducing a series to what a chart of a given pixel width can show, without ever
 * hiding a threshold breach.
 *
 * M4 (Jugel et al., VLDB 2014) keeps, per pixel column, the first, minimum, maximum
 * and last point. A line drawn through them is pixel-identical to one drawn through
 * all the raw points, so a spike above a threshold always survives. LTTB, the usual
 * alternative, keeps one point per bucket chosen for visual area, and can drop a
 * breach next to a deeper dip; it is here only to measure M4 against.
 */

export interface Points {
  /** Timestamps in ms, ascending. */
  readonly xs: Float64Array | readonly number[]
  /** Values; null is a gap where the line must break. */
  readonly ys: readonly (number | null)[]
}

export interface ReducedPoints {
  readonly xs: number[]
  readonly ys: (number | null)[]
}

/**
 * M4 over the pixel columns of [fromMs, toMs]: per column the first, min, max and last
 * point, in time order. Points outside the range are dropped. A gap (null) between two
 * points with data — inside one column or between columns — is kept as one null point
 * at the gap's first timestamp, so the line still breaks there; leading and trailing
 * gaps break nothing and are dropped. At most 4 data points per column, plus at most
 * one gap marker inside a column and one before it.
 */
export function m4(points: Points, fromMs: number, toMs: number, pixelWidth: number): ReducedPoints {
  assertRange(fromMs, toMs, pixelWidth)
  const { xs, ys } = points
  const width = Math.floor(pixelWidth)
  const columnsPerMs = toMs > fromMs ? width / (toMs - fromMs) : 0
  const out: ReducedPoints = { xs: [], ys: [] }

  // The open column's chosen indices; -1 when no column is open.
  let column = -1
  let first = -1
  let last = -1
  let lo = -1
  let hi = -1
  let loValue = 0
  let hiValue = 0
  // Index of the first gap inside the open column, and of a gap not yet placed.
  let innerGap = -1
  let pendingGap = -1

  const flush = () => {
    if (column < 0) return
    // first ≤ lo, hi ≤ last; only lo and hi can come in either order.
    const a = Math.min(lo, hi)
    const b = Math.max(lo, hi)
    emit(first, innerGap)
    if (a !== first) emit(a, innerGap)
    if (b !== a && b !== first) emit(b, innerGap)
    if (last !== b && last !== a && last !== first) emit(last, innerGap)
  }
  // Emits data point i, preceded by the column's gap marker once the gap lies before i.
  const emit = (i: number, gap: number) => {
    if (gap >= 0 && gap < i) {
      out.xs.push(xs[gap] ?? 0)
      out.ys.push(null)
      innerGap = -1
    }
    out.xs.push(xs[i] ?? 0)
    out.ys.push(ys[i] ?? null)
  }

  const n = Math.min(xs.length, ys.length)
  for (let i = 0; i < n; i++) {
    const x = xs[i] ?? Number.NaN
    if (!(x >= fromMs && x <= toMs)) continue
    const y = ys[i]
    if (y == null) {
      // A gap only matters once there is data before it.
      if (pendingGap < 0 && column >= 0) pendingGap = i
      continue
    }
    const c = Math.min(width - 1, Math.floor((x - fromMs) * columnsPerMs))
    if (c !== column) {
      flush()
      if (pendingGap >= 0) {
        out.xs.push(xs[pendingGap] ?? 0)
        out.ys.push(null)
        pendingGap = -1
      }
      column = c
      first = last = lo = hi = i
      loValue = hiValue = y
      innerGap = -1
      continue
    }
    if (pendingGap >= 0) {
      if (innerGap < 0) innerGap = pendingGap
      pendingGap = -1
    }
    last = i
    if (y < loValue) {
      lo = i
      loValue = y
    }
    if (y > hiValue) {
      hi = i
      hiValue = y
    }
  }
  flush()
  return out
}

function assertRange(fromMs: number, toMs: number, pixelWidth: number): void {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new RangeError(`invalid range ${fromMs}..${toMs}`)
  }
  if (!(pixelWidth >= 1) || !Number.isFinite(pixelWidth)) throw new RangeError(`invalid pixel width ${pixelWidth}`)
}

/**
 * The backend `step` (seconds) for a chart `pixelWidth` wide over [fromMs, toMs]: the
 * smallest multiple of `baseStepS` that gives at most `pointsPerPixel` points per pixel
 * (two by default) and never finer than the base resolution. (Against Prometheus, query
 * `max_over_time(m[step])` so the coarser step keeps breaches too; a plain step samples
 * and can skip them.)
 */
export function pickStep(fromMs: number, toMs: number, pixelWidth: number, baseStepS = 10, pointsPerPixel = 2): number {
  assertRange(fromMs, toMs, pixelWidth)
  if (!(baseStepS > 0) || !Number.isFinite(baseStepS)) throw new RangeError(`invalid base step ${baseStepS}`)
  if (!(pointsPerPixel > 0) || !Number.isFinite(pointsPerPixel)) throw new RangeError(`invalid points per pixel ${pointsPerPixel}`)
  const rawPoints = (toMs - fromMs) / (baseStepS * 1000)
  const factor = Math.max(1, Math.ceil(rawPoints / (pointsPerPixel * Math.floor(pixelWidth))))
  return factor * baseStepS
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013) to `threshold` points, first and
 * last kept. Gaps are dropped, as LTTB has no notion of them. For comparison with
 * {@link m4} only: it keeps one point per bucket and so can lose a breach.
 */
export function lttb(points: Points, threshold: number): ReducedPoints {
  const xs: number[] = []
  const ys: number[] = []
  const n0 = Math.min(points.xs.length, points.ys.length)
  for (let i = 0; i < n0; i++) {
    const y = points.ys[i]
    if (y != null) {
      xs.push(points.xs[i] ?? 0)
      ys.push(y)
    }
  }
  const n = xs.length
  if (threshold >= n || threshold < 3) return { xs, ys }

  const outX: number[] = [xs[0] ?? 0]
  const outY: (number | null)[] = [ys[0] ?? 0]
  const bucket = (n - 2) / (threshold - 2)
  let a = 0
  for (let b = 0; b < threshold - 2; b++) {
    // The average of the next bucket is the triangle's third corner.
    const nextStart = Math.floor((b + 1) * bucket) + 1
    const nextEnd = Math.min(Math.floor((b + 2) * bucket) + 1, n)
    let avgX = 0
    let avgY = 0
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j] ?? 0
      avgY += ys[j] ?? 0
    }
    const count = Math.max(1, nextEnd - nextStart)
    avgX /= count
    avgY /= count

    const start = Math.floor(b * bucket) + 1
    const end = Math.floor((b + 1) * bucket) + 1
    const ax = xs[a] ?? 0
    const ay = ys[a] ?? 0
    let best = start
    let bestArea = -1
    for (let j = start; j < end; j++) {
      const area = Math.abs((ax - avgX) * ((ys[j] ?? 0) - ay) - (ax - (xs[j] ?? 0)) * (avgY - ay))
      if (area > bestArea) {
        bestArea = area
        best = j
      }
    }
    outX.push(xs[best] ?? 0)
    outY.push(ys[best] ?? 0)
    a = best
  }
  outX.push(xs[n - 1] ?? 0)
  outY.push(ys[n - 1] ?? 0)
  return { xs: outX, ys: outY }
}
