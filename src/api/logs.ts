import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
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
}
