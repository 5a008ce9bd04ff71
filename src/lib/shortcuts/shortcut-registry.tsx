import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { PageCommand } from './key-sequence'

type Handler = () => void

export interface ShortcutRegistry {
  /** Adds a handler for a page command; the newest registration answers. Returns its removal. */
  register: (command: PageCommand, handler: Handler) => () => void
  /** Runs the page's handler for the command; false when no page answers it here. */
  run: (command: PageCommand) => boolean
}

const RegistryContext = createContext<ShortcutRegistry | null>(null)

function createRegistry(): ShortcutRegistry {
  const handlers = new Map<PageCommand, Handler[]>()
  return {
    register(command, handler) {
      handlers.set(command, [...(handlers.get(command) ?? []), handler])
      return () => {
        handlers.set(
          command,
          (handlers.get(command) ?? []).filter((h) => h !== handler),
        )
      }
    },
    run(command) {
      const list = handlers.get(command) ?? []
      const handler = list[list.length - 1]
      if (handler === undefined) return false
      handler()
      return true
    },
  }
}

/** One registry per layout instance (not per module), so tests and tabs never share one. */
export function ShortcutRegistryProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(createRegistry)
  return <RegistryContext value={registry}>{children}</RegistryContext>
}

export function useShortcutRegistry(): ShortcutRegistry | null {
  return useContext(RegistryContext)
}

/**
 * Lets a page answer a page command (`j`, `a`, `n`…) while it is mounted and `enabled`.
 * Outside the desk layout (a component rendered alone in a test) it does nothing.
 */
export function useShortcut(command: PageCommand, handler: Handler, enabled = true) {
  const registry = useShortcutRegistry()
  // The latest handler, read when the key arrives: no re-registration on every render.
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    if (registry === null || !enabled) return
    return registry.register(command, () => {
      latest.current()
    })
  }, [registry, command, enabled])
}
