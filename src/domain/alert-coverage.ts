/**
 * Which alerts are already being handled: an alert is handled by an open incident that
 * lists it (declared from it, or linked to it later). The opposite matters as much on a
 * wall: critical alerts firing with no incident covering them.
 */
import { isOpen, type ShownStatus } from './incident-status'
import { compareSeverity } from './severity'

export interface CoverableAlert {
  readonly id: string
  readonly state: string
  readonly severity: string
}

export interface CoveringIncident {
  readonly id: string
  /** A status we do not know counts as open (isOpen): such an incident still handles its alerts. */
  readonly status: ShownStatus
  readonly severity: string
  readonly declaredAt: string
  readonly alertIds: readonly string[]
}

/**
 * Alert id → the open incident handling it. Where several open incidents list one alert,
 * the most severe wins, then the first declared: that is where a responder should go.
 */
export function handlingIncidents<I extends CoveringIncident>(incidents: readonly I[]): ReadonlyMap<string, I> {
  const handling = new Map<string, I>()
  for (const incident of incidents) {
    if (!isOpen(incident.status)) continue
    for (const alertId of incident.alertIds) {
      const current = handling.get(alertId)
      if (current === undefined || ranksBefore(incident, current)) handling.set(alertId, incident)
    }
  }
  return handling
}

function ranksBefore(a: CoveringIncident, b: CoveringIncident): boolean {
  const bySeverity = compareSeverity(a.severity, b.severity)
  if (bySeverity !== 0) return bySeverity < 0
  return Date.parse(a.declaredAt) < Date.parse(b.declaredAt)
}

export interface FiringCoverage {
  /** Critical alerts firing now. */
  readonly criticalFiring: number
  /** Of those, the ones no open incident lists. */
  readonly unhandled: number
}

/**
 * "4 critical firing · no incident declared": the amber line, said the same way on
 * /alerts, the Overview and the wall. "critical" because the count leaves the other
 * firing alerts out, and it sits beside panels that count them all.
 */
export function unhandledText({ criticalFiring, unhandled }: FiringCoverage): string {
  return unhandled === criticalFiring
    ? `${unhandled} critical firing · no incident declared`
    : `${unhandled} of ${criticalFiring} critical firing · not in any open incident`
}

export function firingCoverage(alerts: readonly CoverableAlert[], handling: ReadonlyMap<string, unknown>): FiringCoverage {
  let criticalFiring = 0
  let unhandled = 0
  for (const alert of alerts) {
    if (alert.state !== 'firing' || alert.severity !== 'critical') continue
    criticalFiring++
    if (!handling.has(alert.id)) unhandled++
  }
  return { criticalFiring, unhandled }
}

export interface SubjectAlert extends CoverableAlert {
  /** The component (or host, or turn) the alert watches. */
  readonly subject: string
}

/**
 * Component id → the open incident handling an alert that fires or is pending for it:
 * the tile stays red, and says where the people on it are working.
 */
export function handledComponents<I>(alerts: readonly SubjectAlert[], handling: ReadonlyMap<string, I>): ReadonlyMap<string, I> {
  const handled = new Map<string, I>()
  for (const alert of alerts) {
    if (alert.state !== 'firing' && alert.state !== 'pending') continue
    const incident = handling.get(alert.id)
    if (incident !== undefined && !handled.has(alert.subject)) handled.set(alert.subject, incident)
  }
  return handled
}

export interface RelatedIncident extends CoveringIncident {
  readonly services: readonly string[]
}

/**
 * The open incidents a new declaration may duplicate: those listing one of its alerts,
 * then those naming one of its services; most severe first. "Declare incident" shows
 * them first so two responders do not declare one outage twice.
 */
export function openIncidentsFor<I extends RelatedIncident>(
  incidents: readonly I[],
  about: { services: readonly string[]; alertIds: readonly string[] },
): I[] {
  const listsAlert = (i: I) => i.alertIds.some((id) => about.alertIds.includes(id))
  const sharesService = (i: I) => i.services.some((s) => about.services.includes(s))
  return incidents
    .filter((i) => isOpen(i.status) && (listsAlert(i) || sharesService(i)))
    .sort((a, b) => Number(listsAlert(b)) - Number(listsAlert(a)) || (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0))
}
