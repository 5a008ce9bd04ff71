import {
  ESCALATION_LEVELS,
  escalationLabel,
  escalationStep,
  isEscalationLevel,
  nextLevel,
  shouldSuggestEscalation,
} from './escalation'
import type { ClockState } from './response-clock'

test.each([
  [1, 'L1', 'On-call engineer', 'initial response'],
  [2, 'L2', 'Senior engineer', 'complex issues'],
  [3, 'L3', 'Engineering lead', 'critical issues'],
  [4, 'L4', 'CTO/VP Engineering', 'business-critical'],
])('level %i is the runbook\'s %s: %s (%s)', (level, code, role, scope) => {
  expect(escalationStep(level)).toEqual({ level, code, role, scope })
})

test('the path has exactly four levels, in order', () => {
  expect(ESCALATION_LEVELS.map((s) => s.level)).toEqual([1, 2, 3, 4])
})

test.each([
  [1, 2],
  [2, 3],
  [3, 4],
  [4, null],
  [0, null],
  [5, null],
  [-1, null],
  [1.5, null],
  [Number.NaN, null],
])('nextLevel(%s) is %s', (level, expected) => {
  expect(nextLevel(level)).toBe(expected)
})

test.each([
  [1, true],
  [4, true],
  [0, false],
  [5, false],
  [2.5, false],
])('isEscalationLevel(%s) is %s', (level, expected) => {
  expect(isEscalationLevel(level)).toBe(expected)
})

const running: ClockState = { kind: 'running', remainingMs: 1 }
const atDeadline: ClockState = { kind: 'running', remainingMs: 0 }
const met: ClockState = { kind: 'met', tookMs: 60_000 }
const breached: ClockState = { kind: 'breached', overdueMs: 1, acknowledged: false }
const lateAck: ClockState = { kind: 'breached', overdueMs: 120_000, acknowledged: true }

test.each<[string, ClockState, number, boolean]>([
  ['running at L1', running, 1, false],
  ['at the deadline at L1', atDeadline, 1, false],
  ['met at L1', met, 1, false],
  ['breached, unacknowledged, at L1', breached, 1, true],
  ['breached, unacknowledged, at L2', breached, 2, true],
  ['breached, unacknowledged, at L3', breached, 3, true],
  ['breached, unacknowledged, at L4 (nobody above)', breached, 4, false],
  ['breached but acknowledged late, at L1', lateAck, 1, false],
  ['breached but acknowledged late, at L3', lateAck, 3, false],
  ['breached at an impossible level 0', breached, 0, false],
  ['breached at an impossible level 7', breached, 7, false],
])('suggest escalation when %s: %s', (_name, clock, level, expected) => {
  expect(shouldSuggestEscalation(clock, level)).toBe(expected)
})

test.each([
  [1, 'L1: On-call engineer'],
  [2, 'L2: Senior engineer'],
  [3, 'L3: Engineering lead'],
  [4, 'L4: CTO/VP Engineering'],
  [7, 'L7'],
  [0, 'L0'],
])('escalationLabel(%i) is %j', (level, label) => {
  expect(escalationLabel(level)).toBe(label)
})
