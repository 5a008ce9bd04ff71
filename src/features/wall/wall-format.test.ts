import { formatClockSpan, formatTimeOfDay } from './wall-format'

test.each([
  [0, '0:00'],
  [999, '0:00'],
  [7_000, '0:07'],
  [130_000, '2:10'],
  [245_900, '4:05'],
  [3_723_000, '1:02:03'],
  [27 * 3_600_000, '27:00:00'],
  [-5_000, '0:00'],
  [Number.NaN, '0:00'],
] as const)('formatClockSpan(%d) is %j', (ms, expected) => {
  expect(formatClockSpan(ms)).toBe(expected)
})

test('formatTimeOfDay pads hours, minutes and seconds', () => {
  expect(formatTimeOfDay(new Date(2026, 10, 27, 9, 3, 7).getTime())).toBe('09:03:07')
  expect(formatTimeOfDay(new Date(2026, 10, 27, 23, 59, 59, 999).getTime())).toBe('23:59:59')
})
