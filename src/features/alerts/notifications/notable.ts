/**
 * What deserves a desktop notification: a critical alert that starts firing, or a new
 * P1. Pure: the hook keeps the previous snapshot and shows what this returns.
 */
import type { Alert, Incident } from '@/api/schemas'
import { isOpen } from '@/domain/incident-status'
import { appPath } from '@/lib/safe-url'

/** What was seen last; null for a list not seen yet. */
export interface NotableSnapshot {
  /** Ids of the critical alerts firing. */
  readonly firing: ReadonlySet<string> | null
  /** Ids of the open P1 incidents. */
  readonly p1s: ReadonlySet<string> | null
}

export const NOTHING_SEEN: NotableSnapshot = { firing: null, p1s: null }

export interface Notice {
  /** Also the notification's tag: the same alert or incident never stacks twice. */
  readonly key: string
  readonly title: string
  readonly body: string
  /** Where a click on the notification takes the responder. */
  readonly href: string
}

const isCriticalFiring = (a: Alert) => a.state === 'firing' && a.severity === 'critical'
const isOpenP1 = (i: Incident) => i.severity === 'P1' && isOpen(i.status)

/** The snapshot after this look; a list not loaded keeps what was seen before. */
export function snapshotOf(before: NotableSnapshot, alerts: readonly Alert[] | undefined, incidents: readonly Incident[] | undefined): NotableSnapshot {
  return {
    firing: alerts === undefined ? before.firing : new Set(alerts.filter(isCriticalFiring).map((a) => a.id)),
    p1s: incidents === undefined ? before.p1s : new Set(incidents.filter(isOpenP1).map((i) => i.id)),
  }
}

/**
 * What is new since `before`. A list seen for the first time announces nothing: what
 * was already firing when the page opened is on the screen, not news.
 */
export function newNotices(before: NotableSnapshot, alerts: readonly Alert[] | undefined, incidents: readonly Incident[] | undefined): Notice[] {
  const notices: Notice[] = []
  const firingBefore = before.firing
  if (alerts !== undefined && firingBefore !== null) {
    for (const alert of alerts) {
      if (!isCriticalFiring(alert) || firingBefore.has(alert.id)) continue
      notices.push({ key: `alert:${alert.id}`, title: `Critical alert firing: ${alert.name}`, body: alert.summary, href: '/alerts?state=firing' })
    }
  }
  const p1sBefore = before.p1s
  if (incidents !== undefined && p1sBefore !== null) {
    for (const incident of incidents) {
      if (!isOpenP1(incident) || p1sBefore.has(incident.id)) continue
      notices.push({
        key: `incident:${incident.id}`,
        title: `P1 declared: ${incident.id} ${incident.title}`,
        body: incident.impact,
        href: appPath('incidents', incident.id),
      })
    }
  }
  return notices
}
