import { formatZonedTime } from './format-time'

const AT = Date.parse('2026-12-03T15:40:12.345Z')

test.each([
  ['UTC', '2026-12-03 15:40:12 UTC+00:00'],
  ['Europe/London', '2026-12-03 15:40:12 UTC+00:00'],
  ['Europe/Berlin', '2026-12-03 16:40:12 UTC+01:00'],
  ['Asia/Kolkata', '2026-12-03 21:10:12 UTC+05:30'],
  ['America/St_Johns', '2026-12-03 12:10:12 UTC-03:30'],
  ['Pacific/Kiritimati', '2026-12-04 05:40:12 UTC+14:00'],
])('in %s the exact time reads %j', (zone, expected) => {
  expect(formatZonedTime(AT, zone)).toBe(expected)
})

test('summer time moves the offset', () => {
  expect(formatZonedTime(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01 14:00:00 UTC+02:00')
})

test('midnight is 00, never 24', () => {
  expect(formatZonedTime(Date.parse('2026-12-03T23:00:05Z'), 'Europe/Berlin')).toBe('2026-12-04 00:00:05 UTC+01:00')
})

test("without a zone it is the browser's", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  expect(formatZonedTime(AT)).toBe(formatZonedTime(AT, zone))
})
