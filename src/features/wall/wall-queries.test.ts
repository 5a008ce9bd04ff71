import { QueryClient, type QueryFunction } from '@tanstack/react-query'
import { ApiError } from '@/api/client'
import { healthQueries } from '@/api/health'
import { withTimeout } from './wall-queries'

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
