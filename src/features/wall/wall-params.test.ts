import { DEFAULT_REFRESH_MS, MIN_REFRESH_MS, MIN_ROTATE_MS, parseDuration, parseWallSettings } from './wall-params'

test.each([
  ['200ms', 200],
  ['5s', 5000],
  ['30', 30_000],
  ['1.5m', 90_000],
  ['2min', 120_000],
  [' 10S ', 10_000],
  ['0s', null],
  ['-5s', null],
  ['fast', null],
  ['5 hours', null],
  ['', null],
  [null, null],
] as const)('parseDuration(%j) is %j', (text, expected) => {
  expect(parseDuration(text)).toBe(expected)
})

test.each([
  ['', { refreshMs: DEFAULT_REFRESH_MS, rotateMs: null, sound: false, debug: false }],
  ['refresh=2s&rotate=30s&sound=on&debug=1', { refreshMs: 2_000, rotateMs: 30_000, sound: true, debug: true }],
  ['refresh=10s', { refreshMs: 10_000, rotateMs: null, sound: false, debug: false }],
  ['refresh=1s', { refreshMs: 2_000, rotateMs: null, sound: false, debug: false }],
  ['refresh=200ms', { refreshMs: 2_000, rotateMs: null, sound: false, debug: false }],
  ['refresh=1ms&rotate=1s', { refreshMs: MIN_REFRESH_MS, rotateMs: MIN_ROTATE_MS, sound: false, debug: false }],
  ['refresh=soon&rotate=never&sound=loud&debug=0', { refreshMs: DEFAULT_REFRESH_MS, rotateMs: null, sound: false, debug: false }],
  ['refresh=1h', { refreshMs: 300_000, rotateMs: null, sound: false, debug: false }],
] as const)('?%s', (query, expected) => {
  expect(parseWallSettings(new URLSearchParams(query))).toEqual(expected)
})
