/**
 * An alert's state as the API sends it. The engine's four states are known; a state a
 * newer or foreign backend adds ("resolved", "silenced") is kept as sent and shown as
 * unknown: counted neither as firing (the word may not mean trouble) nor as quiet (it
 * may), but listed with the others, so the alert stays in sight.
 */
import type { AlertState } from './alert-engine'

export const ALERT_STATES = ['firing', 'pending', 'nodata', 'inactive'] as const satisfies readonly AlertState[]

/** A state as the API sent it: one of the engine's, or one this client does not know. */
export type ShownAlertState = AlertState | (string & {})

export const ALERT_STATE_LABELS: Readonly<Record<AlertState, string>> = {
  firing: 'Firing',
  pending: 'Pending',
  inactive: 'Inactive',
  nodata: 'No data',
}

export function isKnownAlertState(state: ShownAlertState): state is AlertState {
  return (ALERT_STATES as readonly string[]).includes(state)
}

/** "Firing"; a state we do not know as sent, said to be unknown: "resolved (unknown state)". */
export function alertStateLabel(state: ShownAlertState): string {
  return isKnownAlertState(state) ? ALERT_STATE_LABELS[state] : `${state} (unknown state)`
}
