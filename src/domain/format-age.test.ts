import { formatAge, NO_VALUE } from './format'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN

test.each([
  [0, 'just now'],
  [9 * S, 'just now'],
  [3 * MIN, '3 min ago'],
  [2 * H, '2 h ago'],
  // Within 5 s ahead is clocks and network disagreeing: still "just now".
  [-5 * S, 'just now'],
  [-6 * S, 'in 6 s — clock ahead?'],
  [-3 * MIN, 'in 3 min — clock ahead?'],
  [-H, 'in 1 h — clock ahead?'],
  [Number.NaN, NO_VALUE],
])('formatAge(%d) is %j', (msAgo, expected) => {
  expect(formatAge(msAgo)).toBe(expected)
})
