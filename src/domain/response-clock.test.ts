import {
  incidentDurations,
  isBreached,
  responseBudgetMs,
  responseClock,
  responseDeadline,
  type ClockState,
  type DurationInput,
} from './response-clock'

const MIN = 60_000
const HOUR = 60 * MIN
/** 2026-11-27 at hh:mm UTC, in epoch ms. */
const t = (hhmm: string): number => {
  const [h = 0, m = 0] = hhmm.split(':').map(Number)
  return Date.UTC(2026, 10, 27, h, m)
}
const DECLARED = t('10:00')

test.each([
  ['P1', 5 * MIN],
  ['P2', 15 * MIN],
  ['P3', HOUR],
  ['P4', 4 * HOUR],
  ['P0', 5 * MIN],
  ['SEV-X', 5 * MIN],
  ['', 5 * MIN],
])('the response budget for %j is %i ms (unknown → P1\'s)', (severity, budget) => {
  expect(responseBudgetMs(severity)).toBe(budget)
  expect(responseDeadline({ severity, declaredAt: DECLARED })).toBe(DECLARED + budget)
})

// Unacknowledged: running up to and including the deadline, breached one ms after.
test.each<[string, string, number, ClockState]>([
  ['P1', '10:00', DECLARED, { kind: 'running', remainingMs: 5 * MIN }],
  ['P1', '10:04', t('10:04'), { kind: 'running', remainingMs: MIN }],
  ['P1', '10:05 - 1 ms', t('10:05') - 1, { kind: 'running', remainingMs: 1 }],
  ['P1', '10:05', t('10:05'), { kind: 'running', remainingMs: 0 }],
  ['P1', '10:05 + 1 ms', t('10:05') + 1, { kind: 'breached', overdueMs: 1, acknowledged: false }],
  ['P1', '10:06', t('10:06'), { kind: 'breached', overdueMs: MIN, acknowledged: false }],
  ['P2', '10:15 - 1 ms', t('10:15') - 1, { kind: 'running', remainingMs: 1 }],
  ['P2', '10:15', t('10:15'), { kind: 'running', remainingMs: 0 }],
  ['P2', '10:15 + 1 ms', t('10:15') + 1, { kind: 'breached', overdueMs: 1, acknowledged: false }],
  ['P3', '11:00 - 1 ms', t('11:00') - 1, { kind: 'running', remainingMs: 1 }],
  ['P3', '11:00', t('11:00'), { kind: 'running', remainingMs: 0 }],
  ['P3', '11:00 + 1 ms', t('11:00') + 1, { kind: 'breached', overdueMs: 1, acknowledged: false }],
  ['P4', '14:00 - 1 ms', t('14:00') - 1, { kind: 'running', remainingMs: 1 }],
  ['P4', '14:00', t('14:00'), { kind: 'running', remainingMs: 0 }],
  ['P4', '14:00 + 1 ms', t('14:00') + 1, { kind: 'breached', overdueMs: 1, acknowledged: false }],
  ['P4', '10:05 + 1 ms', t('10:05') + 1, { kind: 'running', remainingMs: 4 * HOUR - 5 * MIN - 1 }],
  // Unknown severities are held to P1's five minutes.
  ['P0', '10:05', t('10:05'), { kind: 'running', remainingMs: 0 }],
  ['P0', '10:05 + 1 ms', t('10:05') + 1, { kind: 'breached', overdueMs: 1, acknowledged: false }],
  ['SEV-X', '10:10', t('10:10'), { kind: 'breached', overdueMs: 5 * MIN, acknowledged: false }],
  // A browser clock behind the server's never shows more than the whole budget.
  ['P1', '10:00 - 30 s', DECLARED - 30_000, { kind: 'running', remainingMs: 5 * MIN }],
])('%s declared 10:00, unacknowledged, at %s', (severity, _at, now, expected) => {
  expect(responseClock({ severity, declaredAt: DECLARED, acknowledgedAt: null }, now)).toEqual(expected)
})

