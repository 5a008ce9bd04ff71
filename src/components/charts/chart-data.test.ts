import { clipSpans, latestValue, niceCeil, toChartRows, unitCeiling, yScale, type ChartSeries } from './chart-data'

const T0 = Date.UTC(2026, 10, 27, 10, 0, 0)
const series = (label: string, values: (number | null)[], fromMs = T0, stepS = 10): ChartSeries => ({
  label,
  color: '#000',
  data: { fromMs, stepS, values },
})

test('gaps stay null, so the line breaks instead of joining across them', () => {
  const rows = toChartRows([series('P95', [100, null, null, 400])])
  expect(rows).toEqual([
    { t: T0, s0: 100 },
    { t: T0 + 10_000, s0: null },
    { t: T0 + 20_000, s0: null },
    { t: T0 + 30_000, s0: 400 },
  ])
})

test('series on different grids merge into rows sorted by time, null where a series has no sample', () => {
  const rows = toChartRows([series('a', [1, 2]), series('b', [7], T0 + 5_000)])
  expect(rows).toEqual([
    { t: T0, s0: 1, s1: null },
    { t: T0 + 5_000, s0: null, s1: 7 },
    { t: T0 + 10_000, s0: 2, s1: null },
  ])
})

test('no series and empty series give no rows', () => {
  expect(toChartRows([])).toEqual([])
  expect(toChartRows([series('a', [])])).toEqual([])
})

test.each([
  ['a threshold above all data', [200, 800, null], [3000], 3000],
  ['data above the threshold', [200, 5200], [3000], 5200],
  ['two thresholds', [0.01, 0.02], [0.05, 0.1], 0.1],
  ['a threshold and only gaps', [null, null], [3000], 3000],
])('the y-domain includes every threshold and the data: %s', (_, values, thresholds, highest) => {
  const rows = toChartRows([series('s', values)])
  const { domain, ticks } = yScale(rows, ['s0'], thresholds.map((value) => ({ value })))
  const [min, max] = domain
  expect(min).toBe(0)
  // Strictly above, with headroom: a threshold on the top edge would be hard to see.
  expect(max).toBeGreaterThan(highest)
  expect(max).toBeLessThanOrEqual(highest * 2.5)
  for (const t of thresholds) expect(t).toBeLessThan(max)
  expect(ticks[0]).toBe(min)
  expect(ticks.at(-1)).toBe(max)
})

test.each([
  ['latency under a 3 s threshold', [400, 900], [3000], [0, 1000, 2000, 3000, 4000]],
  ['latency over it', [400, 5200], [3000], [0, 2000, 4000, 6000]],
  ['error rates under 5 % and 10 %', [0.01], [0.05, 0.1], [0, 0.05, 0.1, 0.15]],
  ['small counts', [3], [], [0, 1, 2, 3, 4]],
])('ticks fall on round steps: %s', (_, values, thresholds, expected) => {
  const rows = toChartRows([series('s', values)])
  expect(yScale(rows, ['s0'], thresholds.map((value) => ({ value }))).ticks).toEqual(expected)
})

test('hidden series do not stretch the y-domain', () => {
  const rows = toChartRows([series('P50', [100]), series('P95', [9000])])
  expect(yScale(rows, ['s0'], []).domain).toEqual([0, 150])
  expect(yScale(rows, ['s0', 's1'], []).domain).toEqual([0, 10_000])
})

test.each([
  ['pool use at 100 % with the 80 % threshold', [0.5, 1], [0.8], [0, 1], [0, 0.25, 0.5, 0.75, 1]],
  ['CPU at 95 %', [0.95], [0.8], [0, 1], [0, 0.25, 0.5, 0.75, 1]],
  ['an up/down flag', [1, 0, 1], [], [0, 1], [0, 0.25, 0.5, 0.75, 1]],
  ['error rates far below the ceiling keep their own headroom', [0.01], [0.05, 0.1], [0, 0.15], [0, 0.05, 0.1, 0.15]],
])('a share stops at 100 %%: %s', (_, values, thresholds, domain, ticks) => {
  const y = yScale(toChartRows([series('s', values)]), ['s0'], thresholds.map((value) => ({ value })), 5, unitCeiling('ratio'))
  expect(y.domain).toEqual(domain)
  expect(y.ticks).toEqual(ticks)
})

test('a value past the ceiling (bad data) still fits on the axis', () => {
  const [, max] = yScale(toChartRows([series('s', [1.4])]), ['s0'], [], 5, 1).domain
  expect(max).toBeGreaterThanOrEqual(1.4)
})

test('units without a natural maximum have no ceiling', () => {
  expect(unitCeiling('ms')).toBe(Number.POSITIVE_INFINITY)
  expect(unitCeiling('rps')).toBe(Number.POSITIVE_INFINITY)
  expect(unitCeiling('bool')).toBe(1)
})

test('with neither data nor thresholds the domain is still a valid range', () => {
  expect(yScale([], [], []).domain).toEqual([0, 1])
})

test('negative data extends the domain below zero', () => {
  const [min] = yScale(toChartRows([series('s', [-3, 4])]), ['s0'], []).domain
  expect(min).toBeLessThan(-3)
})

test.each([
  [0.7, 1],
  [1, 1],
  [1.3, 2],
  [2.2, 2.5],
  [3300, 5000],
  [0.055, 0.1],
  [0, 0],
])('niceCeil(%s) = %s', (x, expected) => {
  expect(niceCeil(x)).toBeCloseTo(expected, 10)
})

test('spans are clipped to the range shown and dropped when wholly outside it', () => {
  const spans = [
    { fromMs: 0, toMs: 50, kind: 'firing' as const },
    { fromMs: 90, toMs: 200, kind: 'pending' as const },
    { fromMs: 300, toMs: 400, kind: 'firing' as const },
    { fromMs: 120, toMs: 130, kind: 'firing' as const },
  ]
  expect(clipSpans(spans, 100, 250)).toEqual([
    { fromMs: 100, toMs: 200, kind: 'pending' },
    { fromMs: 120, toMs: 130, kind: 'firing' },
  ])
})

test.each([
  [[1, 2, null], 2],
  [[null, null], null],
  [[], null],
  [[0], 0],
])('latestValue(%j) = %s', (values, expected) => {
  expect(latestValue(values)).toBe(expected)
})
