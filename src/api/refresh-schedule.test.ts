import { ApiError } from './client'
import { nextAttemptAt } from './next-attempt'
import { MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS, nextRefreshDelay, polling, refreshDelay, unitHash, type ScheduledQuery } from './refresh-schedule'

const REFRESH = 5_000

test('after a success the next fetch is one refresh later', () => {
  expect(nextRefreshDelay({ refreshMs: REFRESH, failureStreak: 0, jitter: 0.7 })).toBe(REFRESH)
})

test.each([
  // streak, jitter, expected: c × (0.75 + 0.25 × jitter) with c = refresh × 2^(streak−1), capped, never under one refresh
  [1, 0, REFRESH],
  [1, 0.999_999, REFRESH],
  [2, 0, 7_500],
  [2, 1, 10_000],
  [3, 0.5, 17_500],
  [4, 1, MAX_BACKOFF_MS],
  [5, 0, MAX_BACKOFF_MS * 0.75],
  [1_000, 1, MAX_BACKOFF_MS],
] as const)('failure streak %i with jitter %f waits %i ms', (failureStreak, jitter, expected) => {
  expect(nextRefreshDelay({ refreshMs: REFRESH, failureStreak, jitter })).toBe(expected)
})

test('in an outage a panel never asks more than once per refresh, whatever its pace', () => {
  for (const refreshMs of [2_000, 5_000, 10_000, 60_000, 120_000]) {
    for (let streak = 1; streak < 12; streak++) {
      for (const jitter of [0, 0.3, 0.999]) {
        expect(nextRefreshDelay({ refreshMs, failureStreak: streak, jitter })).toBeGreaterThanOrEqual(refreshMs)
      }
    }
  }
  // A slow poll is not held to the 30 s cap: it backs off from its own pace.
  expect(nextRefreshDelay({ refreshMs: 120_000, failureStreak: 3, jitter: 1 })).toBe(120_000)
})

test.each([
  ['a longer Retry-After wins over the backoff', 1, 20_000, 20_000],
  ['a shorter Retry-After does not shorten the backoff', 3, 1_000, 17_500],
  ['nine minutes are honoured', 1, 9 * 60_000, 9 * 60_000],
  ['an absurd Retry-After is capped at ten minutes', 1, 24 * 3_600_000, MAX_RETRY_AFTER_MS],
] as const)('%s', (_, failureStreak, retryAfterMs, expected) => {
  expect(nextRefreshDelay({ refreshMs: REFRESH, failureStreak, retryAfterMs, jitter: 0.5 })).toBe(expected)
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

/** A query's state as TanStack keeps it, moved on by one fetch at a time. */
function fakeQuery(): ScheduledQuery & { succeed(): void; fail(error: unknown, at: number): void; refetch(): void } {
  const state = { error: null as unknown, errorUpdateCount: 0, errorUpdatedAt: 0, dataUpdateCount: 0 }
  return {
    state,
    succeed() {
      state.error = null
      state.dataUpdateCount++
    },
    fail(error, at) {
      state.error = error
      state.errorUpdateCount++
      state.errorUpdatedAt = at
    },
    // TanStack v5 clears the error of a query without data when a new fetch starts.
    refetch() {
      if (state.dataUpdateCount === 0) state.error = null
    },
  }
}

const http503 = () => new ApiError('http', 'The service is unavailable (HTTP 503).', { status: 503 })

test('the schedule backs off over consecutive failures and starts over after a success', () => {
  const q = fakeQuery()
  expect(refreshDelay(q, 5_000)).toBe(5_000)

  q.fail(http503(), 1_000)
  expect(refreshDelay(q, 5_000)).toBe(5_000)
  // Re-read on every render: the same failure gives the same delay, so the timer is not restarted.
  q.fail(http503(), 6_000)
  const second = refreshDelay(q, 5_000)
  expect(second).toBe(refreshDelay(q, 5_000))
  expect(second).toBeGreaterThanOrEqual(7_500)
  expect(second).toBeLessThanOrEqual(10_000)

  q.fail(http503(), 16_000)
  const third = refreshDelay(q, 5_000)
  expect(third).toBeGreaterThanOrEqual(15_000)
  expect(third).toBeLessThanOrEqual(20_000)

  q.succeed()
  expect(refreshDelay(q, 5_000)).toBe(5_000)
  q.fail(new ApiError('network', 'Could not reach the server.'), 25_000)
  expect(refreshDelay(q, 5_000)).toBe(5_000)
})

test('the next attempt is noted on the error, for the panel to count down to', () => {
  const q = fakeQuery()
  const error = http503()
  q.fail(error, 1_000)
  refreshDelay(q, 5_000)
  expect(nextAttemptAt(error)).toBe(6_000)
  // A second observer polling faster decides the attempt that really comes first.
  refreshDelay(q, 8_000)
  expect(nextAttemptAt(error)).toBe(6_000)
  refreshDelay(q, 2_000)
  expect(nextAttemptAt(error)).toBe(3_000)
  expect(nextAttemptAt(http503())).toBeUndefined()
})

test('a query that never had data still backs off, though each new fetch clears its error', () => {
  const q = fakeQuery()
  q.fail(http503(), 1_000)
  expect(refreshDelay(q, 5_000)).toBe(5_000)
  q.refetch()
  expect(refreshDelay(q, 5_000)).toBe(5_000)
  q.fail(http503(), 6_000)
  expect(refreshDelay(q, 5_000)).toBeGreaterThanOrEqual(7_500)
  q.refetch()
  q.fail(http503(), 14_000)
  expect(refreshDelay(q, 5_000)).toBeGreaterThanOrEqual(15_000)
})

test('Retry-After from the server is honoured', () => {
  const q = fakeQuery()
  q.fail(new ApiError('http', 'Too many requests (HTTP 429).', { status: 429, retryAfterMs: 20_000 }), 1_000)
  expect(refreshDelay(q, 5_000)).toBe(20_000)
})

test('polling(false) leaves retries to TanStack; polling(ms) takes them over', () => {
  expect(polling(false)).toEqual({ refetchInterval: false })
  const polled = polling(5_000)
  expect(polled.retry).toBe(false)
  expect(polled.refetchInterval(fakeQuery())).toBe(5_000)
})
