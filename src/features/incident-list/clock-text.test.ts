import { clockText, formatStopwatch } from './clock-text'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN

test.each([
  [4 * MIN + 12 * S, 'up', '4:12'],
  [4 * MIN + 11.2 * S, 'up', '4:12'],
  [4 * MIN + 11.2 * S, 'down', '4:11'],
  [5 * S, 'up', '0:05'],
  [0, 'up', '0:00'],
  [-3 * S, 'down', '0:00'],
  [H + 2 * MIN + 3 * S, 'down', '1:02:03'],
  [23 * H + 59 * MIN + 59 * S, 'down', '23:59:59'],
  [27 * H + 30 * MIN, 'down', '1 d 3 h'],
] as const)('%d ms rounded %s reads %s', (ms, round, expected) => {
  expect(formatStopwatch(ms, round)).toBe(expected)
})

test.each([
  [{ kind: 'running', remainingMs: 4 * MIN + 12 * S }, '4:12 left', '4:12 left to acknowledge'],
  [{ kind: 'met', tookMs: 3 * MIN }, 'Acknowledged in 3 min', 'Acknowledged in 3 min, within the response time'],
  [{ kind: 'breached', overdueMs: 2 * MIN + 10 * S, acknowledged: false }, 'Breached +2:10', 'Response time breached: not acknowledged, 2:10 overdue'],
  [{ kind: 'breached', overdueMs: 90 * S, acknowledged: true }, 'Breached +1:30', 'Response time breached: acknowledged 1:30 late'],
] as const)('%o reads "%s"', (state, text, detail) => {
  expect(clockText(state)).toEqual({ text, detail })
})
