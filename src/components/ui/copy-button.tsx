import { useEffect, useRef, useState, type RefObject } from 'react'
import { Button, type ButtonProps } from './button'

/**
 * Writes `text` with the async clipboard API. False when there is none (plain http,
 * an old browser) or the browser refuses (no permission, document not focused): the
 * caller then falls back to selecting the text for the responder to copy by hand.
 */
export async function writeToClipboard(text: string): Promise<boolean> {
  // Typed as always present, but absent outside secure contexts.
  const clipboard = (navigator as Partial<Navigator>).clipboard
  if (clipboard === undefined || typeof clipboard.writeText !== 'function') return false
  try {
    await clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** Selects an element's text (a text box's value, or the element's contents) so Ctrl+C copies it. */
export function selectText(element: HTMLElement): void {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
    element.focus()
    element.select()
    return
  }
  const selection = window.getSelection()
  if (selection === null) return
  const range = document.createRange()
  range.selectNodeContents(element)
  selection.removeAllRanges()
  selection.addRange(range)
}

function manualCopyHint(): string {
  const apple = /Mac|iPhone|iPad/.test(navigator.userAgent)
  return apple ? 'Press ⌘C to copy' : 'Press Ctrl+C to copy'
}

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; hint: string }

/** How long a confirmation stays; the manual hint stays longer, the responder still has to act on it. */
const COPIED_MS = 2_500
const MANUAL_MS = 10_000

export interface CopyButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  text: string
  /** The text's element, selected when the clipboard is unavailable. */
  target: RefObject<HTMLElement | null>
  /** The accessible name, saying what is copied: "Copy: Check logs". Visible text stays "Copy". */
  label?: string
}

/**
 * Copies `text` in one click and says so ("Copied"). Where the clipboard is missing or
 * refuses, it selects the text on screen and says how to copy it instead, so a
 * responder is never left wondering whether the command is on the clipboard.
 */
export function CopyButton({ text, target, label = 'Copy', size = 'sm', ...props }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  // A click while an earlier copy is still settling must not be overwritten by it.
  const attempt = useRef(0)

  useEffect(() => {
    if (outcome.kind === 'idle') return
    const timer = setTimeout(
      () => {
        setOutcome({ kind: 'idle' })
      },
      outcome.kind === 'copied' ? COPIED_MS : MANUAL_MS,
    )
    return () => {
      clearTimeout(timer)
    }
  }, [outcome])

  async function copy() {
    const mine = ++attempt.current
    const ok = await writeToClipboard(text)
    if (mine !== attempt.current) return
    if (ok) {
      setOutcome({ kind: 'copied' })
      return
    }
    if (target.current !== null) selectText(target.current)
    setOutcome({ kind: 'manual', hint: manualCopyHint() })
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size={size}
        aria-label={label}
        onClick={() => {
          void copy()
        }}
        {...props}
      >
        Copy
      </Button>
      {outcome.kind !== 'idle' && (
        <span
          role="status"
          className={
            outcome.kind === 'copied'
              ? 'text-xs font-medium text-emerald-800 dark:text-emerald-300'
              : 'text-xs font-medium text-amber-900 dark:text-amber-200'
          }
        >
          {outcome.kind === 'copied' ? (
            <>
              <span aria-hidden="true">✓ </span>Copied
            </>
          ) : (
            outcome.hint
          )}
        </span>
      )}
    </span>
  )
}
