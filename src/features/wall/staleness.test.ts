import { isStale, staleAfterMs, staleText } from './staleness'

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

test.each([
  [0, 'Stale — last data just now'],
  [45_000, 'Stale — last data 45 s ago'],
  [125_000, 'Stale — last data 2 min ago'],
  [-3_000, 'Stale — last data just now'],
] as const)('staleText(%i) is %j', (ageMs, expected) => {
  expect(staleText(ageMs)).toBe(expected)
})

test('with fake timers, the age and the verdict follow the clock', () => {
  vi.useFakeTimers({ now: new Date('2026-11-27T14:00:00Z') })
  try {
    const lastSuccessAt = Date.now()
    vi.advanceTimersByTime(9_000)
    expect(isStale(lastSuccessAt, Date.now(), REFRESH, true)).toBe(false)
    vi.advanceTimersByTime(2 * 60_000)
    expect(isStale(lastSuccessAt, Date.now(), REFRESH, true)).toBe(true)
    expect(staleText(Date.now() - lastSuccessAt)).toBe('Stale — last data 2 min ago')
  } finally {
    vi.useRealTimers()
  }
})
