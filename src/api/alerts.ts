import { queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiFetch } from './client'
import { parseItems, type SetAside } from './lenient-list'
import { resolveWindow, type MetricWindow } from './metrics'
import { alert, alertHistoryResponse, isoDateTime, type AlertsResponse } from './schemas'

/** The answer's frame, strict; its alerts are parsed one by one (an unknown state is set aside). */
const alertsEnvelope = z.object({ at: isoDateTime, alerts: z.array(z.unknown()) })

/** The current alerts as the app holds them: those that parsed, and what was left out. */
export interface AlertsAnswer extends AlertsResponse {
  setAside: SetAside
}

export async function fetchAlerts(signal?: AbortSignal): Promise<AlertsAnswer> {
  return readAlerts(await apiFetch('/api/alerts', alertsEnvelope, { signal }))
}

/** The alerts of an answer whose frame parsed, one by one. */
export function readAlerts(answer: { at: string; alerts: readonly unknown[] }): AlertsAnswer {
  const { items, setAside } = parseItems(answer.alerts, alert, (a) => a.id)
  return { at: answer.at, alerts: items, setAside }
}

export const alertQueries = {
  all: () => ['alerts'] as const,
  current: () =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => fetchAlerts(signal),
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
