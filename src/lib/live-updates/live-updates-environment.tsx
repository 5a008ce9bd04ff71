import { createContext, use, type ReactNode } from 'react'
import type { EventSourceConstructor } from './event-source-like'

/**
 * What the live updates take from the outside world, so tests can replace it: the
 * EventSource constructor (undefined = the platform's, null = none) and the randomness
 * of the reconnect jitter.
 */
export interface LiveUpdatesEnvironment {
  EventSource?: EventSourceConstructor | null
  random?: () => number
}

const LiveUpdatesEnvironmentContext = createContext<LiveUpdatesEnvironment>({})

export function LiveUpdatesEnvironmentProvider({ value, children }: { value: LiveUpdatesEnvironment; children: ReactNode }) {
  return <LiveUpdatesEnvironmentContext value={value}>{children}</LiveUpdatesEnvironmentContext>
}

export function useLiveUpdatesEnvironment(): LiveUpdatesEnvironment {
  return use(LiveUpdatesEnvironmentContext)
}
