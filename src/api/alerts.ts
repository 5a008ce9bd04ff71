import { queryOptions } from '@tanstack/react-query'
import { apiFetch } from './client'
import { resolveWindow, type MetricWindow } from './metrics'
import { alertHistoryResponse, alertsResponse } from './schemas'

export const alertQueries = {
  all: () => ['alerts'] as const,
  current: () =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => apiFetch('/api/alerts', alertsResponse, { signal }),
    }),
  /**
   * The spans each alert was pending, firing or without data over a window. A relative
   * window keeps one key while time moves on; the fetch computes from/to when it runs.
   */
  history: (window: MetricWindow) =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'history', window] as const,
      queryFn: ({ signal }) => fetchAlertHistory(window, Date.now(), signal),
    }),
}

export async function fetchAlertHistory(window: MetricWindow, nowMs: number, signal?: AbortSignal) {
  const { fromMs, toMs } = resolveWindow(window, nowMs)
  return apiFetch('/api/alerts/history', alertHistoryResponse, {
    signal,
    query: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
  })
}
