import { useEffect, useId, useState } from 'react'
import { SEARCH_TARGET } from '@/lib/shortcuts/use-shortcuts'
import { controlClass } from '@/components/ui/control-class'

export const SEARCH_DEBOUNCE_MS = 150

/**
 * Free-text filter. What is typed shows at once; the URL (and so the filtering of
 * thousands of rows) follows after a pause in typing.
 */
export function SearchBox({ value, onCommit }: { value: string; onCommit: (text: string) => void }) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  // The last value this box wrote; a different value arriving means the URL changed elsewhere.
  const [written, setWritten] = useState(value)
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    setSeen(value)
    // Cleared by "Clear filters" or a new link: show it. Our own write echoing back is not news.
    if (value !== written) {
      setDraft(value)
      setWritten(value)
    }
  }

  useEffect(() => {
    if (draft.trim() === value.trim()) return
    const timer = setTimeout(() => {
      setWritten(draft.trim())
      onCommit(draft)
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [draft, value, onCommit])

  return (
    <div className="flex min-w-48 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Search
      </label>
      <input
        id={id}
        type="search"
        {...SEARCH_TARGET}
        aria-keyshortcuts="/"
        value={draft}
        placeholder="ID, title, service, person…"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setDraft(e.target.value)
        }}
        className={controlClass}
      />
    </div>
  )
}
