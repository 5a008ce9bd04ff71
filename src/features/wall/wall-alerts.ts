/** Which alerts the wall lists, and in which order. */
import type { Alert, AlertState } from '@/api/schemas'

const STATE_ORDER: Partial<Record<AlertState, number>> = { firing: 0, pending: 1, nodata: 2 }

/**
 * Firing, then pending, then those without data (a rule that cannot see its metric
 * is not a healthy rule); critical before warning; the longest-running first.
 */
export function activeAlerts(alerts: readonly Alert[]): Alert[] {
  const since = (a: Alert) => (a.since === null ? Number.NEGATIVE_INFINITY : Date.parse(a.since))
  return alerts
    .filter((a) => STATE_ORDER[a.state] !== undefined)
    .sort(
      (a, b) =>
        (STATE_ORDER[a.state] ?? 9) - (STATE_ORDER[b.state] ?? 9) ||
        (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1) ||
        since(a) - since(b) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
}

export interface AlertCounts {
  firing: number
  pending: number
  nodata: number
}

export function countAlerts(alerts: readonly Alert[]): AlertCounts {
  const counts: AlertCounts = { firing: 0, pending: 0, nodata: 0 }
  for (const a of alerts) if (a.state !== 'inactive') counts[a.state]++
  return counts
}
