import { DEFAULT_STATUS_CADENCE, cadenceFor, statusCadence, statusUpdateDue, type StatusUpdateSubject } from './status-cadence'

const MIN = 60_000
const t = (hhmm: string) => Date.parse(`2026-11-27T${hhmm}:00Z`)

const build = (over: Partial<StatusUpdateSubject> = {}): StatusUpdateSubject => ({
  severity: 'P1',
  status: 'investigating',
  declaredAt: t('10:00'),
  lastStatusUpdateAt: null,
  ...over,
})

test.each([
  ['P1, no update yet, 10 min in', build(), '10:10', { kind: 'ok', nextDueInMs: 5 * MIN }],
  ['P1, exactly at the due instant', build(), '10:15', { kind: 'ok', nextDueInMs: 0 }],
  ['P1, 1 min late', build(), '10:16', { kind: 'overdue', overdueMs: MIN }],
  ['P1, counting from the last update', build({ lastStatusUpdateAt: t('10:14') }), '10:20', { kind: 'ok', nextDueInMs: 9 * MIN }],
  ['P1, late after the last update', build({ lastStatusUpdateAt: t('10:14') }), '10:31', { kind: 'overdue', overdueMs: 2 * MIN }],
  ['P2 every 30 min', build({ severity: 'P2' }), '10:29', { kind: 'ok', nextDueInMs: MIN }],
  ['P2 overdue', build({ severity: 'P2' }), '10:45', { kind: 'overdue', overdueMs: 15 * MIN }],
  ['P3 every 2 h', build({ severity: 'P3' }), '11:00', { kind: 'ok', nextDueInMs: 60 * MIN }],
  ['P3 overdue', build({ severity: 'P3' }), '12:01', { kind: 'overdue', overdueMs: MIN }],
  ['P4 owes no updates by default', build({ severity: 'P4' }), '18:00', { kind: 'none' }],
  ['an unknown severity gets the P1 cadence', build({ severity: 'P0' }), '10:16', { kind: 'overdue', overdueMs: MIN }],
  ['identified is still open', build({ status: 'identified' }), '10:16', { kind: 'overdue', overdueMs: MIN }],
  ['mitigated is still open', build({ status: 'mitigated' }), '10:16', { kind: 'overdue', overdueMs: MIN }],
  ['resolved owes none', build({ status: 'resolved' }), '12:00', { kind: 'none' }],
  ['closed owes none', build({ status: 'closed' }), '12:00', { kind: 'none' }],
  ['a status we do not know is still open: updates stay due', build({ status: 'monitoring' }), '10:16', { kind: 'overdue', overdueMs: MIN }],
  [
    'an update stamped before the declaration does not move the count earlier',
    build({ lastStatusUpdateAt: t('09:50') }),
    '10:10',
    { kind: 'ok', nextDueInMs: 5 * MIN },
  ],
] as const)('%s', (_name, incident, now, expected) => {
  expect(statusUpdateDue(incident, t(now))).toEqual(expected)
})

test('a team can override the cadence: P4 hourly, P1 every 10 minutes, P2 off', () => {
  const cadence = statusCadence({ P4: 60 * MIN, P1: 10 * MIN, P2: null })
  expect(cadence.P3).toBe(DEFAULT_STATUS_CADENCE.P3)
  expect(statusUpdateDue(build({ severity: 'P4' }), t('11:05'), cadence)).toEqual({ kind: 'overdue', overdueMs: 5 * MIN })
  expect(statusUpdateDue(build(), t('10:11'), cadence)).toEqual({ kind: 'overdue', overdueMs: MIN })
  expect(statusUpdateDue(build({ severity: 'P2' }), t('23:00'), cadence)).toEqual({ kind: 'none' })
})

test.each([0, -MIN, Number.NaN, Number.POSITIVE_INFINITY])('a nonsensical interval (%s) means no reminder, not a constant alarm', (every) => {
  expect(statusUpdateDue(build(), t('10:30'), statusCadence({ P1: every }))).toEqual({ kind: 'none' })
})

test('the defaults are P1 15 min, P2 30 min, P3 2 h, P4 none', () => {
  expect(DEFAULT_STATUS_CADENCE).toEqual({ P1: 15 * MIN, P2: 30 * MIN, P3: 120 * MIN, P4: null })
  expect(cadenceFor('SEV-X')).toBe(15 * MIN)
})
