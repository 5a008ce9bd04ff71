import { MAX_RECONNECT_MS, reconnectDelayMs } from './reconnect-delay'

test.each([
  [0, 1_000],
  [1, 2_000],
  [2, 4_000],
  [3, 8_000],
  [4, 16_000],
  [5, 30_000],
  [6, 30_000],
  [40, 30_000],
])('after %i failures the longest wait is %i ms', (failures, ms) => {
  expect(reconnectDelayMs(failures, () => 1)).toBe(ms)
  // Jitter keeps every wait in the upper half of its step.
  expect(reconnectDelayMs(failures, () => 0)).toBe(ms / 2)
  expect(reconnectDelayMs(failures, () => 0.5)).toBe(ms * 0.75)
})

test('no wait passes the cap, however random', () => {
  for (let failures = 0; failures < 12; failures += 1) {
    expect(reconnectDelayMs(failures, Math.random)).toBeLessThanOrEqual(MAX_RECONNECT_MS)
  }
})
