import { QueryClient, type QueryClientConfig } from '@tanstack/react-query'
import { isApiError } from '@/api/client'

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
 * The server's Retry-After wins; otherwise exponential backoff (1 s, 2 s, 4 s, …) with
 * jitter so a room of dashboards does not retry in lockstep. Both capped at 30 s.
 */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (isApiError(error) && error.details.retryAfterMs !== undefined) {
    return Math.min(error.details.retryAfterMs, MAX_RETRY_DELAY_MS)
  }
  const base = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** failureCount)
  return Math.round(base / 2 + random() * (base / 2))
}

export function createQueryClient(overrides: QueryClientConfig['defaultOptions'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      ...overrides,
      queries: {
        retry: shouldRetry,
        retryDelay,
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
}
