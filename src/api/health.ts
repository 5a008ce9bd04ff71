import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
import { healthResponse } from './schemas'

export const healthQueries = {
  all: () => ['health'] as const,
  current: () =>
    queryOptions({
      queryKey: healthQueries.all(),
      queryFn: ({ signal }) => apiFetch('/api/health', healthResponse, { signal }),
    }),
}
