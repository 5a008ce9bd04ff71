/**
 * GET /api/session as a query: who the backend says you are and what it offers. It
 * changes only when the server is restarted with other settings, so it is read once and
 * kept (no polling, no refetch on focus while fresh).
 */
import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
import { sessionResponse } from './session'

export const sessionQueries = {
  all: () => ['session'] as const,
  current: () =>
    queryOptions({
      queryKey: sessionQueries.all(),
      queryFn: ({ signal }) => apiFetch('/api/session', sessionResponse, { signal }),
      staleTime: 60 * 60_000,
    }),
}
