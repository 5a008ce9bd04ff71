import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
import { resolveWindow, type MetricWindow } from './metrics'
import { errorGroupsResponse, logsResponse } from './schemas'

export interface LogFilter {
  level?: string
  service?: string
  q?: string
  limit?: number
}

export const logQueries = {
  all: () => ['logs'] as const,
  tail: (f: LogFilter) =>
    queryOptions({
      queryKey: [...logQueries.all(), 'tail', f] as const,
      queryFn: ({ signal }) => apiFetch('/api/logs', logsResponse, { signal, query: { ...f } }),
    }),
  /** Error counts by service and error_type over the last `durationMs`. */
  errorGroups: (durationMs: number) =>
    queryOptions({
      queryKey: [...logQueries.all(), 'errors', durationMs] as const,
      queryFn: ({ signal }) => {
        const to = Date.now()
        return apiFetch('/api/errors', errorGroupsResponse, {
          signal,
          query: { from: new Date(to - durationMs).toISOString(), to: new Date(to).toISOString() },
        })
      },
    }),
  /** Error counts by service and error_type over a window (relative: one key while time moves on). */
  errorsIn: (window: MetricWindow) =>
    queryOptions({
      queryKey: [...logQueries.all(), 'errors', 'window', window] as const,
      queryFn: ({ signal }) => {
        const { fromMs, toMs } = resolveWindow(window, Date.now())
        return apiFetch('/api/errors', errorGroupsResponse, {
          signal,
          query: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
        })
      },
    }),
}
