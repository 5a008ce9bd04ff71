import type { Incident } from '@/api/schemas'
import { incidentClock, openIncidentsBySeverity, takeoverHeadline, takeoverIncidents, wallTitle } from './wall-incidents'

const T0 = Date.parse('2026-11-27T10:00:00Z')
const MIN = 60_000
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString()

function incident(partial: Partial<Incident> & Pick<Incident, 'id'>): Incident {
  return {
    title: 'Voice agent not responding',
    severity: 'P2',
    status: 'investigating',
    impact: '',
    services: [],
    assignee: null,
    escalationLevel: 1,
    declaredAt: at(0),
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
    updatedAt: at(0),
    version: 1,
    ...partial,
  }
}

test('open incidents (a status we do not know counts as open) sort by severity, then by the deadline that comes first; closed ones are left out', () => {
  const list = [
    incident({ id: 'INC-1', severity: 'P3', declaredAt: at(0) }),
    incident({ id: 'INC-2', severity: 'P1', declaredAt: at(10) }),
    incident({ id: 'INC-3', severity: 'P2', declaredAt: at(5) }),
    incident({ id: 'INC-4', severity: 'P1', declaredAt: at(2) }),
    incident({ id: 'INC-5', severity: 'P1', status: 'resolved' }),
    incident({ id: 'INC-6', severity: 'SEV-X', declaredAt: at(20) }),
    incident({ id: 'INC-7', severity: 'P2', declaredAt: at(1), status: 'mitigated' }),
    incident({ id: 'INC-8', severity: 'P4', declaredAt: at(0), status: 'monitoring' }),
  ]
  expect(openIncidentsBySeverity(list).map((i) => i.id)).toEqual(['INC-6', 'INC-4', 'INC-2', 'INC-7', 'INC-3', 'INC-1', 'INC-8'])
})

test.each([
  ['an open, unacknowledged P1', { severity: 'P1' }, true],
  ['an unknown severity, treated as at least P1', { severity: 'SEV-0' }, true],
  ['an acknowledged P1', { severity: 'P1', acknowledgedAt: at(1) }, false],
  ['a resolved P1', { severity: 'P1', status: 'resolved' as const }, false],
  // A newer backend's status is not one this version knows: the P1 is still open, so it still takes over.
  ['a P1 in a status this version does not know', { severity: 'P1', status: 'monitoring' }, true],
  ['an open P2', { severity: 'P2' }, false],
] as const)('%s takes over: %s', (_, partial, expected) => {
  expect(takeoverIncidents([incident({ id: 'INC-9', ...partial })]).length === 1).toBe(expected)
})

test('the newest P1 leads the takeover', () => {
  const takeover = takeoverIncidents([
    incident({ id: 'INC-1', severity: 'P1', declaredAt: at(0) }),
    incident({ id: 'INC-2', severity: 'P1', declaredAt: at(30) }),
  ])
  expect(takeover.map((i) => i.id)).toEqual(['INC-2', 'INC-1'])
})

test('the headline and tab title name the incident', () => {
  const p1 = incident({ id: 'INC-12345', severity: 'P1', title: 'Voice agent down' })
  expect(takeoverHeadline(p1)).toBe('P1 declared: INC-12345 Voice agent down')
  expect(wallTitle([p1], 'War room · Vigil', 'Vigil')).toBe('⚠ P1 INC-12345 · Vigil')
  expect(wallTitle([p1, incident({ id: 'INC-2', severity: 'P1' })], 'War room · Vigil', 'Vigil')).toBe('⚠ P1 INC-12345 +1 · Vigil')
  expect(wallTitle([], 'War room · Vigil', 'Vigil')).toBe('War room · Vigil')
})

test('the clock reads the wire timestamps', () => {
  const p1 = incident({ id: 'INC-1', severity: 'P1', declaredAt: at(0) })
  expect(incidentClock(p1, T0 + 7 * MIN + 10_000)).toEqual({ kind: 'breached', overdueMs: 2 * MIN + 10_000, acknowledged: false })
  expect(incidentClock(p1, T0 + MIN)).toEqual({ kind: 'running', remainingMs: 4 * MIN })
})
