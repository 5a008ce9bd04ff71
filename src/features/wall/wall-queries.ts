/**
 * The wall's variants of the shared query factories: same keys and fetchers (so the
 * cache and any invalidation are shared with the rest of the app), plus what a
 * screen nobody touches needs — a short request timeout, its own retry schedule
 * that keeps running in a background tab, and refetching while unfocused.
 */
import { queryOptions, type QueryFunction, type QueryFunctionContext, type QueryKey } from '@tanstack/react-query'
import { alertQueries } from '@/api/alerts'
import { ApiError, isApiError } from '@/api/client'
import { healthQueries } from '@/api/health'
import { incidentQueries } from '@/api/incidents'
import { metricQueries, type MetricsQuery } from '@/api/metrics'
import type { MetricId } from '@/domain/catalog'
import { refreshDelay } from '@/api/refresh-schedule'
import { WALL_TIMEOUT_MS } from './refresh-policy'

const HOUR_MS = 3_600_000

/** The six key figures: P95 latency and error rate of the three pipeline services. */
export const WALL_METRICS = [
  'stt.latency.p95',
  'llm.latency.p95',
  'tts.latency.p95',
  'stt.error_rate',
  'llm.error_rate',
  'tts.error_rate',
] as const satisfies readonly MetricId[]

/**
 * One module constant with a relative window: the key never changes while time moves
 * on (the fetch computes from/to), so days of polling keep one cache entry. 10 s is
 * the backend's own resolution: the last hour is 361 points, and no spike is averaged away.
 */
export const WALL_METRICS_QUERY: MetricsQuery = {
  metrics: WALL_METRICS,
  window: { kind: 'relative', durationMs: HOUR_MS },
  step: 10,
}

/**
 * Runs a query function with a shorter timeout than the client's default. The
 * client reports an abort from the caller's signal as "cancelled"; when it was our
 * timeout that fired, it is reported as the timeout it is.
 */
export function withTimeout<T, K extends QueryKey, P = never>(
  queryFn: QueryFunction<T, K, P> | undefined,
  timeoutMs: number,
): QueryFunction<T, K, P> {
  if (queryFn === undefined) throw new Error('withTimeout: the query has no query function to wrap.')
  return async (context: QueryFunctionContext<K, P>) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = AbortSignal.any([context.signal, timeout])
    try {
      return await queryFn({ ...context, signal })
    } catch (e) {
      if (timeout.aborted && !context.signal.aborted) {
        const path = isApiError(e) ? e.details.path : undefined
        throw new ApiError('timeout', `No answer within ${timeoutMs / 1000} s.`, path === undefined ? {} : { path })
      }
      throw e
    }
  }
}

/**
 * A shared factory's query as the wall runs it: same key and fetcher, a 4 s timeout,
 * and the wall's own refresh-and-retry schedule, which keeps running in a hidden tab.
 */
export function wallVariant<T, K extends QueryKey>(
  base: { queryKey: K; queryFn?: QueryFunction<T, K> | undefined; structuralSharing?: boolean | ((old: unknown, data: unknown) => unknown) | undefined },
  refreshMs: number,
) {
  return queryOptions<T, Error, T, K>({
    queryKey: base.queryKey,
    queryFn: withTimeout(base.queryFn, WALL_TIMEOUT_MS),
    // Failures are retried by the refetch schedule: TanStack's retries pause while unfocused.
    retry: false,
    // navigator.onLine can be wrong on a kiosk; the fetch itself says whether we are online.
    networkMode: 'always',
    refetchInterval: (query) => refreshDelay(query, refreshMs),
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: true,
    // The base's own sharing (the incident list keeps its ETag on the array it shares).
    structuralSharing: base.structuralSharing ?? true,
  })
}

/** The wall's four queries, one stable key each. */
export function wallQueries(refreshMs: number) {
  return {
    health: wallVariant(healthQueries.current(), refreshMs),
    alerts: wallVariant(alertQueries.current(), refreshMs),
    incidents: wallVariant(incidentQueries.list(), refreshMs),
    metrics: wallVariant(metricQueries.range(WALL_METRICS_QUERY), refreshMs),
  }
}