// Acknowledged: met in time (the deadline itself included), breached for ever if late.
test.each<[string, string, number, ClockState]>([
  ['P1', '10:03', t('10:03'), { kind: 'met', tookMs: 3 * MIN }],
  ['P1', '10:00', DECLARED, { kind: 'met', tookMs: 0 }],
  ['P1', '10:05 - 1 ms', t('10:05') - 1, { kind: 'met', tookMs: 5 * MIN - 1 }],
  ['P1', '10:05', t('10:05'), { kind: 'met', tookMs: 5 * MIN }],
  ['P1', '10:05 + 1 ms', t('10:05') + 1, { kind: 'breached', overdueMs: 1, acknowledged: true }],
  ['P1', '10:12', t('10:12'), { kind: 'breached', overdueMs: 7 * MIN, acknowledged: true }],
  ['P2', '10:15', t('10:15'), { kind: 'met', tookMs: 15 * MIN }],
  ['P2', '10:15 + 1 ms', t('10:15') + 1, { kind: 'breached', overdueMs: 1, acknowledged: true }],
  ['P3', '11:00', t('11:00'), { kind: 'met', tookMs: HOUR }],
  ['P3', '11:00 + 1 ms', t('11:00') + 1, { kind: 'breached', overdueMs: 1, acknowledged: true }],
  ['P4', '14:00', t('14:00'), { kind: 'met', tookMs: 4 * HOUR }],
  ['P4', '14:00 + 1 ms', t('14:00') + 1, { kind: 'breached', overdueMs: 1, acknowledged: true }],
  ['SEV-X', '10:05', t('10:05'), { kind: 'met', tookMs: 5 * MIN }],
  ['SEV-X', '10:06', t('10:06'), { kind: 'breached', overdueMs: MIN, acknowledged: true }],
  // Writers' clocks disagree: an acknowledgement "before" declaration took no time.
  ['P1', '10:00 - 2 s', DECLARED - 2_000, { kind: 'met', tookMs: 0 }],
])('%s declared 10:00, acknowledged at %s', (severity, _at, acknowledgedAt, expected) => {
  // Evaluated long after: an acknowledged clock no longer depends on now.
  for (const now of [acknowledgedAt, t('23:59')]) {
    expect(responseClock({ severity, declaredAt: DECLARED, acknowledgedAt }, now)).toEqual(expected)
  }
})

test.each([
  // Raising the severity can breach at once; lowering it moves the deadline later.
  ['P4', 'P1', t('10:07'), { kind: 'running', remainingMs: 4 * HOUR - 7 * MIN }, { kind: 'breached', overdueMs: 2 * MIN, acknowledged: false }],
  ['P1', 'P3', t('10:07'), { kind: 'breached', overdueMs: 2 * MIN, acknowledged: false }, { kind: 'running', remainingMs: 53 * MIN }],
] as const)('changing %s to %s at 10:07 re-times the clock from declaration', (before, after, now, expectedBefore, expectedAfter) => {
  expect(responseClock({ severity: before, declaredAt: DECLARED, acknowledgedAt: null }, now)).toEqual(expectedBefore)
  expect(responseClock({ severity: after, declaredAt: DECLARED, acknowledgedAt: null }, now)).toEqual(expectedAfter)
})

test.each<[ClockState, boolean]>([
  [{ kind: 'running', remainingMs: 0 }, false],
  [{ kind: 'met', tookMs: 10 }, false],
  [{ kind: 'breached', overdueMs: 1, acknowledged: false }, true],
  [{ kind: 'breached', overdueMs: 1, acknowledged: true }, true],
])('isBreached(%j) is %s', (state, expected) => {
  expect(isBreached(state)).toBe(expected)
})

const at = (acknowledgedAt: number | null, mitigatedAt: number | null, resolvedAt: number | null): DurationInput => ({
  declaredAt: DECLARED,
  acknowledgedAt,
  mitigatedAt,
  resolvedAt,
})

test.each([
  ['just declared', at(null, null, null), { timeToAcknowledge: null, timeToMitigate: null, timeToResolve: null }],
  ['acknowledged', at(t('10:03'), null, null), { timeToAcknowledge: 3 * MIN, timeToMitigate: null, timeToResolve: null }],
  [
    'mitigated',
    at(t('10:03'), t('10:20'), null),
    { timeToAcknowledge: 3 * MIN, timeToMitigate: 20 * MIN, timeToResolve: null },
  ],
  [
    'resolved',
    at(t('10:03'), t('10:20'), t('11:30')),
    { timeToAcknowledge: 3 * MIN, timeToMitigate: 20 * MIN, timeToResolve: 90 * MIN },
  ],
  [
    'resolved without a mitigation step',
    at(t('10:03'), null, t('10:15')),
    { timeToAcknowledge: 3 * MIN, timeToMitigate: 15 * MIN, timeToResolve: 15 * MIN },
  ],
  [
    'mitigated before anyone acknowledged',
    at(null, t('10:10'), null),
    { timeToAcknowledge: null, timeToMitigate: 10 * MIN, timeToResolve: null },
  ],
  ['everything at declaration', at(DECLARED, DECLARED, DECLARED), { timeToAcknowledge: 0, timeToMitigate: 0, timeToResolve: 0 }],
  [
    'timestamps before declaration (clock skew)',
    at(DECLARED - 1_000, DECLARED - 1, t('10:01')),
    { timeToAcknowledge: 0, timeToMitigate: 0, timeToResolve: MIN },
  ],
])('durations when %s', (_name, input, expected) => {
  expect(incidentDurations(input)).toEqual(expected)
})
