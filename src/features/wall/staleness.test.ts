import { isStale, staleAfterMs, staleAge, staleSentence } from './staleness'

const REFRESH = 5_000

test.each([
  ['fresh data, latest fetch fine', 3_000, false, false],
  ['one failed fetch within two refreshes', 9_000, true, false],
  ['failed fetches past two refreshes', 10_001, true, true],
  ['no answer yet, within the allowance for a timeout', 14_000, false, false],
  ['no answer for longer than two refreshes and a timeout', 14_001, false, true],
] as const)('%s (age %i ms, failed %s) → stale %s', (_, ageMs, failed, expected) => {
  const lastSuccessAt = 1_000_000
  expect(isStale(lastSuccessAt, lastSuccessAt + ageMs, REFRESH, failed)).toBe(expected)
})

test('a panel that never had data is not stale: it has nothing to be stale about', () => {
  expect(isStale(0, 1_000_000, REFRESH, true)).toBe(false)
})

test('the no-answer limit is two refreshes plus the request timeout', () => {
  expect(staleAfterMs(REFRESH)).toBe(14_000)
})

// Local wall-clock times: the sentence names the time of day on the wall's own clock.
const AT_14_03_07 = new Date(2026, 10, 27, 14, 3, 7).getTime()

test.each([
  ['The server failed.', 'Stale — The server failed. Last data at 14:03:07, 2 min ago'],
  [null, 'Stale — The server has not answered. Last data at 14:03:07, 2 min ago'],
] as const)('staleSentence with error %j is %j', (errorTitle, expected) => {
  expect(staleSentence(AT_14_03_07, 125_000, errorTitle)).toBe(expected)
})

test.each([
  [0, 'under a minute ago'],
  [4_999, 'under a minute ago'],
  [59_999, 'under a minute ago'],
  [60_000, '1 min ago'],
  [125_000, '2 min ago'],
  [2 * 3_600_000, '2 h ago'],
  [-3_000, 'under a minute ago'],
] as const)('staleAge(%i) is %j', (ageMs, expected) => {
  expect(staleAge(ageMs)).toBe(expected)
})

test('with fake timers, the verdict follows the clock and the sentence changes once a minute, not every second', () => {
  vi.useFakeTimers({ now: new Date(2026, 10, 27, 14, 0, 0) })
  try {
    const lastSuccessAt = Date.now()
    const sentence = () => staleSentence(lastSuccessAt, Date.now() - lastSuccessAt, 'The server failed.')
    vi.advanceTimersByTime(9_000)
    expect(isStale(lastSuccessAt, Date.now(), REFRESH, true)).toBe(false)
    vi.advanceTimersByTime(12_000)
    expect(isStale(lastSuccessAt, Date.now(), REFRESH, true)).toBe(true)
    const first = sentence()
    vi.advanceTimersByTime(30_000)
    expect(sentence()).toBe(first)
    expect(first).toBe('Stale — The server failed. Last data at 14:00:00, under a minute ago')
    vi.advanceTimersByTime(90_000)
    expect(sentence()).toBe('Stale — The server failed. Last data at 14:00:00, 2 min ago')
  } finally {
    vi.useRealTimers()
  }
})
