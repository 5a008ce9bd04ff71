import { formatCountdown } from './countdown'

test.each([
  [192_000, 'left', '3:12'],
  [191_400, 'left', '3:12'],
  [300_000, 'left', '5:00'],
  [999, 'left', '0:01'],
  [0, 'left', '0:00'],
  [-5_000, 'left', '0:00'],
  [130_999, 'overdue', '2:10'],
  [3_900_000, 'left', '1:05:00'],
  [4 * 3_600_000, 'left', '4:00:00'],
  [Number.NaN, 'overdue', '0:00'],
] as const)('%d ms %s reads %s', (ms, direction, text) => {
  expect(formatCountdown(ms, direction)).toBe(text)
})
