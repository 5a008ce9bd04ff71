import {
  INCIDENT_STATUSES,
  STATUS_LABELS,
  canTransition,
  isIncidentStatus,
  isOpen,
  nextStatuses,
  requiresFields,
  statusLabel,
  unknownStatusReason,
  validateTransition,
  type IncidentStatus,
  type TransitionSubject,
} from './incident-status'

// The full 5 × 5 matrix: every allowed and every forbidden move, written out.
test.each<[IncidentStatus, IncidentStatus, boolean]>([
  ['investigating', 'investigating', false],
  ['investigating', 'identified', true],
  ['investigating', 'mitigated', true],
  ['investigating', 'resolved', true],
  ['investigating', 'closed', false],

  ['identified', 'investigating', true],
  ['identified', 'identified', false],
  ['identified', 'mitigated', true],
  ['identified', 'resolved', true],
  ['identified', 'closed', false],

  ['mitigated', 'investigating', true],
  ['mitigated', 'identified', false],
  ['mitigated', 'mitigated', false],
  ['mitigated', 'resolved', true],
  ['mitigated', 'closed', false],

  ['resolved', 'investigating', true],
  ['resolved', 'identified', false],
  ['resolved', 'mitigated', false],
  ['resolved', 'resolved', false],
  ['resolved', 'closed', true],

  ['closed', 'investigating', true],
  ['closed', 'identified', false],
  ['closed', 'mitigated', false],
  ['closed', 'resolved', false],
  ['closed', 'closed', false],
])('%s → %s allowed: %s', (from, to, allowed) => {
  expect(canTransition(from, to)).toBe(allowed)
  expect(nextStatuses(from).includes(to)).toBe(allowed)
})

test.each<[IncidentStatus, IncidentStatus[]]>([
  ['investigating', ['identified', 'mitigated', 'resolved']],
  ['identified', ['investigating', 'mitigated', 'resolved']],
  ['mitigated', ['investigating', 'resolved']],
  ['resolved', ['investigating', 'closed']],
  ['closed', ['investigating']],
])('from %s the next statuses are %j, in lifecycle order', (from, expected) => {
  expect(nextStatuses(from)).toEqual(expected)
})

test.each<[IncidentStatus, string[]]>([
  ['investigating', []],
  ['identified', []],
  ['mitigated', []],
  ['resolved', ['rootCause', 'resolution']],
  ['closed', ['rootCause', 'resolution']],
])('entering %s requires %j', (to, fields) => {
  expect(requiresFields(to)).toEqual(fields)
})

test.each<[IncidentStatus, boolean, string]>([
  ['investigating', true, 'Investigating'],
  ['identified', true, 'Identified'],
  ['mitigated', true, 'Mitigated'],
  ['resolved', false, 'Resolved'],
  ['closed', false, 'Closed'],
])('%s: open %s, labelled %s', (status, open, label) => {
  expect(isOpen(status)).toBe(open)
  expect(STATUS_LABELS[status]).toBe(label)
})

test('the lifecycle runs in runbook order', () => {
  expect(INCIDENT_STATUSES).toEqual(['investigating', 'identified', 'mitigated', 'resolved', 'closed'])
})

test.each([
  ['investigating', true],
  ['closed', true],
  ['open', false],
  ['Resolved', false],
  ['', false],
])('isIncidentStatus(%j) is %s', (value, expected) => {
  expect(isIncidentStatus(value)).toBe(expected)
})

const incident = (status: IncidentStatus, rootCause = '', resolution = ''): TransitionSubject => ({
  status,
  rootCause,
  resolution,
})
const OK = { ok: true }

