import fc from 'fast-check'
import { DB_BUCKETS_S, STAGE_BUCKETS_S } from '@/backend/prometheus/instrumentation'
import { histogramShape } from './histogram-shape'

/**
 * Prometheus 2.42's bucketQuantile (promql/quantile.go), line for line: sort, coalesce,
 * envelope, then a binary search for the first bucket reaching the rank and linear
 * interpolation inside it (from 0 for the first bucket).
 */
function bucketQuantile(q: number, buckets: { upperBound: number; count: number }[]): number {
  if (Number.isNaN(q)) return NaN
  if (q < 0) return -Infinity
  if (q > 1) return Infinity
  const sorted = [...buckets].sort((x, y) => x.upperBound - y.upperBound)
  if (sorted[sorted.length - 1]?.upperBound !== Infinity) return NaN
  const merged: { upperBound: number; count: number }[] = []
  for (const b of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && last.upperBound === b.upperBound) last.count += b.count
    else merged.push({ ...b })
  }
  let max = merged[0]?.count ?? 0
  for (const b of merged) {
    if (b.count > max) max = b.count
    else if (b.count < max) b.count = max
  }
  if (merged.length < 2) return NaN
  const observations = merged[merged.length - 1]?.count ?? 0
  if (observations === 0) return NaN
  let rank = q * observations
  // sort.Search over the first n − 1 buckets: the first with count ≥ rank, else n − 1.
  let b = merged.length - 1
  for (let i = 0; i < merged.length - 1; i++) {
    if ((merged[i]?.count ?? 0) >= rank) {
      b = i
      break
    }
  }
  if (b === merged.length - 1) return merged[merged.length - 2]?.upperBound ?? NaN
  const bucket = merged[b]
  if (bucket === undefined) return NaN
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound
  let start = 0
  let count = bucket.count
  if (b > 0) {
    const prev = merged[b - 1]
    start = prev?.upperBound ?? 0
    count -= prev?.count ?? 0
    rank -= prev?.count ?? 0
  }
  return start + (bucket.upperBound - start) * (rank / count)
}

/** The buckets as Prometheus sees them after rate(): cumulative counts per second. */
function asBuckets(bounds: readonly number[], shares: readonly number[], total: number) {
  return [...bounds.map((upperBound, k) => ({ upperBound, count: total * (shares[k] ?? NaN) })), { upperBound: Infinity, count: total }]
}

function quantilesOf(bounds: readonly number[], p95: number, p50?: number, total = 8.3) {
  const shape = histogramShape(bounds, p95, p50)
  const buckets = asBuckets(bounds, shape.shares, total)
  return { shape, q50: bucketQuantile(0.5, buckets), q95: bucketQuantile(0.95, buckets) }
}

const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))

test.each([
  // p50, p95 (seconds): the simulator's healthy stages, the turn, a timeout, one bucket shared.
  ['stt healthy', 0.26, 0.56],
  ['tts healthy', 0.21, 0.43],
  ['llm healthy', 0.62, 1.15],
  ['turn', 1.21, 2.06],
  ['llm timeout', 1.86, 18],
  ['both in (3, 5]', 3.05, 4.9],
  ['p50 on a bound', 0.5, 1.3],
  ['p95 on a bound', 0.3, 1],
  ['p50 in the first bucket', 0.03, 0.2],
  ['neighbouring buckets, p50 low in its bucket', 0.76, 1.216],
  ['tts healthy, once infeasible with 0.25 → 0.5 as one bucket', 0.21, 0.43],
])('%s: histogram_quantile gives back P50 %s s and P95 %s s', (_name, p50, p95) => {
  const { shape, q50, q95 } = quantilesOf(STAGE_BUCKETS_S, p95, p50)
  expect(shape.exact).toBe(true)
  expect(close(q50, p50)).toBe(true)
  expect(close(q95, p95)).toBe(true)
})

