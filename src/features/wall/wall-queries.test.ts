import { QueryClient, type QueryFunction } from '@tanstack/react-query'
import { ApiError } from '@/api/client'
import { healthQueries } from '@/api/health'
import { refreshDelay, withTimeout, type ScheduledQuery } from './wall-queries'

function fetchWith<T>(queryFn: QueryFunction<T, readonly ['health']>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return client.query({ queryKey: ['health'] as const, queryFn })
}

/** Never answers; fails the way the API client does when its caller's signal aborts. */
const hangingFetch: QueryFunction<never, readonly ['health']> = ({ signal }) =>
  new Promise((_, reject) => {
    signal.addEventListener('abort', () => {
      reject(new ApiError('aborted', 'The request was cancelled.', { path: '/api/health' }))
    })
  })

test('a wall request that gets no answer in time fails as a timeout, not as a cancellation', async () => {
  const error: unknown = await fetchWith(withTimeout(hangingFetch, 50)).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect(error).toMatchObject({ kind: 'timeout', message: 'No answer within 0.05 s.', details: { path: '/api/health' } })
})

test('any other failure passes through unchanged', async () => {
  const refused = new ApiError('http', 'The service is unavailable (HTTP 503).', { status: 503 })
  const error: unknown = await fetchWith(withTimeout(() => Promise.reject(refused), 4_000)).catch((e: unknown) => e)
  expect(error).toBe(refused)
})

test('a wall request that answers in time returns the data', async () => {
  const data = await fetchWith(withTimeout(healthQueries.current().queryFn, 4_000))
  expect(data.components).toHaveLength(8)
})

/** A query's state as TanStack keeps it, moved on by one fetch at a time. */
function fakeQuery(): ScheduledQuery & { succeed(at: number): void; fail(error: unknown, at: number): void } {
  const state = { error: null as unknown, errorUpdateCount: 0, errorUpdatedAt: 0 }
  return {
    state,
    succeed() {
      state.error = null
    },
    fail(error, at) {
      state.error = error
      state.errorUpdateCount++
      state.errorUpdatedAt = at
    },
  }
}

test('the schedule backs off over consecutive failures and starts over after a success', () => {
  const q = fakeQuery()
  const http503 = new ApiError('http', 'The service is unavailable (HTTP 503).', { status: 503 })
  expect(refreshDelay(q, 5_000)).toBe(5_000)

  q.fail(http503, 1_000)
  const first = refreshDelay(q, 5_000)
  expect(first).toBeGreaterThanOrEqual(1_250)
  expect(first).toBeLessThanOrEqual(2_500)
  // Re-read on every render: the same failure gives the same delay, so the timer is not restarted.
  expect(refreshDelay(q, 5_000)).toBe(first)

  q.fail(http503, 3_000)
  q.fail(http503, 8_000)
  const third = refreshDelay(q, 5_000)
  expect(third).toBeGreaterThanOrEqual(5_000)
  expect(third).toBeLessThanOrEqual(10_000)

  q.succeed(20_000)
  expect(refreshDelay(q, 5_000)).toBe(5_000)
  q.fail(new ApiError('network', 'Could not reach the server.'), 25_000)
  expect(refreshDelay(q, 5_000)).toBeLessThanOrEqual(2_500)
})

test('Retry-After from the server is honoured', () => {
  const q = fakeQuery()
  q.fail(new ApiError('http', 'Too many requests (HTTP 429).', { status: 429, retryAfterMs: 20_000 }), 1_000)
  expect(refreshDelay(q, 5_000)).toBe(20_000)
})