test.each([
  ['investigating → identified', incident('investigating'), 'identified', {}, OK],
  ['investigating → mitigated (skipping identified)', incident('investigating'), 'mitigated', {}, OK],
  ['mitigated → investigating (the fix did not hold)', incident('mitigated'), 'investigating', {}, OK],
  ['closed → investigating (re-opened)', incident('closed', 'x', 'y'), 'investigating', {}, OK],
  [
    'to the same status',
    incident('mitigated'),
    'mitigated',
    {},
    { ok: false, reason: 'The incident is already mitigated.' },
  ],
  [
    'a forbidden move',
    incident('investigating'),
    'closed',
    {},
    { ok: false, reason: 'An incident cannot go from Investigating to Closed.' },
  ],
  [
    'a forbidden move even with every field filled',
    incident('closed', 'OpenAI API outage', 'Switched to Ollama fallback'),
    'mitigated',
    {},
    { ok: false, reason: 'An incident cannot go from Closed to Mitigated.' },
  ],
  [
    'resolving with neither field',
    incident('mitigated'),
    'resolved',
    {},
    { ok: false, reason: 'Root cause and resolution are required to mark the incident resolved.' },
  ],
  [
    'resolving without a root cause',
    incident('mitigated', '', 'Switched to Ollama fallback'),
    'resolved',
    {},
    { ok: false, reason: 'Root cause is required to mark the incident resolved.' },
  ],
  [
    'resolving without a resolution',
    incident('mitigated', 'OpenAI API outage'),
    'resolved',
    {},
    { ok: false, reason: 'Resolution is required to mark the incident resolved.' },
  ],
  [
    'resolving with whitespace for a root cause',
    incident('mitigated', '   \n', 'Switched to Ollama fallback'),
    'resolved',
    {},
    { ok: false, reason: 'Root cause is required to mark the incident resolved.' },
  ],
  [
    'resolving with both fields on the incident',
    incident('mitigated', 'OpenAI API outage', 'Switched to Ollama fallback'),
    'resolved',
    {},
    OK,
  ],
  [
    'resolving with both fields given with the change',
    incident('investigating'),
    'resolved',
    { rootCause: 'OpenAI API outage', resolution: 'Switched to Ollama fallback' },
    OK,
  ],
  [
    'resolving with one field on the incident and one with the change',
    incident('identified', 'OpenAI API outage'),
    'resolved',
    { resolution: 'Switched to Ollama fallback' },
    OK,
  ],
  [
    'resolving while clearing the root cause in the same change',
    incident('mitigated', 'OpenAI API outage', 'Switched to Ollama fallback'),
    'resolved',
    { rootCause: ' ' },
    { ok: false, reason: 'Root cause is required to mark the incident resolved.' },
  ],
  ['closing a complete resolved incident', incident('resolved', 'OpenAI API outage', 'Switched'), 'closed', {}, OK],
  [
    'closing a resolved incident that lost its resolution',
    incident('resolved', 'OpenAI API outage'),
    'closed',
    {},
    { ok: false, reason: 'Resolution is required to mark the incident closed.' },
  ],
] as const)('validateTransition: %s', (_name, subject, to, fields, expected) => {
  expect(validateTransition(subject, to, fields)).toEqual(expected)
})

test('validateTransition agrees with canTransition for every pair when the fields are filled', () => {
  for (const from of INCIDENT_STATUSES) {
    for (const to of INCIDENT_STATUSES) {
      const result = validateTransition(incident(from, 'cause', 'fix'), to)
      expect({ from, to, ok: result.ok }).toEqual({ from, to, ok: canTransition(from, to) })
    }
  }
})

// A newer backend may send a status this client does not know: shown as sent, treated
// as open (it may be a live P1), and no move offered (the client cannot tell which are allowed).
test.each<[string, boolean, string]>([
  ['investigating', true, 'Investigating'],
  ['resolved', false, 'Resolved'],
  ['closed', false, 'Closed'],
  ['monitoring', true, 'monitoring (unknown status)'],
  ['Resolved', true, 'Resolved (unknown status)'],
  ['', true, ' (unknown status)'],
])('status %j: open %s, labelled %j', (status, open, label) => {
  expect(isOpen(status)).toBe(open)
  expect(statusLabel(status)).toBe(label)
})

test.each(['monitoring', 'paused', 'Investigating', 'toString', '__proto__'])('no move is offered from the unknown status %j', (from) => {
  expect(isIncidentStatus(from)).toBe(false)
  expect(nextStatuses(from)).toEqual([])
  for (const to of INCIDENT_STATUSES) expect(canTransition(from, to)).toBe(false)
})

test('a change from an unknown status is refused, saying why', () => {
  const subject = { status: 'monitoring', rootCause: 'Bad deploy', resolution: 'Rolled back' }
  const reason = unknownStatusReason('monitoring')
  expect(reason).toMatch(/“monitoring” is a status this version of Vigil does not know/)
  expect(reason).toMatch(/treated as open/)
  for (const to of INCIDENT_STATUSES) expect(validateTransition(subject, to)).toEqual({ ok: false, reason })
})

test.each(INCIDENT_STATUSES)('a known status %s has no unknown-status reason', (status) => {
  expect(unknownStatusReason(status)).toBeNull()
  expect(statusLabel(status)).toBe(STATUS_LABELS[status])
})
