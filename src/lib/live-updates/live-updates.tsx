import { createContext, use, type ReactNode } from 'react'
import type { LiveConnection } from './connection-state'
import { useLiveUpdates } from './use-live-updates'

const LiveConnectionContext = createContext<LiveConnection>({ kind: 'unsupported' })

/**
 * Runs the live updates for everything inside it (app/providers.tsx wraps every route in
 * it, the wall included) and tells descendants where the stream stands.
 */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const connection = useLiveUpdates()
  return <LiveConnectionContext value={connection}>{children}</LiveConnectionContext>
}

/** Where the live-update stream stands, for a status indicator ("Live" / "Polling"). */
export function useLiveConnection(): LiveConnection {
  return use(LiveConnectionContext)
}
