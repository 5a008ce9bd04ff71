import { lttb, m4, pickStep, type Points, type ReducedPoints } from './downsample'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN
const D = 24 * H
const T0 = Date.UTC(2026, 10, 27, 10, 0)
const STEP = 10 * S

/** Points on the 10 s grid from T0. */
const onGrid = (ys: (number | null)[]): Points => ({ xs: ys.map((_, i) => T0 + i * STEP), ys })
const pairs = (r: ReducedPoints) => r.xs.map((x, i) => [(x - T0) / STEP, r.ys[i]])

// ---------------------------------------------------------------- m4: shape

test('one column keeps first, min, max and last, in time order', () => {
  const points = onGrid([5, 1, 7, 9, 3, 4])
  expect(pairs(m4(points, T0, T0 + 5 * STEP, 1))).toEqual([[0, 5], [1, 1], [3, 9], [5, 4]])
})

test('max before min keeps time order', () => {
  const points = onGrid([5, 9, 7, 1, 4])
  expect(pairs(m4(points, T0, T0 + 4 * STEP, 1))).toEqual([[0, 5], [1, 9], [3, 1], [4, 4]])
})

test('a point that is first and min, or max and last, is emitted once', () => {
  expect(pairs(m4(onGrid([1, 5, 9]), T0, T0 + 2 * STEP, 1))).toEqual([[0, 1], [2, 9]])
  expect(pairs(m4(onGrid([4]), T0, T0 + 2 * STEP, 1))).toEqual([[0, 4]])
  expect(pairs(m4(onGrid([3, 3, 3, 3]), T0, T0 + 3 * STEP, 1))).toEqual([[0, 3], [3, 3]])
})

test('each pixel column is reduced on its own', () => {
  // 8 points over 2 px: columns [0..3] and [4..7] (the last point sits on the right edge).
  const points = onGrid([2, 8, 1, 3, 6, 6, 0, 5])
  expect(pairs(m4(points, T0, T0 + 8 * STEP, 2))).toEqual([
    [0, 2], [1, 8], [2, 1], [3, 3],
    [4, 6], [6, 0], [7, 5],
  ])
})

test('a point exactly at toMs belongs to the last column; points outside the range are dropped', () => {
  const points = onGrid([100, 1, 2, 3, 100])
  expect(pairs(m4(points, T0 + STEP, T0 + 3 * STEP, 2))).toEqual([[1, 1], [2, 2], [3, 3]])
})

test('typed arrays are accepted for the timestamps', () => {
  const xs = Float64Array.from([T0, T0 + STEP, T0 + 2 * STEP])
  expect(m4({ xs, ys: [1, 9, 2] }, T0, T0 + 2 * STEP, 1)).toEqual({ xs: [T0, T0 + STEP, T0 + 2 * STEP], ys: [1, 9, 2] })
})

test('a zero-length range is one column', () => {
  expect(pairs(m4(onGrid([4, 7]), T0, T0, 10))).toEqual([[0, 4]])
})

// ---------------------------------------------------------------- m4: gaps

test('a gap inside a column still breaks the line there', () => {
  // 2 is neither first, min, max nor last: dropped, but the break after it is kept.
  const points = onGrid([1, 2, null, null, 3, 0])
  expect(pairs(m4(points, T0, T0 + 5 * STEP, 1))).toEqual([[0, 1], [2, null], [4, 3], [5, 0]])
})

test('the inner gap marker sits where the gap is, between min and max when it falls there', () => {
  const points = onGrid([5, 0, null, 9, 4])
  expect(pairs(m4(points, T0, T0 + 4 * STEP, 1))).toEqual([[0, 5], [1, 0], [2, null], [3, 9], [4, 4]])
})

test('a gap between columns breaks the line once, however long it is', () => {
  const points = onGrid([1, 2, null, null, null, null, 3, 4])
  expect(pairs(m4(points, T0, T0 + 8 * STEP, 4))).toEqual([[0, 1], [1, 2], [2, null], [6, 3], [7, 4]])
})

test('leading and trailing gaps break nothing and are dropped', () => {
  const points = onGrid([null, null, 1, 2, null])
  expect(pairs(m4(points, T0, T0 + 4 * STEP, 5))).toEqual([[2, 1], [3, 2]])
  expect(m4(onGrid([null, null]), T0, T0 + STEP, 5)).toEqual({ xs: [], ys: [] })
})

