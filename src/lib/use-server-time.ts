import { useStore } from 'zustand'
import { serverNow, serverSkewStore, skewOf } from '@/api/server-time'
import { useNow } from './use-now'

/**
 * Server minus browser time in ms (0 under a second), in whole seconds so that a new
 * reading that does not move it re-renders nothing.
 */
export function useServerSkew(): number {
  return useStore(serverSkewStore, (estimate) => Math.round(skewOf(estimate) / 1000) * 1000)
}

/**
 * The server's "now", re-rendering every `intervalMs` and as soon as the skew estimate
 * moves (the first response of a page whose browser clock is 5 minutes off).
 */
export function useServerTime(intervalMs = 1000): number {
  const tick = useNow(intervalMs)
  useServerSkew()
  return serverNow(tick)
}
