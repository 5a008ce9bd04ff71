/**
 * Which incidents the wall shows, in which order, and which take over the screen.
 */
import type { Incident } from '@/api/schemas'
import { isOpen } from '@/domain/incident-status'
import { responseClock, responseDeadline, type ClockState } from '@/domain/response-clock'
import { compareSeverity, severityRank } from '@/domain/severity'

/** Epoch ms of an incident's timestamps, as the domain's clock takes them. */
export function clockInput(incident: Pick<Incident, 'severity' | 'declaredAt' | 'acknowledgedAt'>) {
  return {
    severity: incident.severity,
    declaredAt: Date.parse(incident.declaredAt),
    acknowledgedAt: incident.acknowledgedAt === null ? null : Date.parse(incident.acknowledgedAt),
  }
}

export function incidentClock(incident: Incident, now: number): ClockState {
  return responseClock(clockInput(incident), now)
}

/**
 * Open incidents, most severe first; within a severity the one whose acknowledgement
 * deadline comes (or came) first, so a breach sorts above a running clock.
 */
export function openIncidentsBySeverity(incidents: readonly Incident[]): Incident[] {
  return incidents
    .filter((i) => isOpen(i.status))
    .map((i) => ({ incident: i, deadline: responseDeadline(clockInput(i)) }))
    .sort(
      (a, b) =>
        compareSeverity(a.incident.severity, b.incident.severity) ||
        a.deadline - b.deadline ||
        (a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0),
    )
    .map((entry) => entry.incident)
}

/**
 * The incidents that take over the wall: open, not yet acknowledged, and P1 — or a
 * severity we do not know, which the domain treats as at least as urgent as P1.
 * Newest first: the one just declared is the news. Derived from the data alone, so
 * a reload shows the same takeover and an acknowledgement ends it everywhere.
 */
export function takeoverIncidents(incidents: readonly Incident[]): Incident[] {
  return incidents
    .filter((i) => isOpen(i.status) && i.acknowledgedAt === null && severityRank(i.severity) <= 1)
    .sort((a, b) => Date.parse(b.declaredAt) - Date.parse(a.declaredAt))
}

/** "P1 declared: INC-12345 Voice agent down". */
export function takeoverHeadline(incident: Pick<Incident, 'id' | 'severity' | 'title'>): string {
  return `${incident.severity} declared: ${incident.id} ${incident.title}`
}

/** The tab title: "⚠ P1 INC-12345 · Vigil" while a takeover lasts, `calm` otherwise. */
export function wallTitle(takeover: readonly Pick<Incident, 'id' | 'severity'>[], calm: string, product: string): string {
  const [first] = takeover
  if (first === undefined) return calm
  const more = takeover.length > 1 ? ` +${takeover.length - 1}` : ''
  return `⚠ ${first.severity} ${first.id}${more} · ${product}`
}