test.each([
  ['a zero width', T0, T0 + MIN, 0],
  ['a negative width', T0, T0 + MIN, -3],
  ['a NaN width', T0, T0 + MIN, Number.NaN],
  ['an inverted range', T0 + MIN, T0, 100],
  ['a NaN start', Number.NaN, T0, 100],
])('m4 rejects %s', (_name, from, to, width) => {
  expect(() => m4(onGrid([1]), from, to, width)).toThrow(RangeError)
})

// ---------------------------------------------------------------- m4: properties

/** mulberry32: a tiny seeded PRNG, so a failing case reproduces from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random walk below the threshold with single-sample spikes above it and runs of gaps. */
function spikySeries(next: () => number, n: number, threshold: number): (number | null)[] {
  const ys: (number | null)[] = []
  let level = threshold * 0.5
  while (ys.length < n) {
    const roll = next()
    if (roll < 0.01) {
      const gap = 1 + Math.floor(next() * 20)
      for (let k = 0; k < gap && ys.length < n; k++) ys.push(null)
      continue
    }
    level = Math.min(threshold * 0.95, Math.max(0, level + (next() - 0.5) * threshold * 0.1))
    ys.push(roll < 0.015 ? threshold * (1.01 + next()) : level)
  }
  // Every case holds at least one breach and one gap with data on both sides.
  ys[Math.floor(next() * n)] = threshold * 1.5
  const mid = Math.floor(n / 2)
  ys.splice(mid - 1, 5, threshold * 0.2, null, null, null, threshold * 0.2)
  return ys
}

test.each(Array.from({ length: 40 }, (_, seed) => seed))('m4 never hides a breach (seed %i)', (seed) => {
  const next = random(seed)
  const n = 50 + Math.floor(next() * 5000)
  const width = 5 + Math.floor(next() * 600)
  const threshold = 0.1
  const ys = spikySeries(next, n, threshold)
  const points = onGrid(ys)
  const from = T0
  const to = T0 + (n - 1) * STEP
  const out = m4(points, from, to, width)
  const column = (x: number) => Math.min(width - 1, Math.floor(((x - from) * width) / (to - from || 1)))

  // Every column where the raw data breached still holds a point above the threshold.
  const breached = new Set<number>()
  ys.forEach((y, i) => {
    if (y !== null && y > threshold) breached.add(column(T0 + i * STEP))
  })
  const kept = new Set<number>()
  out.ys.forEach((y, i) => {
    if (y !== null && y > threshold) kept.add(column(out.xs[i] ?? 0))
  })
  expect(breached.size).toBeGreaterThan(0)
  expect([...breached].filter((c) => !kept.has(c))).toEqual([])

  // First, last, global min and max survive.
  const raw = ys.flatMap((y, i) => (y === null ? [] : [[T0 + i * STEP, y] as const]))
  const data = out.ys.flatMap((y, i) => (y === null ? [] : [[out.xs[i], y] as const]))
  expect(data[0]).toEqual(raw[0])
  expect(data.at(-1)).toEqual(raw.at(-1))
  const values = raw.map(([, y]) => y)
  const keptValues = data.map(([, y]) => y)
  expect(keptValues).toContain(Math.max(...values))
  expect(keptValues).toContain(Math.min(...values))

  // At most four data points per column, plus at most two gap markers per column.
  const markers = out.ys.length - data.length
  expect(markers).toBeGreaterThan(0)
  expect(data.length).toBeLessThanOrEqual(4 * width)
  expect(markers).toBeLessThanOrEqual(2 * width)

  // Time order; markers only between data, never two in a row, each at a raw gap.
  for (let i = 1; i < out.xs.length; i++) expect(out.xs[i] ?? 0).toBeGreaterThan(out.xs[i - 1] ?? 0)
  expect(out.ys[0]).not.toBeNull()
  expect(out.ys.at(-1)).not.toBeNull()
  out.ys.forEach((y, i) => {
    if (y !== null) return
    expect(out.ys[i + 1], `marker ${i}`).not.toBeNull()
    expect(ys[((out.xs[i] ?? 0) - T0) / STEP]).toBeNull()
  })

  // Between two kept points in different columns, the line breaks exactly where the raw data did.
  for (let i = 0, prev = -1; i < out.ys.length; i++) {
    if (out.ys[i] === null) continue
    if (prev >= 0 && column(out.xs[prev] ?? 0) !== column(out.xs[i] ?? 0)) {
      const a = ((out.xs[prev] ?? 0) - T0) / STEP
      const b = ((out.xs[i] ?? 0) - T0) / STEP
      const rawGap = ys.slice(a, b).includes(null)
      expect(out.ys.slice(prev, i).includes(null), `between ${a} and ${b}`).toBe(rawGap)
    }
    prev = i
  }
})

