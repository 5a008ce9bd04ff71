import { createContext, use, type ReactNode } from 'react'

/**
 * What main.tsx learned before rendering: which backend this build talks to and
 * anything that went wrong on the way (dev build without config.json, mock worker failed), so the
 * app can say it on screen instead of failing silently.
 */
export interface Runtime {
  backend: 'mock' | 'http'
  problems: readonly string[]
}

const RuntimeContext = createContext<Runtime>({ backend: 'mock', problems: [] })

export function RuntimeProvider({ runtime, children }: { runtime: Runtime; children: ReactNode }) {
  return <RuntimeContext value={runtime}>{children}</RuntimeContext>
}

export function useRuntime(): Runtime {
  return use(RuntimeContext)
}
