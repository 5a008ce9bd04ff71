import { describe, expect, it } from 'vitest'
import { firingCoverage, handledComponents, handlingIncidents, openIncidentsFor, unhandledText, type CoveringIncident } from './alert-coverage'
import type { ShownStatus } from './incident-status'

const incident = (id: string, severity: string, status: ShownStatus, alertIds: string[], declaredAt = '2026-12-03T10:00:00Z'): CoveringIncident => ({
  id,
  severity,
  status,
  alertIds,
  declaredAt,
})

describe('handlingIncidents', () => {
  it.each([
    ['an open incident that lists the alert handles it', [incident('INC-1', 'P2', 'investigating', ['a'])], 'INC-1'],
    ['identified and mitigated are still open', [incident('INC-1', 'P2', 'mitigated', ['a'])], 'INC-1'],
    ['a resolved incident handles nothing', [incident('INC-1', 'P1', 'resolved', ['a'])], undefined],
    ['a closed incident handles nothing', [incident('INC-1', 'P1', 'closed', ['a'])], undefined],
    ['an incident that does not list it does not', [incident('INC-1', 'P1', 'investigating', ['b'])], undefined],
    [
      'the most severe open incident wins',
      [incident('INC-1', 'P3', 'investigating', ['a']), incident('INC-2', 'P1', 'identified', ['a'])],
      'INC-2',
    ],
    [
      'on equal severity the first declared wins',
      [
        incident('INC-2', 'P2', 'investigating', ['a'], '2026-12-03T10:05:00Z'),
        incident('INC-1', 'P2', 'investigating', ['a'], '2026-12-03T10:00:00Z'),
      ],
      'INC-1',
    ],
    // A newer backend's status is not one we know: the incident is still open and still handles the alert.
    ['an incident in a status we do not know handles it', [incident('INC-1', 'P1', 'monitoring', ['a'])], 'INC-1'],
    [
      'an unknown status outranks nothing by itself: severity still decides',
      [incident('INC-1', 'P3', 'monitoring', ['a']), incident('INC-2', 'P1', 'investigating', ['a'])],
      'INC-2',
    ],
    [
      'a resolved P1 does not outrank an open P4',
      [incident('INC-1', 'P1', 'resolved', ['a']), incident('INC-2', 'P4', 'investigating', ['a'])],
      'INC-2',
    ],
  ])('%s', (_, incidents, expected) => {
    expect(handlingIncidents(incidents).get('a')?.id).toBe(expected)
  })
})

describe('firingCoverage', () => {
  const alerts = [
    { id: 'a', state: 'firing', severity: 'critical' },
    { id: 'b', state: 'firing', severity: 'critical' },
    { id: 'c', state: 'firing', severity: 'warning' },
    { id: 'd', state: 'pending', severity: 'critical' },
    { id: 'e', state: 'inactive', severity: 'critical' },
  ]

  it.each([
    ['nothing handled', [], { criticalFiring: 2, unhandled: 2 }],
    ['one of two handled', [incident('INC-1', 'P1', 'investigating', ['a'])], { criticalFiring: 2, unhandled: 1 }],
    ['both handled by one incident', [incident('INC-1', 'P1', 'investigating', ['a', 'b'])], { criticalFiring: 2, unhandled: 0 }],
    ['a warning or pending alert is never counted', [incident('INC-1', 'P1', 'investigating', ['c', 'd'])], { criticalFiring: 2, unhandled: 2 }],
    ['a resolved incident covers nothing', [incident('INC-1', 'P1', 'resolved', ['a', 'b'])], { criticalFiring: 2, unhandled: 2 }],
    ['an incident in an unknown status covers its alerts', [incident('INC-1', 'P1', 'monitoring', ['a', 'b'])], { criticalFiring: 2, unhandled: 0 }],
  ])('%s', (_, incidents, expected) => {
    expect(firingCoverage(alerts, handlingIncidents(incidents))).toEqual(expected)
  })

  it('is zero when nothing fires', () => {
    expect(firingCoverage([], new Map())).toEqual({ criticalFiring: 0, unhandled: 0 })
  })
})

describe('unhandledText', () => {
  it.each([
    ['none covered', { criticalFiring: 4, unhandled: 4 }, '4 critical firing · no incident declared'],
    ['some covered', { criticalFiring: 11, unhandled: 3 }, '3 of 11 critical firing · not in any open incident'],
    ['one alone', { criticalFiring: 1, unhandled: 1 }, '1 critical firing · no incident declared'],
  ])('%s', (_, coverage, expected) => {
    expect(unhandledText(coverage)).toBe(expected)
  })
})

describe('handledComponents', () => {
  const handling = handlingIncidents([incident('INC-1', 'P1', 'investigating', ['down:stt', 'quiet:db', 'rate:llm'])])
  const alerts = [
    { id: 'down:stt', state: 'firing', severity: 'critical', subject: 'stt' },
    { id: 'rate:llm', state: 'pending', severity: 'warning', subject: 'llm' },
    { id: 'quiet:db', state: 'inactive', severity: 'critical', subject: 'database' },
    { id: 'down:tts', state: 'firing', severity: 'critical', subject: 'tts' },
  ]

  it.each([
    ['a firing alert in an open incident marks its component', 'stt', 'INC-1'],
    ['a pending one too', 'llm', 'INC-1'],
    ['an inactive alert marks nothing', 'database', undefined],
    ['an alert in no incident marks nothing', 'tts', undefined],
  ])('%s', (_, component, expected) => {
    expect(handledComponents(alerts, handling).get(component)?.id).toBe(expected)
  })
})

describe('openIncidentsFor', () => {
  const related = (id: string, severity: string, status: ShownStatus, services: string[], alertIds: string[] = []) => ({
    ...incident(id, severity, status, alertIds),
    services,
  })
  const incidents = [
    related('INC-1', 'P3', 'investigating', ['stt']),
    related('INC-2', 'P1', 'identified', ['stt', 'tts']),
    related('INC-3', 'P4', 'investigating', ['llm'], ['error-rate-critical:stt']),
    related('INC-4', 'P1', 'resolved', ['stt']),
    related('INC-5', 'P2', 'investigating', ['database']),
    related('INC-6', 'P2', 'monitoring', ['livekit']),
  ]

  it.each([
    ['one naming the service, most severe first; resolved ones never', { services: ['stt'], alertIds: [] }, ['INC-2', 'INC-1']],
    ['one listing the alert comes before one naming the service', { services: ['stt'], alertIds: ['error-rate-critical:stt'] }, ['INC-3', 'INC-2', 'INC-1']],
    ['an incident in a status we do not know is still open, so still offered', { services: ['livekit'], alertIds: [] }, ['INC-6']],
    ['nothing related', { services: ['host'], alertIds: ['x'] }, []],
    ['no services and no alerts: nothing', { services: [], alertIds: [] }, []],
  ])('%s', (_, about, expected) => {
    expect(openIncidentsFor(incidents, about).map((i) => i.id)).toEqual(expected)
  })
})
