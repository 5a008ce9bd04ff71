import { useEffect, useRef } from 'react'
import { interpretKey, type Command, type SequenceState } from './key-sequence'

/** Where typed characters are text, not commands. */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])'
/** Controls that Enter already activates: Enter there is theirs, not "open the selection". */
const ACTIVATES_ON_ENTER = 'a[href], button, summary, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]'
/** Any open dialog, native or ARIA: shortcuts wait until it closes. */
const OPEN_DIALOG = 'dialog[open], [role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]'

/** Marks an element as the page's search or filter, the target of `/`. Spread it on the input. */
export const SEARCH_TARGET = { 'data-shortcut-search': '' } as const
export const SEARCH_TARGET_SELECTOR = '[data-shortcut-search]'

function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null
}

/**
 * Listens for Vigil's shortcuts on the document and hands each command to `onCommand`,
 * which returns whether something answered it (then the key's default is prevented).
 * Keys typed into a field, with Ctrl/Alt/Meta, or while a dialog is open are left alone.
 */
export function useShortcuts(onCommand: (command: Command) => boolean) {
  const latest = useRef(onCommand)
  useEffect(() => {
    latest.current = onCommand
  })

  useEffect(() => {
    let state: SequenceState = null
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return
      if (isTyping(e.target) || document.querySelector(OPEN_DIALOG) !== null) {
        state = null
        return
      }
      // The event's own time: monotonic, and what the responder's key press really was.
      const next = interpretKey(state, e.key, e.timeStamp)
      state = next.state
      const command = next.command
      if (command === null) return
      // Holding j or k runs down the list; holding `e` must not escalate again and again.
      if (e.repeat && command !== 'next' && command !== 'previous') return
      if (command === 'open' && e.target instanceof Element && e.target.closest(ACTIVATES_ON_ENTER) !== null) return
      if (latest.current(command)) e.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [])
}
