import { clockSkewNote } from './clock-skew'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN

test.each([
  [0, null],
  [30 * S, null],
  [-30 * S, null],
  [31 * S, "Your clock is 31 s behind the server; times shown are the server's."],
  [95 * S, "Your clock is 1 min 40 s behind the server; times shown are the server's."],
  [5 * MIN, "Your clock is 5 min behind the server; times shown are the server's."],
  [5 * MIN - 600, "Your clock is 5 min behind the server; times shown are the server's."],
  [-5 * MIN, "Your clock is 5 min ahead of the server; times shown are the server's."],
  [-(H + 20 * S), "Your clock is 1 h ahead of the server; times shown are the server's."],
  [H + 90 * S, "Your clock is 1 h 2 min behind the server; times shown are the server's."],
  [Number.NaN, null],
])('a skew of %d ms reads %j', (skewMs, expected) => {
  expect(clockSkewNote(skewMs)).toBe(expected)
})
