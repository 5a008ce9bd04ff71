import type { Incident } from '@/api/schemas'
import { compareStake, conflictVerdict, sameValue, valueAt, type ConflictVerdict, type StakeField } from './conflict'

const base: Incident = {
  id: 'INC-10001',
  title: 'STT error rate above 10 %',
  severity: 'P2',
  status: 'investigating',
  impact: '',
  services: ['stt'],
  assignee: null,
  escalationLevel: 1,
  declaredAt: '2026-11-27T10:00:00.000Z',
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  closedAt: null,
  rootCause: '',
  resolution: '',
  alertIds: [],
  playbooks: [],
  checklist: ['detection.alert'],
  postmortemAt: null,
  followUps: [],
  lastStatusUpdateAt: null,
  updatedAt: '2026-11-27T10:00:00.000Z',
  version: 1,
}
const current = (changes: Partial<Incident>): Incident => ({ ...base, version: 2, ...changes })
const stake = (path: string, from: unknown, to: unknown): StakeField => ({ path, base: from, yours: to })

test.each([
  ['status', 'investigating'],
  ['assignee', null],
  ['acknowledged', false],
  ['checklist:detection.alert', true],
  ['checklist:triage.assign', false],
  ['services', ['stt']],
])('the value at %s', (path, expected) => {
  expect(valueAt(base, path)).toEqual(expected)
})

test.each<[string, StakeField[], Partial<Incident>, ConflictVerdict]>([
  ['nobody touched our field (a note bumped the version)', [stake('status', 'investigating', 'identified')], {}, 'reapply'],
  ['they made the very same change', [stake('status', 'investigating', 'identified')], { status: 'identified' }, 'already-applied'],
  ['they moved the same field elsewhere', [stake('status', 'investigating', 'mitigated')], { status: 'identified' }, 'conflict'],
  ['they changed another field', [stake('assignee', null, 'ana')], { status: 'identified' }, 'reapply'],
  ['one of two fields was taken by them', [stake('status', 'investigating', 'resolved'), stake('rootCause', '', 'OpenAI outage')], { rootCause: 'LiveKit' }, 'conflict'],
  ['one of two fields already ours, the other untouched', [stake('status', 'investigating', 'resolved'), stake('rootCause', '', 'OpenAI outage')], { rootCause: 'OpenAI outage' }, 'reapply'],
  ['they ticked another step', [stake('checklist:triage.assign', false, true)], { checklist: ['detection.alert', 'triage.assess'] }, 'reapply'],
  ['they ticked the same step', [stake('checklist:triage.assign', false, true)], { checklist: ['triage.assign'] }, 'already-applied'],
  ['they escalated already', [stake('escalationLevel', 1, 2)], { escalationLevel: 2 }, 'already-applied'],
  ['they escalated twice', [stake('escalationLevel', 1, 2)], { escalationLevel: 3 }, 'conflict'],
  ['someone acknowledged', [stake('acknowledged', false, true)], { acknowledgedAt: '2026-11-27T10:01:00.000Z' }, 'already-applied'],
  ['a change that recorded no stake', [], {}, 'conflict'],
])('412 when %s → %s', (_, fields, changes, verdict) => {
  expect(conflictVerdict(fields, current(changes))).toBe(verdict)
})

test('the comparison shows both values and marks what they changed', () => {
  const fields = compareStake([stake('status', 'investigating', 'mitigated'), stake('assignee', null, 'ana')], current({ status: 'identified' }))
  expect(fields).toEqual([
    { path: 'status', base: 'investigating', yours: 'mitigated', theirs: 'identified', conflicting: true },
    { path: 'assignee', base: null, yours: 'ana', theirs: null, conflicting: false },
  ])
})

test.each([
  [['a', 'b'], ['a', 'b'], true],
  [['a', 'b'], ['b', 'a'], false],
  [null, undefined, true],
  ['', null, false],
])('sameValue(%j, %j) is %s', (a, b, expected) => {
  expect(sameValue(a, b)).toBe(expected)
})