// ---------------------------------------------------------------- pickStep

test.each([
  [1, 60_480, 1200, 510],
  [2, 60_480, 1200, 260],
  [4, 60_480, 1200, 130],
])('pickStep at %i point(s) per pixel for a week at 1,200 px is %i s', (perPixel, _points, width, step) => {
  expect(pickStep(T0, T0 + 7 * 86_400_000, width, 10, perPixel)).toBe(step)
})

test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('pickStep refuses %d points per pixel', (perPixel) => {
  expect(() => pickStep(T0, T0 + 3_600_000, 600, 10, perPixel)).toThrow(RangeError)
})

test.each([
  ['15 min at 1200 px', 15 * MIN, 1200, 10],
  ['1 h at 1200 px', H, 1200, 10],
  ['6 h at 1200 px', 6 * H, 1200, 10],
  ['24 h at 1200 px', D, 1200, 40],
  ['7 d at 1200 px', 7 * D, 1200, 260],
  ['7 d at 800 px', 7 * D, 800, 380],
  ['7 d at 3840 px', 7 * D, 3840, 80],
  ['7 d at a fractional 1199.6 px', 7 * D, 1199.6, 260],
])('pickStep for %s is %i s', (_name, span, width, step) => {
  expect(pickStep(T0, T0 + span, width)).toBe(step)
})

test('pickStep scales a coarser base step', () => {
  expect(pickStep(T0, T0 + 7 * D, 1200, 60)).toBe(300)
  expect(pickStep(T0, T0 + H, 1200, 60)).toBe(60)
})

test.each(Array.from({ length: 30 }, (_, seed) => seed))('pickStep gives 1–2 points per pixel (seed %i)', (seed) => {
  const next = random(1000 + seed)
  const span = Math.floor(next() * 30 * D)
  const width = 100 + Math.floor(next() * 4000)
  const step = pickStep(T0, T0 + span, width)
  expect(step % 10).toBe(0)
  expect(step).toBeGreaterThanOrEqual(10)
  const points = span / (step * S)
  expect(points).toBeLessThanOrEqual(2 * width)
  if (span / (10 * S) >= width) expect(points).toBeGreaterThanOrEqual(width)
  else expect(step).toBe(10)
})

test.each([
  ['a zero width', T0, T0 + H, 0, 10],
  ['an inverted range', T0 + H, T0, 100, 10],
  ['a zero base step', T0, T0 + H, 100, 0],
])('pickStep rejects %s', (_name, from, to, width, base) => {
  expect(() => pickStep(from, to, width, base)).toThrow(RangeError)
})

// ---------------------------------------------------------------- LTTB, for comparison

test('lttb keeps first and last and returns the requested number of points', () => {
  const next = random(7)
  const points = onGrid(Array.from({ length: 1000 }, () => next()))
  const out = lttb(points, 100)
  expect(out.xs).toHaveLength(100)
  expect(out.xs[0]).toBe(T0)
  expect(out.xs.at(-1)).toBe(T0 + 999 * STEP)
  for (let i = 1; i < out.xs.length; i++) expect(out.xs[i] ?? 0).toBeGreaterThan(out.xs[i - 1] ?? 0)
})

test('lttb returns short series whole, gaps dropped', () => {
  expect(lttb(onGrid([1, null, 3]), 10)).toEqual({ xs: [T0, T0 + 2 * STEP], ys: [1, 3] })
})

test('plain LTTB can lose a breach that M4 keeps, even with as many points', () => {
  // P95 latency steady at 2 s; one sample at 3.1 s (a breach of 3 s) right after a deeper dip.
  const ys: number[] = Array.from({ length: 1000 }, () => 2000)
  ys[500] = 100
  ys[501] = 3100
  const points = onGrid(ys)
  const reduced = m4(points, T0, T0 + 999 * STEP, 100)
  expect(Math.max(...reduced.ys.map((y) => y ?? 0))).toBe(3100)

  const sameBudget = lttb(points, reduced.xs.length)
  expect(sameBudget.xs.length).toBe(reduced.xs.length)
  expect(sameBudget.ys).toContain(100)
  expect(sameBudget.ys.some((y) => y !== null && y > 3000)).toBe(false)
})
