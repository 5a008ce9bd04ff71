import { describe, expect, it } from 'vitest'
import type { Alert, Incident } from '@/api/schemas'
import { newNotices, NOTHING_SEEN, snapshotOf } from './notable'

function alert(id: string, state: Alert['state'], severity: Alert['severity'] = 'critical'): Alert {
  return {
    id,
    ruleId: id.split(':')[0] ?? id,
    name: `Alert ${id}`,
    severity,
    subject: 'stt',
    state,
    value: null,
    threshold: 0,
    since: null,
    summary: `Summary of ${id}`,
    playbook: null,
    metric: null,
  }
}

function incident(id: string, severity: string, status: Incident['status'] = 'investigating'): Incident {
  const at = '2026-12-03T10:00:00Z'
  return {
    id,
    title: `Title ${id}`,
    severity,
    status,
    impact: `Impact ${id}`,
    services: [],
    assignee: null,
    escalationLevel: 1,
    declaredAt: at,
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
    updatedAt: at,
    version: 1,
  }
}

const keys = (notices: { key: string }[]) => notices.map((n) => n.key)

describe('newNotices', () => {
  it('announces nothing on the first look, whatever is firing', () => {
    expect(newNotices(NOTHING_SEEN, [alert('a', 'firing')], [incident('INC-1', 'P1')])).toEqual([])
  })

  it.each([
    ['a critical alert that starts firing', [alert('a', 'pending')], [alert('a', 'firing')], ['alert:a']],
    ['one already firing stays quiet', [alert('a', 'firing')], [alert('a', 'firing')], []],
    ['a warning that starts firing stays quiet', [alert('w', 'inactive', 'warning')], [alert('w', 'firing', 'warning')], []],
    ['pending is not firing yet', [alert('a', 'inactive')], [alert('a', 'pending')], []],
    ['firing again after it stopped is news again', [alert('a', 'inactive')], [alert('a', 'firing')], ['alert:a']],
  ])('%s', (_, before, now, expected) => {
    const seen = snapshotOf(NOTHING_SEEN, before, [])
    expect(keys(newNotices(seen, now, []))).toEqual(expected)
  })

  it.each([
    ['a new P1', [], [incident('INC-2', 'P1')], ['incident:INC-2']],
    ['a new P2 stays quiet', [], [incident('INC-2', 'P2')], []],
    ['a P2 raised to P1 is news', [incident('INC-2', 'P2')], [incident('INC-2', 'P1')], ['incident:INC-2']],
    ['a resolved P1 stays quiet', [], [incident('INC-2', 'P1', 'resolved')], []],
    ['a P1 already known stays quiet', [incident('INC-2', 'P1')], [incident('INC-2', 'P1')], []],
  ])('%s', (_, before, now, expected) => {
    const seen = snapshotOf(NOTHING_SEEN, [], before)
    expect(keys(newNotices(seen, [], now))).toEqual(expected)
  })

  it('a list that failed to load keeps what was seen: its recovery announces only what is new', () => {
    let seen = snapshotOf(NOTHING_SEEN, [alert('a', 'firing')], [])
    seen = snapshotOf(seen, undefined, [])
    expect(keys(newNotices(seen, [alert('a', 'firing'), alert('b', 'firing')], []))).toEqual(['alert:b'])
  })

  it('a notice says what fired and links where to act', () => {
    const seen = snapshotOf(NOTHING_SEEN, [], [])
    const [a, p1] = newNotices(seen, [alert('error-rate-critical:stt', 'firing')], [incident('INC-9', 'P1')])
    expect(a).toEqual({ key: 'alert:error-rate-critical:stt', title: 'Critical alert firing: Alert error-rate-critical:stt', body: 'Summary of error-rate-critical:stt', href: '/alerts?state=firing' })
    expect(p1).toEqual({ key: 'incident:INC-9', title: 'P1 declared: INC-9 Title INC-9', body: 'Impact INC-9', href: '/incidents/INC-9' })
  })
})
