import { escalationText, fieldLabel, formatFieldValue } from './fields'

const names = (id: string) => ({ ana: 'Ana Silva', tom: 'Tom Becker' })[id] ?? id

test.each([
  ['status', 'Status'],
  ['rootCause', 'Root cause'],
  ['escalationLevel', 'Escalation level'],
  ['checklist:triage.assign', 'Checklist: Triage — Assign: Assign to on-call engineer'],
  ['checklist:made.up', 'Checklist: made.up'],
  ['somethingNew', 'somethingNew'],
])('the label of %s is %s', (path, label) => {
  expect(fieldLabel(path)).toBe(label)
})

test.each([
  ['status', 'mitigated', 'Mitigated'],
  ['assignee', 'ana', 'Ana Silva'],
  ['assignee', null, 'Unassigned'],
  ['escalationLevel', 2, 'L2 Senior engineer'],
  ['checklist:triage.assign', true, 'Done'],
  ['checklist:triage.assign', false, 'Not done'],
  ['acknowledged', true, 'Acknowledged'],
  ['rootCause', '  ', '(empty)'],
  ['rootCause', 'OpenAI outage', 'OpenAI outage'],
  ['services', ['stt', 'llm'], 'stt, llm'],
  ['services', [], '(none)'],
  ['postmortemAt', null, '—'],
  ['followUps', [{ text: 'Add quota alert' }], 'Add quota alert'],
])('%s = %j reads %s', (path, value, expected) => {
  expect(formatFieldValue(path, value, names)).toBe(expected)
})

test.each([
  [1, 'L1 On-call engineer'],
  [4, 'L4 CTO/VP Engineering'],
  [7, 'L7'],
])('escalation level %d reads %s', (level, text) => {
  expect(escalationText(level)).toBe(text)
})
