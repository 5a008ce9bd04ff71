import { ApiError, type ApiErrorKind } from '@/api/client'
import { nextAttemptAt } from '@/api/next-attempt'
import { MAX_RETRY_AFTER_MS } from '@/api/refresh-schedule'
import { createQueryClient, MAX_RETRY_DELAY_MS, retryDelay, shouldRetry } from './query-client'

const apiError = (kind: ApiErrorKind, status?: number, retryAfterMs?: number) =>
  new ApiError(kind, 'x', { ...(status === undefined ? {} : { status }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) })

test.each([
  ['network', undefined, true],
  ['timeout', undefined, true],
  ['malformed', undefined, true],
  ['schema', undefined, false],
  ['aborted', undefined, false],
  ['http', 500, true],
  ['http', 502, true],
  ['http', 503, true],
  ['http', 408, true],
  ['http', 429, true],
  ['http', 400, false],
  ['http', 404, false],
  ['http', 409, false],
  ['http', 412, false],
] as const)('first failure %s %s: retry %s', (kind, status, expected) => {
  expect(shouldRetry(0, apiError(kind, status))).toBe(expected)
})

test('gives up after three retries', () => {
  const error = apiError('network')
  expect([0, 1, 2, 3].map((n) => shouldRetry(n, error))).toEqual([true, true, true, false])
})

test('an error that is not an ApiError (a bug) is not retried', () => {
  expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false)
})

test.each([
  [0, 0, 500],
  [0, 1, 1000],
  [1, 0, 1000],
  [1, 1, 2000],
  [2, 1, 4000],
  [10, 1, MAX_RETRY_DELAY_MS],
  [10, 0, MAX_RETRY_DELAY_MS / 2],
])('backoff after failure %s with jitter %s waits %s ms', (failureCount, jitter, expected) => {
  expect(retryDelay(failureCount, apiError('network'), () => jitter)).toBe(expected)
})

test.each([
  [1_000, 1_000],
  [0, 0],
  [120_000, 120_000],
  [3_600_000, MAX_RETRY_AFTER_MS],
])("the server's Retry-After of %s ms wins over backoff: waits %s ms", (retryAfterMs, expected) => {
  expect(retryDelay(0, apiError('http', 503, retryAfterMs), () => 1)).toBe(expected)
})

test('the client refetches on focus, shares structure and lets tests turn retries off', () => {
  const defaults = createQueryClient().getDefaultOptions().queries
  expect(defaults?.refetchOnWindowFocus).toBe(true)
  expect(defaults?.structuralSharing).toBe(true)
  // The policy, wrapped to note each retry's time for the panels.
  expect(typeof defaults?.retry).toBe('function')
  expect(createQueryClient({ queries: { retry: false } }).getDefaultOptions().queries?.retry).toBe(false)
})

test('each retry TanStack will make is noted on its error, for "retrying in N s"; a failure not retried notes nothing', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  onTestFinished(() => {
    vi.useRealTimers()
  })
  const client = createQueryClient()
  const failures: { error: ApiError; at: number }[] = []
  const done = client
    .query({
      queryKey: ['always-failing'],
      queryFn: () => {
        const error = apiError('http', 503)
        failures.push({ error, at: Date.now() })
        return Promise.reject(error)
      },
    })
    .catch((e: unknown) => e)
  await vi.advanceTimersByTimeAsync(60_000)
  expect(await done).toBe(failures[3]?.error)
  expect(failures).toHaveLength(4)
  // Each retried failure names the moment of the next attempt, which is when it came.
  for (let i = 0; i < 3; i++) expect(nextAttemptAt(failures[i]?.error)).toBe(failures[i + 1]?.at)
  // The last failure is final: no attempt follows, none is promised.
  expect(nextAttemptAt(failures[3]?.error)).toBeUndefined()
  // A 4xx is not retried either.
  const refused = await client
    .query({ queryKey: ['refused'], queryFn: () => Promise.reject(apiError('http', 404)) })
    .catch((e: unknown) => e)
  expect(nextAttemptAt(refused)).toBeUndefined()
})
