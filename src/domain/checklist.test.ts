import {
  checklistStepLabel,
  currentPhase,
  isChecked,
  phaseProgress,
  playbookChecklist,
  playbookProgress,
  playbookStepId,
  postIncidentProgress,
  processChecklist,
  processProgress,
  setChecked,
} from './checklist'
import { PLAYBOOKS, POST_INCIDENT_CHECKLIST, PROCESS_PHASES, builtInPlaybook, type Playbook } from './runbook'

const rateLimiting = builtInPlaybook('rate-limiting') as Playbook

test('processChecklist groups the steps by phase in runbook order, marking the ticked ones', () => {
  const groups = processChecklist(['triage.assign', 'resolution.fix'])
  expect(groups.map((g) => g.phase.name)).toEqual(['Detection', 'Triage', 'Investigation', 'Resolution', 'Post-Incident'])
  const triage = groups[1]
  expect(triage?.steps.map((s) => [s.step.label, s.checked])).toEqual([
    ['Assess: Determine severity level', false],
    ['Assign: Assign to on-call engineer', true],
    ['Document: Create incident ticket', false],
  ])
  expect(groups.map((g) => g.progress)).toEqual([
    { done: 0, total: 3 },
    { done: 1, total: 3 },
    { done: 0, total: 3 },
    { done: 1, total: 3 },
    { done: 0, total: 3 },
  ])
})

test('processChecklist with nothing ticked marks every step open', () => {
  expect(processChecklist().flatMap((g) => g.steps).every((s) => !s.checked)).toBe(true)
})

test.each([
  ['nothing ticked', [], 'triage', { done: 0, total: 3 }],
  ['one step', ['triage.assign'], 'triage', { done: 1, total: 3 }],
  ['all three', ['triage.assess', 'triage.assign', 'triage.document'], 'triage', { done: 3, total: 3 }],
  ['a step of another phase', ['detection.manual'], 'triage', { done: 0, total: 3 }],
  ['a duplicate tick counts once', ['triage.assign', 'triage.assign'], 'triage', { done: 1, total: 3 }],
  ['a step since removed from the runbook', ['triage.page-everyone'], 'triage', { done: 0, total: 3 }],
  ['same term in another phase', ['post-incident.document'], 'triage', { done: 0, total: 3 }],
  ['post-incident', ['post-incident.document', 'post-incident.review'], 'post-incident', { done: 2, total: 3 }],
] as const)('phaseProgress: %s', (_name, checked, phase, expected) => {
  expect(phaseProgress(checked, phase)).toEqual(expected)
})

test('phaseProgress accepts the phase object as well as its id', () => {
  const detection = PROCESS_PHASES[0]
  if (!detection) throw new Error('no phases')
  expect(phaseProgress(['detection.automated'], detection)).toEqual({ done: 1, total: 3 })
})

test('processProgress counts all fifteen steps', () => {
  expect(processProgress([])).toEqual({ done: 0, total: 15 })
  const all = PROCESS_PHASES.flatMap((p) => p.steps.map((s) => s.id))
  expect(processProgress([...all, 'playbook.rate-limiting.add-api-keys'])).toEqual({ done: 15, total: 15 })
})

test('currentPhase is the earliest phase with an open step, even when later ones were ticked first', () => {
  expect(currentPhase([])?.id).toBe('detection')
  const detection = ['detection.automated', 'detection.manual', 'detection.source']
  expect(currentPhase(detection)?.id).toBe('triage')
  expect(currentPhase([...detection, 'resolution.fix', 'resolution.verify', 'resolution.deploy'])?.id).toBe('triage')
  expect(currentPhase(PROCESS_PHASES.flatMap((p) => p.steps.map((s) => s.id)))).toBeNull()
})

test('playbook step ids are namespaced by slug so two playbooks never share a tick', () => {
  expect(playbookStepId('rate-limiting', 'add-api-keys')).toBe('playbook.rate-limiting.add-api-keys')
  expect(playbookChecklist(rateLimiting).map((s) => s.id)).toEqual([
    'playbook.rate-limiting.increase-rate-limit',
    'playbook.rate-limiting.add-api-keys',
    'playbook.rate-limiting.exponential-backoff',
    'playbook.rate-limiting.upgrade-api-tier',
  ])
  const all = PLAYBOOKS.flatMap((p) => playbookChecklist(p).map((s) => s.id))
  expect(new Set(all).size).toBe(all.length)
})

test('playbookProgress counts only that playbook’s ticks', () => {
  const checked = [
    playbookStepId('rate-limiting', 'add-api-keys'),
    playbookStepId('rate-limiting', 'exponential-backoff'),
    playbookStepId('high-error-rate', 'add-retry-logic'),
    // A bare step id (without the playbook) is not a tick of the playbook.
    'upgrade-api-tier',
  ]
  expect(playbookProgress(checked, rateLimiting)).toEqual({ done: 2, total: 4 })
})

test('postIncidentProgress counts the six checklist items and nothing else', () => {
  expect(postIncidentProgress([])).toEqual({ done: 0, total: 6 })
  const ids = POST_INCIDENT_CHECKLIST.map((i) => i.id)
  expect(postIncidentProgress([ids[0] ?? '', ids[2] ?? '', 'post-incident.document'])).toEqual({ done: 2, total: 6 })
  expect(postIncidentProgress(ids)).toEqual({ done: 6, total: 6 })
})

test('setChecked ticks once, unticks, and keeps the other ids in order', () => {
  const ticked = setChecked(['a', 'b'], 'c', true)
  expect(ticked).toEqual(['a', 'b', 'c'])
  expect(setChecked(ticked, 'c', true)).toEqual(['a', 'b', 'c'])
  expect(setChecked(ticked, 'a', false)).toEqual(['b', 'c'])
  expect(setChecked(['a'], 'zzz', false)).toEqual(['a'])
  expect(isChecked(ticked, 'b')).toBe(true)
  expect(isChecked(ticked, 'z')).toBe(false)
})

test.each([
  ['triage.assign', 'Triage — Assign: Assign to on-call engineer'],
  ['playbook.rate-limiting.add-api-keys', 'Rate Limiting Triggered — Add more API keys (load balance)'],
  ['post-incident-checklist.create-report', 'Post-incident checklist — Create incident report'],
  ['post-incident.document', 'Post-Incident — Document: Incident report'],
  ['nobody.knows', undefined],
] as const)('checklistStepLabel(%s)', (id, expected) => {
  expect(checklistStepLabel(id, PLAYBOOKS)).toBe(expected)
})
