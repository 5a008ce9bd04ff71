import type { Incident } from '@/api/schemas'

/** 2026-11-27 12:00 UTC: "now" in the list's pure tests and benchmark. */
export const NOW = Date.parse('2026-11-27T12:00:00Z')
export const MIN = 60_000
export const HOUR = 60 * MIN

export const minutesAgo = (m: number): string => new Date(NOW - m * MIN).toISOString()

/** An incident as the API sends it, with test defaults for whatever is not given. */
export function buildIncident(partial: Partial<Incident> = {}): Incident {
  const declaredAt = partial.declaredAt ?? minutesAgo(10)
  return {
    id: 'INC-10001',
    title: 'Voice agent not responding',
    severity: 'P2',
    status: 'investigating',
    impact: 'Users cannot hold a conversation',
    services: [],
    assignee: null,
    escalationLevel: 1,
    declaredAt,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    rootCause: '',
    resolution: '',
    alertIds: [],
    playbooks: [],
    checklist: [],
    postmortemAt: null,
    followUps: [],
    lastStatusUpdateAt: null,
    updatedAt: partial.updatedAt ?? declaredAt,
    version: 1,
    ...partial,
  }
}
