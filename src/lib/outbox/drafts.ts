/**
 * Text a responder is writing, kept in localStorage as they type so a reload, a crash or
 * a closed tab loses nothing. A draft has an id: the change made from it is sent under
 * that id (its Idempotency-Key), so saving the same draft twice replaces the waiting change
 * instead of adding a second one, and the draft is cleared only once the server has that
 * very text.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { newChangeId } from './new-id'
import { readStored, subscribeStored, writeStored } from './storage'

export interface Draft {
  readonly id: string
  readonly text: string
}

/** The storage key of a draft: `draftKey('note', 'INC-10001')` → "vigil.draft.v1.note.INC-10001". */
export function draftKey(kind: string, scope: string): string {
  return `vigil.draft.v1.${kind}.${scope}`
}

export function parseDraft(raw: string | null): Draft | null {
  if (raw === null) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const { id, text } = value as Record<string, unknown>
    return typeof id === 'string' && id !== '' && typeof text === 'string' ? { id, text } : null
  } catch {
    return null
  }
}

export function readDraft(key: string): Draft | null {
  return parseDraft(readStored(key))
}

/** Saves the text as typed; an empty text removes the draft. The id survives edits. */
export function writeDraftText(key: string, text: string): Draft | null {
  if (text === '') {
    writeStored(key, null)
    return null
  }
  const draft = { id: readDraft(key)?.id ?? newChangeId(), text }
  writeStored(key, JSON.stringify(draft))
  return draft
}

/**
 * Called when the change made from draft `id` was saved with `sentText`. The draft goes
 * if it still holds exactly that text; if the responder kept typing meanwhile, their new
 * text stays, under a new id, so saving it makes a new change rather than replacing the
 * one just saved.
 */
export function draftSaved(key: string, id: string, sentText: string): void {
  const draft = readDraft(key)
  if (draft?.id !== id) return
  if (draft.text.trim() === sentText.trim()) writeStored(key, null)
  else writeStored(key, JSON.stringify({ id: newChangeId(), text: draft.text }))
}

/** The draft under `key`, shared by every component and tab that shows it. */
export function useDraft(key: string): { key: string; draft: Draft | null; setText: (text: string) => void } {
  const subscribe = useCallback((listener: () => void) => subscribeStored(key, listener), [key])
  // The stored text is the snapshot: a string compares by value, a parsed draft would not.
  const getSnapshot = useCallback(() => readStored(key), [key])
  const raw = useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
  const draft = useMemo(() => parseDraft(raw), [raw])
  const setText = useCallback(
    (text: string) => {
      writeDraftText(key, text)
    },
    [key],
  )
  return { key, draft, setText }
}
