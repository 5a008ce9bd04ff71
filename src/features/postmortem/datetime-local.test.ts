import { fromLocalInputValue, toLocalInputValue } from './datetime-local'

test('a local date-time from the input round-trips through the ISO instant the API stores', () => {
  const iso = fromLocalInputValue('2026-11-28T10:00')
  expect(iso).not.toBeNull()
  expect(new Date(iso ?? '').getHours()).toBe(10)
  expect(toLocalInputValue(iso)).toBe('2026-11-28T10:00')
})

test.each(['', '2026-11-28', '2026-02-31T10:00', 'tomorrow', '2026-11-28T25:00', '2026-11-28T10:60'])('%j is not a date-time to save', (value) => {
  expect(fromLocalInputValue(value)).toBeNull()
})

test.each([null, 'not a date'])('%j shows as an empty input', (iso) => {
  expect(toLocalInputValue(iso)).toBe('')
})
