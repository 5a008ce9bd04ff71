import { queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiFetch } from './client'
import { parseItems, type SetAside } from './lenient-list'
import { fetchOnServerTime, resolveWindow, type MetricWindow } from './metrics'
import { alert, alertSpan, isoDateTime, type Alert, type AlertHistoryResponse, type AlertSpan } from './schemas'

/** The answer's frame, strict; its alerts are parsed one by one. */
const alertsEnvelope = z.object({ at: isoDateTime, alerts: z.array(z.unknown()) })

/**
 * An alert as the app reads it: a state this client does not know ("resolved") is kept
 * as sent and shown as unknown — counted neither firing nor quiet, but listed
 * (src/domain/alert-state.ts) — rather than losing the alert.
 */
const shownAlert = z.extend(alert, { state: z.string().check(z.minLength(1), z.maxLength(40)) })

/** The current alerts as the app holds them: those that parsed, and what was left out. */
export interface AlertsAnswer {
  at: string
  alerts: Alert[]
  setAside: SetAside
}

export async function fetchAlerts(signal?: AbortSignal): Promise<AlertsAnswer> {
  return readAlerts(await apiFetch('/api/alerts', alertsEnvelope, { signal }))
}

/** The alerts of an answer whose frame parsed, one by one. */
export function readAlerts(answer: { at: string; alerts: readonly unknown[] }): AlertsAnswer {
  const { items, setAside } = parseItems(answer.alerts, shownAlert, (a) => a.id)
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
      queryFn: ({ signal }) => fetchOnServerTime(window, (nowMs) => fetchAlertHistory(window, nowMs, signal)),
    }),
}

/** The history's frame, strict; its spans are parsed one by one. */
const historyEnvelope = z.object({ from: isoDateTime, to: isoDateTime, spans: z.array(z.unknown()) })

/** The alert history as the app holds it: the spans that parsed, and what was left out. */
export interface AlertHistoryAnswer extends AlertHistoryResponse {
  setAside: SetAside
}

export async function fetchAlertHistory(window: MetricWindow, nowMs: number, signal?: AbortSignal): Promise<AlertHistoryAnswer> {
  const { fromMs, toMs } = resolveWindow(window, nowMs)
  const answer = await apiFetch('/api/alerts/history', historyEnvelope, {
    signal,
    query: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
  })
  return readAlertHistory(answer)
}

/**
 * The spans of a history answer whose frame parsed, one by one: a span that breaks the
 * contract (an unknown state has no colour or words on the strip) is set aside and
 * counted; a span is its alert, state and start, so one repeated is shown once.
 */
export function readAlertHistory(answer: { from: string; to: string; spans: readonly unknown[] }): AlertHistoryAnswer {
  const { items, setAside } = parseItems(answer.spans, alertSpan, alertSpanKey)
  return { from: answer.from, to: answer.to, spans: items, setAside }
}

/** What tells one span from another: a span has no id, but one alert is in one state from one instant once. */
export function alertSpanKey(span: Pick<AlertSpan, 'alertId' | 'state' | 'from'>): string {
  return `${span.alertId}\u0000${span.state}\u0000${span.from}`
}
