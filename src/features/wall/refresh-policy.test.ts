import { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, nextRefreshDelay, unitHash } from './refresh-policy'

const REFRESH = 5_000

test('after a success the next fetch is one refresh later', () => {
  expect(nextRefreshDelay({ refreshMs: REFRESH, failureStreak: 0, jitter: 0.7 })).toBe(REFRESH)
})

test.each([
  // streak, jitter, expected: the window [c/2, c] with c = refresh × 2^(streak−2), capped
  [1, 0, 1_250],
  [1, 0.999_999, 2_500],
  [2, 0, 2_500],
  [2, 0.5, 3_750],
  [3, 0, 5_000],
  [4, 1, 20_000],
  [5, 1, MAX_BACKOFF_MS],
  [6, 0, MAX_BACKOFF_MS / 2],
  [1_000, 1, MAX_BACKOFF_MS],
] as const)('failure streak %i with jitter %f waits %i ms', (failureStreak, jitter, expected) => {
  expect(nextRefreshDelay({ refreshMs: REFRESH, failureStreak, jitter })).toBe(expected)
})

test.each([
  ['a longer Retry-After wins over the backoff', 1, 10_000, 10_000],
  ['a shorter Retry-After does not shorten the backoff', 3, 1_000, 5_000],
  ['an absurd Retry-After is capped', 1, 24 * 3_600_000, MAX_RETRY_AFTER_MS],
] as const)('%s', (_, failureStreak, retryAfterMs, expected) => {
  expect(nextRefreshDelay({ refreshMs: REFRESH, failureStreak, retryAfterMs, jitter: 0 })).toBe(expected)
})

test('a fast refresh backs off from its own pace', () => {
  expect(nextRefreshDelay({ refreshMs: 200, failureStreak: 1, jitter: 0 })).toBe(50)
  expect(nextRefreshDelay({ refreshMs: 200, failureStreak: 1, retryAfterMs: 1_000, jitter: 0 })).toBe(1_000)
})

test('unitHash is stable, in [0, 1) and spreads neighbouring inputs', () => {
  const at = 1_795_000_000_123
  expect(unitHash(at)).toBe(unitHash(at))
  const values = Array.from({ length: 1_000 }, (_, i) => unitHash(at + i))
  expect(values.every((v) => v >= 0 && v < 1)).toBe(true)
  const buckets = new Array<number>(10).fill(0)
  for (const v of values) buckets[Math.floor(v * 10)] = (buckets[Math.floor(v * 10)] ?? 0) + 1
  // Roughly uniform: no tenth of the range gets fewer than half its share.
  expect(Math.min(...buckets)).toBeGreaterThan(50)
})
