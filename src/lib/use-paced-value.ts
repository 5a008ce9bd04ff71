import { useEffect, useLayoutEffect, useRef, useState } from 'react'

/**
 * Turns for expensive renders, handed out one per macrotask. Fifteen charts whose data
 * land in the same tick would otherwise render and commit together in one long task
 * (0.3 s for a 7-day /metrics page here), freezing input and paint; taking turns, each
 * renders in a task of its own and the browser can paint and answer input in between.
 */
interface Turn {
  grant: () => void
}

/** A holder that never commits (it threw, say) cannot stall every chart after it. */
const MAX_TURN_MS = 250

const waiting: Turn[] = []
let holder: Turn | null = null
let pumpTimer: ReturnType<typeof setTimeout> | null = null
let watchdog: ReturnType<typeof setTimeout> | null = null

function schedule(): void {
  if (pumpTimer === null && holder === null && waiting.length > 0) pumpTimer = setTimeout(pump, 0)
}

function pump(): void {
  pumpTimer = null
  if (holder !== null) return
  const next = waiting.shift()
  if (next === undefined) return
  holder = next
  watchdog = setTimeout(() => {
    release(next)
  }, MAX_TURN_MS)
  next.grant()
}

function request(turn: Turn): void {
  if (holder === turn || waiting.includes(turn)) return
  waiting.push(turn)
  schedule()
}

function release(turn: Turn): void {
  if (holder === turn) {
    holder = null
    if (watchdog !== null) clearTimeout(watchdog)
    watchdog = null
    schedule()
    return
  }
  const at = waiting.indexOf(turn)
  if (at !== -1) waiting.splice(at, 1)
}

/**
 * `value`, delivered when this component's turn comes: undefined until the first turn,
 * then the latest value as of each turn. The turn is held until the render it caused
 * has committed, so the next component renders in a later task. A value `isEqual` to
 * the one shown asks for no turn.
 */
export function usePacedValue<T>(value: T, isEqual: (a: T, b: T) => boolean = Object.is): T | undefined {
  const [shown, setShown] = useState<{ value: T } | undefined>(undefined)
  const latest = useRef(value)
  useLayoutEffect(() => {
    latest.current = value
  })
  const [turn] = useState<Turn>(() => ({
    grant: () => {
      setShown({ value: latest.current })
    },
  }))
  const behind = shown === undefined || !isEqual(shown.value, value)

  useEffect(() => {
    if (!behind) return
    request(turn)
    // Runs once the granted render has committed (or on unmount): the next may go.
    return () => {
      release(turn)
    }
  }, [behind, shown, turn])

  return shown?.value
}

/** Equal when both hold the same keys with identical (`Object.is`) values. */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  const keys = Object.keys(a) as (keyof T)[]
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && Object.is(a[key], b[key]))
}
