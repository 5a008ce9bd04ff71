/** Which alerts the wall lists, and in which order. */
import type { Alert, AlertState } from '@/api/schemas'
import { isKnownAlertState, type ShownAlertState } from '@/domain/alert-state'

const STATE_ORDER: Partial<Record<AlertState, number>> = { firing: 0, pending: 1, nodata: 2 }
/** A state this version does not know is listed last, not left out: it may be trouble. */
const UNKNOWN_STATE_ORDER = 3

const stateOrder = (state: ShownAlertState): number | undefined => (isKnownAlertState(state) ? STATE_ORDER[state] : UNKNOWN_STATE_ORDER)

/**
 * Firing, then pending, then those without data (a rule that cannot see its metric
 * is not a healthy rule), then those in a state we do not know; critical before
 * warning; the longest-running first.
 */
export function activeAlerts(alerts: readonly Alert[]): Alert[] {
  const since = (a: Alert) => (a.since === null ? Number.NEGATIVE_INFINITY : Date.parse(a.since))
  return alerts
    .filter((a) => stateOrder(a.state) !== undefined)
    .sort(
      (a, b) =>
        (stateOrder(a.state) ?? 9) - (stateOrder(b.state) ?? 9) ||
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

/** A state we do not know is counted in none of these: it is listed, not called firing. */
export function countAlerts(alerts: readonly Alert[]): AlertCounts {
  const counts: AlertCounts = { firing: 0, pending: 0, nodata: 0 }
  for (const a of alerts) if (isKnownAlertState(a.state) && a.state !== 'inactive') counts[a.state]++
  return counts
}
