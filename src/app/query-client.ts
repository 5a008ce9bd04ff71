import { QueryClient, type QueryClientConfig } from '@tanstack/react-query'
import { isApiError } from '@/api/client'
import { noteNextAttempt } from '@/api/next-attempt'
import { MAX_RETRY_AFTER_MS } from '@/api/refresh-schedule'
import { setIncidentWriteDefaults } from '@/lib/incident-mutations/incident-writes'

/** Retries after the first failure; with the backoff below that is about 7 s before a panel shows the error. */
export const MAX_RETRIES = 3
export const MAX_RETRY_DELAY_MS = 30_000

// TanStack passes failureCount 0 for the first failure.

/**
 * Retry what may heal by itself (network, timeout, 5xx, 408, 429, a truncated body);
 * give up at once on what will not (other 4xx, a contract violation, a cancel).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (!isApiError(error)) return false
  switch (error.kind) {
    case 'network':
    case 'timeout':
    case 'malformed':
      return true
    case 'schema':
    case 'aborted':
      return false
    case 'http': {
      const status = error.status ?? 500
      if (status === 408 || status === 429) return true
      return status >= 500
    }
  }
}

/**
 * The server's Retry-After wins (up to 10 minutes); otherwise exponential backoff (1 s,
 * 2 s, 4 s, …, capped at 30 s) with jitter so a room of dashboards does not retry in lockstep.
 */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (isApiError(error) && error.details.retryAfterMs !== undefined) {
    return Math.min(error.details.retryAfterMs, MAX_RETRY_AFTER_MS)
  }
  const base = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** failureCount)
  return Math.round(base / 2 + random() * (base / 2))
}

/**
 * The retry policy with the time of each retry noted on its error, for the panel's
 * "retrying in N s". TanStack asks for the delay first and whether to retry second, so
 * the delay is kept until the answer is yes: a failure that is not retried (retries
 * used up, a 4xx, or a query with retries off) notes no attempt.
 */
function retriesWithNextAttempt() {
  const plannedDelays = new WeakMap<object, number>()
  return {
    retryDelay(failureCount: number, error: unknown): number {
      const delay = retryDelay(failureCount, error)
      if (typeof error === 'object' && error !== null) plannedDelays.set(error, delay)
      return delay
    },
    retry(failureCount: number, error: unknown): boolean {
      const again = shouldRetry(failureCount, error)
      const delay = typeof error === 'object' && error !== null ? plannedDelays.get(error) : undefined
      if (again && delay !== undefined) noteNextAttempt(error, Date.now() + delay)
      return again
    },
  }
}

export function createQueryClient(overrides: QueryClientConfig['defaultOptions'] = {}): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      ...overrides,
      queries: {
        ...retriesWithNextAttempt(),
        refetchOnWindowFocus: true,
        structuralSharing: true,
        // Several panels read the same resource; one fetch per few seconds is enough.
        staleTime: 5_000,
        ...overrides.queries,
      },
      mutations: {
        // A POST is not idempotent: the caller decides whether to resend.
        retry: false,
        ...overrides.mutations,
      },
    },
  })
  // Incident changes carry an Idempotency-Key, so they are resent by the queries' own policy.
  setIncidentWriteDefaults(client, { retry: shouldRetry, retryDelay })
  return client
}
