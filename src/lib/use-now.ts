import { useCallback, useSyncExternalStore } from 'react'

/**
 * One shared clock per period: every component asking for `useNow(1000)` re-renders
 * on the same tick, so clocks on one screen never disagree by a second and a wall
 * with fifty clocks runs one timer, not fifty.
 */
interface Ticker {
  now: number
  listeners: Set<() => void>
  timer: ReturnType<typeof setInterval> | null
}

const tickers = new Map<number, Ticker>()

function tickerFor(intervalMs: number): Ticker {
  let ticker = tickers.get(intervalMs)
  if (ticker === undefined) {
    ticker = { now: Date.now(), listeners: new Set(), timer: null }
    tickers.set(intervalMs, ticker)
  }
  return ticker
}

function subscribeTo(intervalMs: number, listener: () => void): () => void {
  const ticker = tickerFor(intervalMs)
  ticker.listeners.add(listener)
  if (ticker.timer === null) {
    // The snapshot may be old if nobody was listening: start from the real time.
    ticker.now = Date.now()
    ticker.timer = setInterval(() => {
      ticker.now = Date.now()
      for (const l of ticker.listeners) l()
    }, intervalMs)
  }
  return () => {
    ticker.listeners.delete(listener)
    if (ticker.listeners.size === 0) {
      if (ticker.timer !== null) clearInterval(ticker.timer)
      tickers.delete(intervalMs)
    }
  }
}

/** The browser's current time in ms, re-rendering the caller every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const subscribe = useCallback((listener: () => void) => subscribeTo(intervalMs, listener), [intervalMs])
  const getSnapshot = useCallback(() => tickerFor(intervalMs).now, [intervalMs])
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
}
