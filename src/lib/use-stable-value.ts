import { useState } from 'react'

/**
 * `value`, but the previous object for as long as `isEqual` says nothing changed: a
 * recomputed array of the same numbers keeps its identity, so what memoises on it (a
 * memo component, a library that re-registers on new props) does no work.
 */
export function useStableValue<T>(value: T, isEqual: (a: T, b: T) => boolean): T {
  const [kept, setKept] = useState(value)
  if (kept !== value && !isEqual(kept, value)) {
    // Adjusting state while rendering: React re-renders at once, before committing.
    setKept(value)
    return value
  }
  return kept
}

/** Same length and the same numbers in order. */
export function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => Object.is(n, b[i]))
}