test.each([
  ['healthy', 0.009],
  ['slow', 0.0225],
  ['hanging', 4],
  ['hanging past the old top bound', 5.6],
  ['high in the first bucket', 0.00097],
])('database (%s): histogram_quantile gives back P95 %s s', (_name, p95) => {
  const { shape, q95 } = quantilesOf(DB_BUCKETS_S, p95)
  expect(shape.exact).toBe(true)
  expect(close(q95, p95)).toBe(true)
})

test('every share rises strictly and stays at or below 1, so no bucket is empty', () => {
  for (const [p50, p95] of [
    [0.26, 0.56],
    [3.05, 4.9],
    [0.03, 0.2],
  ] as const) {
    const { shares } = histogramShape(STAGE_BUCKETS_S, p95, p50)
    expect(shares).toHaveLength(STAGE_BUCKETS_S.length)
    shares.forEach((s, k) => {
      expect(s).toBeGreaterThan(k === 0 ? 0 : (shares[k - 1] ?? 1))
      expect(s).toBeLessThan(1)
    })
  }
})

test('P50 and P95 too close for their buckets: not exact, but the P95 (which alerts read) still is', () => {
  const { shape, q95 } = quantilesOf(STAGE_BUCKETS_S, 0.27, 0.26)
  expect(shape.exact).toBe(false)
  expect(close(q95, 0.27)).toBe(true)
})

test('P50 at or above P95: not exact, the P95 still is', () => {
  const { shape, q95 } = quantilesOf(STAGE_BUCKETS_S, 0.5, 0.6)
  expect(shape.exact).toBe(false)
  expect(close(q95, 0.5)).toBe(true)
})

test('P95 above the top bound: reads as the top bound, as it would from any real histogram', () => {
  const { shape, q95 } = quantilesOf(STAGE_BUCKETS_S, 45, 0.5)
  expect(shape.exact).toBe(false)
  expect(q95).toBe(30)
  for (const [k, s] of shape.shares.entries()) expect(s).toBeGreaterThan(k === 0 ? 0 : (shape.shares[k - 1] ?? 1))
})

test('a database P95 low in the first bucket cannot be had (the line from 0 would pass 1): not exact, still ordered', () => {
  const { shape } = quantilesOf(DB_BUCKETS_S, 0.0005)
  expect(shape.exact).toBe(false)
  for (const [k, s] of shape.shares.entries()) expect(s).toBeGreaterThan(k === 0 ? 0 : (shape.shares[k - 1] ?? 1))
})

test('property: whenever a shape claims to be exact, histogram_quantile returns P50 and P95 within 1e-9', () => {
  fc.assert(
    fc.property(fc.double({ min: 0.001, max: 29, noNaN: true }), fc.double({ min: 1.0001, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (p50, ratio, total) => {
      const p95 = Math.min(30, p50 * ratio)
      fc.pre(p50 < p95)
      const { shape, q50, q95 } = quantilesOf(STAGE_BUCKETS_S, p95, p50, total)
      if (!shape.exact) return
      expect(close(q50, p50)).toBe(true)
      expect(close(q95, p95)).toBe(true)
    }),
    { numRuns: 5000 },
  )
})

test('property: P95 at least 3 × P50 (above the first bucket, up to the top bound) is always exact', () => {
  fc.assert(
    fc.property(fc.double({ min: 0.0501, max: 10, noNaN: true }), fc.double({ min: 3, max: 400, noNaN: true }), (p50, ratio) => {
      const p95 = p50 * ratio
      fc.pre(p95 <= 30)
      const { shape, q50, q95 } = quantilesOf(STAGE_BUCKETS_S, p95, p50)
      expect(shape.exact).toBe(true)
      expect(close(q50, p50)).toBe(true)
      expect(close(q95, p95)).toBe(true)
    }),
    { numRuns: 5000 },
  )
})

test('property: a database P95 anywhere from 0.97 × the first bound up to the top bound is exact', () => {
  fc.assert(
    fc.property(fc.double({ min: 0.00097, max: 10, noNaN: true }), (p95) => {
      const { shape, q95 } = quantilesOf(DB_BUCKETS_S, p95)
      expect(shape.exact).toBe(true)
      expect(close(q95, p95)).toBe(true)
    }),
    { numRuns: 5000 },
  )
})
