import type { ChartSeries } from './chart-data'
import { PLOT_MARGIN, dataExtent, lineGeometry, pathData, reduceGrid, timeTicks } from './line-geometry'

const T0 = Date.UTC(2026, 10, 27, 14, 0, 0)
const MIN = 60_000
const HOUR = 60 * MIN

function series(values: (number | null)[], stepS = 60, fromMs = T0, label = 'P95'): ChartSeries {
  return { label, color: '#000', data: { fromMs, stepS, values } }
}

/** The subpaths of path data: each starts with an M. */
function subpaths(d: string): string[] {
  return d.split('M').filter((part) => part !== '')
}

/** Every x,y pair of path data. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
}

const identity = (n: number) => n

test.each([
  ['no gaps', [1, 2, 3], 'M0,1L1,2L2,3'],
  ['a gap in the middle starts a new subpath', [1, 2, null, 4, 5], 'M0,1L1,2M3,4L4,5'],
  ['leading and trailing gaps draw nothing', [null, 1, 2, null], 'M1,1L2,2'],
  ['a point alone between gaps is a dot', [1, 2, null, 7, null, 4, 5], 'M0,1L1,2M3,7h0M5,4L6,5'],
  ['a point alone at the end is a dot', [1, 2, null, 7], 'M0,1L1,2M3,7h0'],
  ['only gaps draw nothing', [null, null], ''],
  ['zero is data, not a gap', [0, 0], 'M0,0L1,0'],
] as const)('path data: %s', (_, ys, expected) => {
  expect(pathData({ xs: ys.map((__, i) => i), ys: [...ys] }, identity, identity)).toBe(expected)
})

test('path data is rounded to a tenth of a pixel', () => {
  expect(pathData({ xs: [0, 1], ys: [1, 2] }, (t) => t / 3, (v) => v * 1.23456)).toBe('M0,1.2L0.3,2.5')
})

test('a gap in the data splits the drawn line into two subpaths and never drops to zero', () => {
  const g = lineGeometry({ series: [series([400, 420, null, 410, 430])], width: 480, height: 200 })
  const d = g.paths[0] ?? ''
  expect(subpaths(d)).toHaveLength(2)
  const bottom = g.plot.top + g.plot.height
  for (const [, y] of points(d)) expect(y).toBeLessThan(bottom)
})

test('a week of 10 s samples draws at most two points per pixel column, and keeps the one spike', () => {
  const n = (7 * 24 * HOUR) / 10_000
  const values = Array.from({ length: n }, (_, i) => 400 + (i % 7) * 10)
  values[31_337] = 5000
  const width = 800
  const g = lineGeometry({ series: [series(values, 10)], width, height: 200 })
  const drawn = points(g.paths[0] ?? '')
  expect(drawn.length).toBeLessThanOrEqual(2 * g.plot.width)
  expect(drawn.length).toBeGreaterThan(g.plot.width)
  // The spike is the top of the data, so it is drawn at the highest point of the path.
  const top = Math.min(...drawn.map(([, y]) => y))
  const spikeY = g.plot.top + (1 - 5000 / g.yDomain[1]) * g.plot.height
  expect(top).toBeCloseTo(spikeY, 0)
})

test('reduceGrid keeps gaps between columns as null points', () => {
  const reduced = reduceGrid({ fromMs: T0, stepS: 60, values: [1, 2, null, null, 5, 6] }, T0, T0 + 5 * MIN, 6)
  expect(reduced.ys).toEqual([1, 2, null, 5, 6])
  expect(reduced.xs[2]).toBe(T0 + 2 * MIN)
})

test('the y-domain includes the threshold when the data is far below it', () => {
  const g = lineGeometry({
    series: [series([100, 120, 110])],
    width: 480,
    height: 200,
    thresholds: [{ value: 3000, severity: 'warning', label: 'Warning: > 3 s for 1 min' }],
  })
  expect(g.yDomain[1]).toBeGreaterThan(3000)
  const threshold = g.thresholds[0]
  expect(threshold?.y).toBeGreaterThan(g.plot.top)
  expect(threshold?.y).toBeLessThan(g.plot.top + g.plot.height)
  // The data lies below the threshold line (a larger y is lower on screen).
  for (const [, y] of points(g.paths[0] ?? '')) expect(y).toBeGreaterThan(threshold?.y ?? Infinity)
})

test('the y-domain covers the data above every threshold, on round ticks', () => {
  const g = lineGeometry({
    series: [series([100, 7200, 110])],
    width: 480,
    height: 200,
    thresholds: [{ value: 3000, severity: 'warning', label: 'Warning' }],
  })
  expect(g.yDomain).toEqual([0, 8000])
  expect(g.yTicks.map((t) => t.value)).toEqual([0, 2000, 4000, 6000, 8000])
  expect(g.yTicks[0]?.y).toBe(g.plot.top + g.plot.height)
  expect(g.yTicks[4]?.y).toBe(g.plot.top)
})

test('the plot leaves the margins for the axes and spans the data in time', () => {
  const g = lineGeometry({ series: [series([1, 2, 3])], width: 480, height: 200 })
  expect(g.plot).toEqual({
    left: PLOT_MARGIN.left,
    top: PLOT_MARGIN.top,
    width: 480 - PLOT_MARGIN.left - PLOT_MARGIN.right,
    height: 200 - PLOT_MARGIN.top - PLOT_MARGIN.bottom,
  })
  expect(g.xDomain).toEqual([T0, T0 + 2 * MIN])
  const drawn = points(g.paths[0] ?? '')
  expect(drawn[0]?.[0]).toBe(g.plot.left)
  expect(drawn[2]?.[0]).toBe(g.plot.left + g.plot.width)
})

test('a given time range places the data inside it and drops what lies outside', () => {
  const g = lineGeometry({
    series: [series([1, 2, 3, 4])],
    width: 56 + 12 + 300,
    height: 200,
    xDomain: [T0 + MIN, T0 + 4 * MIN],
  })
  const xs = points(g.paths[0] ?? '').map(([x]) => x)
  expect(xs).toEqual([56, 156, 256])
})

test('spans are clipped to the range and drawn as rectangles in it', () => {
  const g = lineGeometry({
    series: [series([1, 2, 3, 4, 5])],
    width: 56 + 12 + 400,
    height: 200,
    spans: [
      { fromMs: T0 - HOUR, toMs: T0 + MIN, kind: 'firing' },
      { fromMs: T0 + 2 * MIN, toMs: T0 + 3 * MIN, kind: 'pending' },
      { fromMs: T0 + HOUR, toMs: T0 + 2 * HOUR, kind: 'firing' },
    ],
  })
  expect(g.spans.map(({ kind, fromMs, x, width }) => ({ kind, fromMs, x, width }))).toEqual([
    { kind: 'firing', fromMs: T0, x: 56, width: 100 },
    { kind: 'pending', fromMs: T0 + 2 * MIN, x: 256, width: 100 },
  ])
})

test('a chart with only gaps has no data and draws nothing, but still places the thresholds', () => {
  const g = lineGeometry({
    series: [series([null, null])],
    width: 480,
    height: 200,
    thresholds: [{ value: 3000, severity: 'warning', label: 'Warning' }],
  })
  expect(g.hasData).toBe(false)
  expect(g.paths).toEqual([''])
  expect(g.yDomain[1]).toBeGreaterThan(3000)
})

test('a chart with no samples at all has no time range', () => {
  const g = lineGeometry({ series: [series([])], width: 480, height: 200 })
  expect(g.xDomain).toBeNull()
  expect(g.hasData).toBe(false)
  expect(g.xTicks).toEqual([])
})

test('the data extent runs from the earliest first sample to the latest last one', () => {
  expect(dataExtent([series([1, 2], 60, T0 + MIN), series([1, 2, 3], 60, T0)])).toEqual([T0, T0 + 2 * MIN])
  expect(dataExtent([])).toBeNull()
})

test.each([
  ['an hour, 5 ticks', T0, T0 + HOUR, 5, 0, [0, 15, 30, 45, 60]],
  ['an hour, 7 ticks', T0, T0 + HOUR, 7, 0, [0, 10, 20, 30, 40, 50, 60]],
  ['15 min from an odd start', T0 + 2.5 * MIN, T0 + 17.5 * MIN, 4, 0, [5, 10, 15]],
  ['round local times in a +05:45 zone', T0, T0 + HOUR, 3, 5.75 * 60 * MIN, [15, 45]],
  ['a single instant', T0, T0, 5, 0, []],
] as const)('time ticks: %s', (_, from, to, maxTicks, offset, minutes) => {
  expect(timeTicks(from, to, maxTicks, offset)).toEqual(minutes.map((m) => T0 + m * MIN))
})

test('time ticks over a week stay within the count asked for, on whole days', () => {
  const ticks = timeTicks(T0, T0 + 7 * 24 * HOUR, 5)
  expect(ticks.length).toBeLessThanOrEqual(5)
  expect(ticks.length).toBeGreaterThanOrEqual(2)
  for (const t of ticks) expect(t % (24 * HOUR)).toBe(0)
})
