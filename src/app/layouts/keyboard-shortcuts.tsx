import { createContext, useContext, useState, type ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '@/components/ui/button'
import { DeclareIncidentDialog } from '@/features/declare/declare-dialog'
import { DESTINATIONS, type Command } from '@/lib/shortcuts/key-sequence'
import { ShortcutRegistryProvider, useShortcutRegistry } from '@/lib/shortcuts/shortcut-registry'
import { SEARCH_TARGET_SELECTOR, useShortcuts } from '@/lib/shortcuts/use-shortcuts'
import { ShortcutsDialog } from './shortcuts-dialog'

type Open = 'help' | 'declare' | null

const OpenHelpContext = createContext<(() => void) | null>(null)

/**
 * The desk layout's shortcuts: the registry pages add their commands to, the listener,
 * and what the layout itself answers — navigation, `/`, "Declare incident" and the
 * "Keyboard shortcuts" list.
 */
export function KeyboardShortcuts({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<Open>(null)
  const close = () => {
    setOpen(null)
  }
  return (
    <ShortcutRegistryProvider>
      <OpenHelpContext
        value={() => {
          setOpen('help')
        }}
      >
        {children}
      </OpenHelpContext>
      <LayoutShortcuts onOpen={setOpen} />
      {open === 'help' && <ShortcutsDialog onClose={close} />}
      {open === 'declare' && <DeclareIncidentDialog onClose={close} />}
    </ShortcutRegistryProvider>
  )
}

/** The visible way to the list, for those who do not know `?` yet. */
export function ShortcutsButton() {
  const openHelp = useContext(OpenHelpContext)
  if (openHelp === null) return null
  return (
    <Button size="sm" variant="ghost" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={openHelp}>
      Shortcuts
    </Button>
  )
}

function LayoutShortcuts({ onOpen }: { onOpen: (open: Open) => void }) {
  const navigate = useNavigate()
  const registry = useShortcutRegistry()

  useShortcuts((command: Command) => {
    if (typeof command === 'object') {
      void navigate(DESTINATIONS[command.go].to)
      return true
    }
    switch (command) {
      case 'help':
      case 'declare':
        onOpen(command)
        return true
      case 'search': {
        // The page's own search box, not one in the header.
        const target = document.getElementById('main')?.querySelector<HTMLElement>(SEARCH_TARGET_SELECTOR)
        if (target == null) return false
        target.focus()
        return true
      }
      default:
        return registry?.run(command) ?? false
    }
  })
  return null
}
