import {
  NO_VALUE,
  formatCount,
  formatDuration,
  formatMs,
  formatRate,
  formatRatio,
  formatRelative,
  formatValue,
} from './format'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN
const D = 24 * H

test.each([
  [0, '0 ms'],
  [0.4, '0.4 ms'],
  [9.94, '9.9 ms'],
  [12.4, '12 ms'],
  [640, '640 ms'],
  [999.4, '999 ms'],
  // Rounds up into the next unit rather than printing "1000 ms".
  [999.6, '1 s'],
  [1000, '1 s'],
  [3000, '3 s'],
  [3240, '3.2 s'],
  [3250, '3.3 s'],
  [59_940, '59.9 s'],
  [59_960, '1 min'],
  [65_000, '1 min 5 s'],
  [120_000, '2 min'],
  [3_599_400, '59 min 59 s'],
  [3_599_600, '1 h'],
  [3_900_000, '1 h 5 min'],
  [-640, '-640 ms'],
  [Number.NaN, NO_VALUE],
  [Number.POSITIVE_INFINITY, NO_VALUE],
])('formatMs(%d) is %j', (ms, expected) => {
  expect(formatMs(ms)).toBe(expected)
})

test.each([
  [0, '0 %'],
  [0.142, '14.2 %'],
  [0.1, '10 %'],
  [0.05, '5 %'],
  [0.008, '0.8 %'],
  [0.0004, '0.04 %'],
  [0.0001, '0.01 %'],
  [0.00005, '< 0.01 %'],
  [0.00001, '< 0.01 %'],
  [0.0099, '0.99 %'],
  [0.01, '1 %'],
  [0.9999, '100 %'],
  [1, '100 %'],
  [1.42, '142 %'],
  [-0.05, '-5 %'],
  [Number.NaN, NO_VALUE],
])('formatRatio(%d) is %j', (ratio, expected) => {
  expect(formatRatio(ratio)).toBe(expected)
})

test.each([
  [0, '0 req/s'],
  [0.004, '< 0.01 req/s'],
  [0.25, '0.25 req/s'],
  [3, '3 req/s'],
  [12.54, '12.5 req/s'],
  [340.4, '340 req/s'],
  [9999.4, '9999 req/s'],
  [12_345, '12.3k req/s'],
  [2_500_000, '2.5M req/s'],
])('formatRate(%d) is %j', (rate, expected) => {
  expect(formatRate(rate)).toBe(expected)
})

test.each([
  [0, '0'],
  [42, '42'],
  [9876, '9876'],
  [12_300, '12.3k'],
])('formatCount(%d) is %j', (count, expected) => {
  expect(formatCount(count)).toBe(expected)
})

test.each([
  ['ms', 640, '640 ms'],
  ['ms', 3200, '3.2 s'],
  ['ratio', 0.142, '14.2 %'],
  ['rps', 12.5, '12.5 req/s'],
  ['count', 7, '7'],
  ['bool', 1, 'up'],
  ['bool', 0, 'down'],
  // Averaged over a coarse step: up half the time.
  ['bool', 0.5, 'up 50 %'],
  ['ms', null, NO_VALUE],
  ['ratio', Number.NaN, NO_VALUE],
  ['rps', Number.NEGATIVE_INFINITY, NO_VALUE],
] as const)('formatValue(%s, %s) is %j', (unit, value, expected) => {
  expect(formatValue(unit, value)).toBe(expected)
})

test.each([
  [0, '0 s'],
  [-5 * S, '0 s'],
  [400, '< 1 s'],
  [45 * S, '45 s'],
  [3 * MIN, '3 min'],
  [65 * S, '1 min 5 s'],
  // Truncated: five minutes have not passed yet.
  [5 * MIN - 1, '4 min 59 s'],
  [H, '1 h'],
  [H + 5 * MIN + 59 * S, '1 h 5 min'],
  [D + H, '1 d 1 h'],
  [7 * D, '7 d'],
  [Number.NaN, NO_VALUE],
])('formatDuration(%d) is %j', (ms, expected) => {
  expect(formatDuration(ms)).toBe(expected)
})

test.each([
  [0, 'just now'],
  [9_999, 'just now'],
  [-9_999, 'just now'],
  [10 * S, '10 s ago'],
  [59 * S, '59 s ago'],
  [2 * MIN + 30 * S, '2 min ago'],
  [3 * H + 59 * MIN, '3 h ago'],
  [2 * D + 5 * H, '2 d ago'],
  [-2 * MIN, 'in 2 min'],
  [Number.POSITIVE_INFINITY, NO_VALUE],
])('formatRelative(%d) is %j', (msAgo, expected) => {
  expect(formatRelative(msAgo)).toBe(expected)
})

test('formatting never depends on the machine locale', () => {
  const toLocaleString = vi.spyOn(Number.prototype, 'toLocaleString')
  expect(formatRatio(0.142)).toBe('14.2 %')
  expect(formatMs(3240)).toBe('3.2 s')
  expect(formatRate(12_345)).toBe('12.3k req/s')
  expect(toLocaleString).not.toHaveBeenCalled()
})
