import { renderHook } from '@testing-library/react'
import { sameNumbers, useStableValue } from './use-stable-value'

test('an equal value keeps the first object; a different one replaces it', () => {
  const first = [0, 1, 2]
  const { result, rerender } = renderHook(({ value }) => useStableValue(value, sameNumbers), { initialProps: { value: first } })
  expect(result.current).toBe(first)
  rerender({ value: [0, 1, 2] })
  expect(result.current).toBe(first)
  const changed = [0, 1, 3]
  rerender({ value: changed })
  expect(result.current).toBe(changed)
  rerender({ value: [0, 1, 3] })
  expect(result.current).toBe(changed)
})

test.each([
  [[1, 2], [1, 2], true],
  [[1, 2], [1, 2, 3], false],
  [[1, 2], [2, 1], false],
  [[], [], true],
  [[Number.NaN], [Number.NaN], true],
] as const)('sameNumbers(%j, %j) is %s', (a, b, expected) => {
  expect(sameNumbers(a, b)).toBe(expected)
})
