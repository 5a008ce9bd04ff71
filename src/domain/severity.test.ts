import {
  CORE_SUBJECTS,
  RESPONSE_MS,
  SEVERITIES,
  SEVERITY_IDS,
  SEVERITY_QUESTIONS,
  compareSeverity,
  isDownAlert,
  isKnownSeverity,
  severityInfo,
  severityRank,
  suggestSeverity,
  suggestSeverityFromAlerts,
  type AlertForSeverity,
  type SeverityAnswers,
} from './severity'

const MIN = 60_000

test.each([
  ['P1', 'Critical', 'Service completely down', 'Immediate (< 5 minutes)', 'All users cannot access service', 5 * MIN],
  ['P2', 'High', 'Major functionality broken', '15 minutes', 'Voice agent not responding, high error rate', 15 * MIN],
  ['P3', 'Medium', 'Partial functionality affected', '1 hour', 'Specific feature not working, minor errors', 60 * MIN],
  ['P4', 'Low', 'Minor issue, workaround available', '4 hours', 'UI bug, minor latency issues', 240 * MIN],
] as const)('%s is the runbook\'s %s level, word for word', (id, label, impact, responseTime, example, responseMs) => {
  expect(severityInfo(id)).toEqual({ id, label, impact, responseTime, example, responseMs })
  expect(RESPONSE_MS[id]).toBe(responseMs)
})

test('SEVERITIES lists P1 to P4, most urgent first', () => {
  expect(SEVERITIES.map((s) => s.id)).toEqual(['P1', 'P2', 'P3', 'P4'])
  expect(SEVERITY_IDS).toEqual(['P1', 'P2', 'P3', 'P4'])
})

test.each([
  ['P1', true],
  ['P2', true],
  ['P3', true],
  ['P4', true],
  ['P0', false],
  ['P5', false],
  ['SEV-X', false],
  ['p1', false],
  [' P1', false],
  ['', false],
])('isKnownSeverity(%j) is %s', (s, expected) => {
  expect(isKnownSeverity(s)).toBe(expected)
  expect(severityInfo(s) !== undefined).toBe(expected)
})

test.each([
  ['P0', 0],
  ['SEV-X', 0],
  ['p2', 0],
  ['', 0],
  ['P1', 1],
  ['P2', 2],
  ['P3', 3],
  ['P4', 4],
])('severityRank(%j) is %i', (s, rank) => {
  expect(severityRank(s)).toBe(rank)
})

test.each([
  ['P1', 'P2', -1],
  ['P2', 'P1', 1],
  ['P4', 'P3', 1],
  ['P3', 'P3', 0],
  ['P0', 'P1', -1],
  ['P1', 'P0', 1],
  ['SEV-X', 'P4', -1],
  // Unknowns tie on rank and fall back to their text, so a sort is stable.
  ['P0', 'SEV-X', -1],
  ['SEV-X', 'P0', 1],
  ['P0', 'P0', 0],
])('compareSeverity(%s, %s) has sign %i', (a, b, sign) => {
  expect(Math.sign(compareSeverity(a, b))).toBe(sign)
})

test('sorting with compareSeverity puts unknown severities before P1', () => {
  expect(['P3', 'P1', 'SEV-X', 'P4', 'P0', 'P2', 'P1'].sort(compareSeverity)).toEqual([
    'P0',
    'SEV-X',
    'P1',
    'P1',
    'P2',
    'P3',
    'P4',
  ])
})

test('the assessment asks the runbook questions in order', () => {
  expect(SEVERITY_QUESTIONS).toEqual([
    { key: 'completelyDown', question: 'Is the service completely down?' },
    { key: 'majorBroken', question: 'Is major functionality broken?' },
    { key: 'partial', question: 'Is only part of the functionality affected?' },
    { key: 'workaround', question: 'Is a workaround available?' },
  ])
})

// All 16 combinations: completelyDown, majorBroken, partial, workaround → suggestion.
test.each([
  [false, false, false, false, 'P4'],
  [false, false, false, true, 'P4'],
  [false, false, true, false, 'P3'],
  [false, false, true, true, 'P4'],
  [false, true, false, false, 'P2'],
  [false, true, false, true, 'P2'],
  [false, true, true, false, 'P2'],
  [false, true, true, true, 'P2'],
  [true, false, false, false, 'P1'],
  [true, false, false, true, 'P1'],
  [true, false, true, false, 'P1'],
  [true, false, true, true, 'P1'],
  [true, true, false, false, 'P1'],
  [true, true, false, true, 'P1'],
  [true, true, true, false, 'P1'],
  [true, true, true, true, 'P1'],
] as const)(
  'down=%s major=%s partial=%s workaround=%s suggests %s',
  (completelyDown, majorBroken, partial, workaround, expected) => {
    const answers: SeverityAnswers = { completelyDown, majorBroken, partial, workaround }
    expect(suggestSeverity(answers)).toBe(expected)
  },
)

test('the core subjects are the voice pipeline and its LiveKit transport', () => {
  expect(CORE_SUBJECTS).toEqual(['stt', 'llm', 'tts', 'livekit'])
})

test.each([
  ['service-down', true],
  ['livekit-down', true],
  ['SERVICE_DOWN', true],
  ['error-rate-critical', false],
  ['database-connection-lost', false],
  ['quota-exceeded', false],
])('isDownAlert for rule %s is %s', (ruleId, expected) => {
  expect(isDownAlert({ ruleId })).toBe(expected)
})

const crit = (ruleId: string, subject: string): AlertForSeverity => ({ severity: 'critical', ruleId, subject })
const warn = (ruleId: string, subject: string): AlertForSeverity => ({ severity: 'warning', ruleId, subject })

test.each<[string, string, AlertForSeverity[]]>([
  ['no alerts', 'P4', []],
  ['STT down', 'P1', [crit('service-down', 'stt')]],
  ['LLM down', 'P1', [crit('service-down', 'llm')]],
  ['TTS down', 'P1', [crit('service-down', 'tts')]],
  ['LiveKit down', 'P1', [crit('service-down', 'livekit')]],
  ['a core down among warnings', 'P1', [warn('latency-p95', 'llm'), crit('service-down', 'tts')]],
  ['a core down among other criticals', 'P1', [crit('error-rate-critical', 'stt'), crit('service-down', 'llm')]],
  ['database connection lost', 'P2', [crit('database-connection-lost', 'database')]],
  ['database down (not core)', 'P2', [crit('service-down', 'database')]],
  ['one provider down (fallback exists)', 'P2', [crit('service-down', 'openai')]],
  ['error rate > 10 %', 'P2', [crit('error-rate-critical', 'llm')]],
  ['API quota exceeded', 'P2', [crit('quota-exceeded', 'openai')]],
  ['critical plus warnings', 'P2', [warn('latency-p95', 'stt'), crit('error-rate-critical', 'stt')]],
  // A warning with "down" in its id is still only a warning.
  ['a warning-level down rule on a core service', 'P3', [warn('service-down', 'stt')]],
  ['latency warning', 'P3', [warn('latency-p95', 'stt')]],
  ['several warnings', 'P3', [warn('error-rate-warning', 'llm'), warn('resource-usage', 'host')]],
])('%s suggests %s', (_name, expected, alerts) => {
  expect(suggestSeverityFromAlerts(alerts)).toBe(expected)
})
