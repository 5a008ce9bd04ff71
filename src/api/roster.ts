import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
import { rosterResponse } from './schemas'

export const rosterQueries = {
  all: () => ['roster'] as const,
  current: () =>
    queryOptions({
      queryKey: rosterQueries.all(),
      queryFn: ({ signal }) => apiFetch('/api/roster', rosterResponse, { signal }),
      staleTime: 5 * 60_000,
    }),
}
