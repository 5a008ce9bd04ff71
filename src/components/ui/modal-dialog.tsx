import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[inert]'))
}

/**
 * Vigil's one modal dialog (declare, conflict, keyboard shortcuts): rendered over the
 * page, the page behind made inert, Tab kept inside, Escape closes (unless the dialog
 * must be answered), and focus goes back where it was when the dialog closes. Built on
 * role="dialog" rather than <dialog>.showModal() so it behaves the same in jsdom,
 * where showModal does not exist.
 */
export function ModalDialog({
  title,
  onDismiss,
  initialFocus,
  children,
}: {
  title: string
  /** Escape; pass undefined while (or where) the dialog must not be dismissed. */
  onDismiss: (() => void) | undefined
  /**
   * The control to focus first, or 'dialog' to focus the dialog itself (when no choice
   * should sit under Enter); otherwise the first focusable control.
   */
  initialFocus?: RefObject<HTMLElement | null> | 'dialog'
  children: ReactNode
}) {
  const headingId = useId()
  const panelRef = useRef<HTMLDivElement>(null)
  const hostRef = useRef<HTMLDivElement>(null)
  // Read by the key handler, which is installed once.
  const dismissRef = useRef(onDismiss)
  useEffect(() => {
    dismissRef.current = onDismiss
  })

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const host = hostRef.current
    // Everything else in <body> is out of reach while the dialog is open.
    const made: HTMLElement[] = []
    for (const el of document.body.children) {
      if (el instanceof HTMLElement && el !== host && !el.inert) {
        el.inert = true
        made.push(el)
      }
    }
    const panel = panelRef.current
    const first = initialFocus === 'dialog' ? panel : (initialFocus?.current ?? (panel ? focusables(panel)[0] : undefined))
    first?.focus()

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        dismissRef.current?.()
        return
      }
      if (e.key !== 'Tab' || panel === null) return
      const items = focusables(panel)
      const head = items[0]
      const tail = items[items.length - 1]
      if (head === undefined || tail === undefined) return
      const inside = document.activeElement instanceof Node && panel.contains(document.activeElement)
      if (e.shiftKey && (document.activeElement === head || !inside)) {
        e.preventDefault()
        tail.focus()
      } else if (!e.shiftKey && (document.activeElement === tail || !inside)) {
        e.preventDefault()
        head.focus()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      for (const el of made) el.inert = false
      if (opener?.isConnected) opener.focus()
    }
    // A ref object or a constant: stable, so this runs once per opening.
  }, [initialFocus])

  return createPortal(
    <div ref={hostRef} className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-zinc-950/50 p-4 sm:p-8">
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        className="w-full max-w-2xl rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id={headingId} className="mb-3 text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  )
}
