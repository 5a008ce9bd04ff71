import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
import { alertsResponse } from './schemas'

export const alertQueries = {
  all: () => ['alerts'] as const,
  current: () =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => apiFetch('/api/alerts', alertsResponse, { signal }),
    }),
}
