import { textWidthPx, timeLabelAnchor, xAxisTicks, yAxisWidthPx } from './chart-axes'

const HOUR = 3_600_000
const utcClock = (ms: number) => new Date(ms).toISOString().slice(11, 16)
const utcDayTime = (ms: number) => `${new Date(ms).toISOString().slice(5, 10)} ${utcClock(ms)}`

test('the y-axis grows with its widest label, so "1,250 req/s" fits on one line', () => {
  const narrow = yAxisWidthPx(['0', '5 %', '10 %'], 11)
  const wide = yAxisWidthPx(['0', '625 req/s', '1,250 req/s'], 11)
  expect(wide).toBeGreaterThan(textWidthPx('1,250 req/s', 11))
  expect(wide).toBeGreaterThan(narrow)
  expect(yAxisWidthPx(['1,250 req/s'], 22)).toBeGreaterThan(wide)
})

test('a y-axis of short labels keeps a minimum width', () => {
  expect(yAxisWidthPx(['0', '1'], 11)).toBe(32)
  expect(yAxisWidthPx([], 11)).toBe(32)
})

test('time ticks fall on round times and leave room for each label', () => {
  const from = Date.UTC(2026, 10, 27, 9, 7)
  const ticks = xAxisTicks(from, from + 6 * HOUR, 1000, 11, utcClock, 0)
  expect(ticks.length).toBeGreaterThanOrEqual(2)
  const spacingPx = ((ticks[1] ?? 0) - (ticks[0] ?? 0)) / (6 * HOUR) * 1000
  expect(spacingPx).toBeGreaterThan(textWidthPx('09:00', 11))
  for (const t of ticks) expect(t % (15 * 60_000)).toBe(0)
  expect(ticks[0]).toBeGreaterThanOrEqual(from)
  expect(ticks.at(-1)).toBeLessThanOrEqual(from + 6 * HOUR)
})

test('longer labels (day and time over a week) get fewer ticks', () => {
  const from = Date.UTC(2026, 10, 20)
  const short = xAxisTicks(from, from + 168 * HOUR, 1000, 11, utcClock, 0)
  const long = xAxisTicks(from, from + 168 * HOUR, 1000, 11, utcDayTime, 0)
  expect(long.length).toBeLessThan(short.length)
  expect(long.length).toBeGreaterThanOrEqual(2)
})

test('ticks fall on round local times in the viewer’s zone', () => {
  const from = Date.UTC(2026, 10, 27, 0, 0)
  const ticks = xAxisTicks(from, from + 24 * HOUR, 600, 11, utcClock, 5.5 * HOUR)
  for (const t of ticks) expect((t + 5.5 * HOUR) % HOUR).toBe(0)
})

test.each([
  [500, 'middle'],
  [985, 'end'],
  [62, 'start'],
] as const)('a time label at x=%i anchors %s, staying inside 56–1000 px', (x, anchor) => {
  expect(timeLabelAnchor(x, '11-27 14:00', 11, 56, 1000)).toBe(anchor)
})
