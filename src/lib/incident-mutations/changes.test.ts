import type { Incident } from '@/api/schemas'
import { applyOptimistic, requestOf, scopeOf, stakeOf, summarizeChange, type IncidentChange } from './changes'

const incident: Incident = {
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
  checklist: [],
  postmortemAt: null,
  followUps: [],
  lastStatusUpdateAt: null,
  updatedAt: '2026-11-27T10:00:00.000Z',
  version: 7,
}

test.each<[string, IncidentChange, { method: string; path: string; body: unknown }]>([
  ['acknowledge', { kind: 'acknowledge' }, { method: 'POST', path: '/api/incidents/INC-10001/acknowledge', body: { actor: 'priya' }}],
  ['escalate', { kind: 'escalate', reason: 'No answer' }, { method: 'POST', path: '/api/incidents/INC-10001/escalate', body: { actor: 'priya', reason: 'No answer' }}],
  [
    'a checklist tick',
    { kind: 'checklist', stepId: 'triage.assign', done: true },
    { method: 'POST', path: '/api/incidents/INC-10001/checklist', body: { stepId: 'triage.assign', done: true, actor: 'priya' }},
  ],
  [
    'a status change',
    { kind: 'patch', patch: { status: 'identified' } },
    { method: 'PATCH', path: '/api/incidents/INC-10001', body: { status: 'identified', actor: 'priya' }},
  ],
  ['a note (trimmed, unversioned)', { kind: 'note', text: '  Pool restarted \n' }, { method: 'POST', path: '/api/incidents/INC-10001/notes', body: { text: 'Pool restarted', actor: 'priya' } }],
  [
    'a message',
    { kind: 'message', template: 'status-update', text: '[P2] …' },
    { method: 'POST', path: '/api/incidents/INC-10001/messages', body: { template: 'status-update', text: '[P2] …', actor: 'priya' } },
  ],
])('%s becomes the right request, signed by the actor', (_, change, request) => {
  expect(requestOf(incident.id, change, 'priya')).toEqual(request)
})

test('without a known actor the request is unsigned (the backend records "anonymous")', () => {
  expect(requestOf(incident.id, { kind: 'acknowledge' }, null).body).toEqual({})
})

test.each<[IncidentChange, string]>([
  [{ kind: 'patch', patch: { status: 'identified' } }, 'incident:INC-10001'],
  [{ kind: 'checklist', stepId: 's', done: true }, 'incident:INC-10001'],
  [{ kind: 'note', text: 'x' }, 'incident:INC-10001:note'],
  [{ kind: 'message', template: 'resolution', text: 'x' }, 'incident:INC-10001:message'],
])('%j waits in scope %s', (change, scope) => {
  expect(scopeOf(incident.id, change)).toBe(scope)
})

test.each<[IncidentChange, unknown]>([
  [{ kind: 'acknowledge' }, [{ path: 'acknowledged', base: false, yours: true }]],
  [{ kind: 'escalate' }, [{ path: 'escalationLevel', base: 1, yours: 2 }]],
  [{ kind: 'checklist', stepId: 'triage.assign', done: true }, [{ path: 'checklist:triage.assign', base: false, yours: true }]],
  [
    { kind: 'patch', patch: { severity: 'P1', severityReason: 'worse' } },
    // The reason is said with the change, not a field anyone else could have changed.
    [{ path: 'severity', base: 'P2', yours: 'P1' }],
  ],
  [
    { kind: 'patch', patch: { status: 'resolved', rootCause: 'OpenAI outage', resolution: 'Fallback' } },
    [
      { path: 'status', base: 'investigating', yours: 'resolved' },
      { path: 'rootCause', base: '', yours: 'OpenAI outage' },
      { path: 'resolution', base: '', yours: 'Fallback' },
    ],
  ],
  [{ kind: 'note', text: 'x' }, []],
])('the stake of %j', (change, stake) => {
  expect(stakeOf(incident, change)).toEqual(stake)
})

test.each<[IncidentChange, string]>([
  [{ kind: 'patch', patch: { status: 'identified' } }, 'Status → Identified'],
  [{ kind: 'patch', patch: { severity: 'P1', severityReason: 'x' } }, 'Severity → P1'],
  [{ kind: 'patch', patch: { rootCause: 'x', resolution: 'y' } }, 'Root cause edited, Resolution edited'],
  [{ kind: 'escalate' }, 'Escalate to L2'],
  [{ kind: 'checklist', stepId: 'triage.assign', done: false, label: 'Assign to on-call engineer' }, 'Untick “Assign to on-call engineer”'],
  [{ kind: 'note', text: 'Restarted   the\npool' }, 'Note: Restarted the pool'],
  [{ kind: 'message', template: 'internal-alert', text: 'x' }, 'Internal alert message'],
])('%j is summarised as %s', (change, summary) => {
  expect(summarizeChange(incident, change)).toBe(summary)
})

test('status, assignee and checklist ticks are shown before the server answers; the rest waits for it', () => {
  expect(applyOptimistic(incident, { kind: 'patch', patch: { status: 'identified' } })).toMatchObject({ status: 'identified', version: 7 })
  expect(applyOptimistic(incident, { kind: 'patch', patch: { assignee: 'ana' } })).toMatchObject({ assignee: 'ana' })
  expect(applyOptimistic(incident, { kind: 'checklist', stepId: 'triage.assign', done: true })?.checklist).toEqual(['triage.assign'])
  expect(applyOptimistic(incident, { kind: 'patch', patch: { severity: 'P1' } })).toBeNull()
  expect(applyOptimistic(incident, { kind: 'escalate' })).toBeNull()
  expect(applyOptimistic(incident, { kind: 'note', text: 'x' })).toBeNull()
})

const quotaAlert = { id: 'f1', text: 'Add a quota alert', owner: '@ana', due: null, done: false }
const runbookFix = { id: 'f2', text: 'Document the fallback', owner: '@tom', due: '2026-12-04', done: false }
const withFollowUps: Incident = { ...incident, followUps: [quotaAlert, runbookFix] }

test.each<[string, IncidentChange]>([
  ['edited', { kind: 'patch', patch: { followUps: [{ ...quotaAlert, text: 'Alert on quota at 80 %', owner: '@tom' }, runbookFix] } }],
  ['ticked done', { kind: 'patch', patch: { followUps: [quotaAlert, { ...runbookFix, done: true }] } }],
])('a follow-up %s in place is shown before the server answers', (_, change) => {
  const followUps = change.kind === 'patch' ? change.patch.followUps : undefined
  expect(applyOptimistic(withFollowUps, change)).toEqual({ ...withFollowUps, followUps })
})

test.each<[string, IncidentChange]>([
  ['added', { kind: 'patch', patch: { followUps: [quotaAlert, runbookFix, { ...quotaAlert, id: 'f3' }] } }],
  ['removed', { kind: 'patch', patch: { followUps: [runbookFix] } }],
  ['replaced by another id', { kind: 'patch', patch: { followUps: [quotaAlert, { ...runbookFix, id: 'f9' }] } }],
  ['reordered', { kind: 'patch', patch: { followUps: [runbookFix, quotaAlert] } }],
])('a follow-up list with an item %s waits for the server', (_, change) => {
  expect(applyOptimistic(withFollowUps, change)).toBeNull()
})

test('a follow-up edit summarises as a follow-up edit in the Unsaved changes list', () => {
  expect(summarizeChange(withFollowUps, { kind: 'patch', patch: { followUps: [quotaAlert] } })).toBe('Follow-ups edited')
})
