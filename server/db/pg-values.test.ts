import { assertChannelName, parseInt8, parseTimestamptz } from './pg-values'

test.each([
  ['2024-05-01 10:00:00+00', '2024-05-01T10:00:00.000Z'],
  ['2024-05-01 10:00:00.5+00', '2024-05-01T10:00:00.500Z'],
  ['2024-05-01 10:00:00.123456+00', '2024-05-01T10:00:00.123Z'],
  ['2024-05-01 12:00:00.123+02', '2024-05-01T10:00:00.123Z'],
  ['2024-05-01 04:30:00-05:30', '2024-05-01T10:00:00.000Z'],
  ['1883-11-18 11:45:00-04:56:02', '1883-11-18T16:41:02.000Z'],
  ['2024-01-01 00:30:00+01', '2023-12-31T23:30:00.000Z'],
  ['0099-03-01 00:00:00+00', '0099-03-01T00:00:00.000Z'],
])('timestamptz %s → %s', (text, iso) => {
  expect(parseTimestamptz(text)).toBe(iso)
})

test.each(['infinity', '-infinity', '2024-05-01 10:00:00+00 BC', 'Wed May 01 10:00:00 2024 UTC'])('timestamptz %s is refused with a reason', (text) => {
  expect(() => parseTimestamptz(text)).toThrow(/Unexpected timestamptz text/)
})

test('int8 becomes a number, and refuses to lose digits', () => {
  expect(parseInt8('9007199254740991')).toBe(9007199254740991)
  expect(parseInt8('-42')).toBe(-42)
  expect(() => parseInt8('9007199254740993')).toThrow(RangeError)
})

test.each(['vigil_changes', '_x', 'a1'])('channel %s is accepted', (name) => {
  expect(() => { assertChannelName(name) }).not.toThrow()
})

test.each(['', 'Vigil', '1a', 'a-b', 'a"b', 'x'.repeat(64)])('channel %j is refused', (name) => {
  expect(() => { assertChannelName(name) }).toThrow(/Invalid LISTEN channel/)
})
