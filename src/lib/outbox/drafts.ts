/**
 * Text a responder is writing, kept in localStorage as they type so a reload, a crash or
 * a closed tab loses nothing. A draft has an id: the change made from it is queued under
 * that id, so saving the same draft twice replaces the queued change instead of adding a
 * second one, and the draft is cleared only once the server has that very text.
 */
import { useCallback, useSyncExternalStore } from 'react'
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

const parsedCache = new Map<string, { raw: string | null; draft: Draft | null }>()

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
  const raw = readStored(key)
  const hit = parsedCache.get(key)
  if (hit?.raw === raw) return hit.draft
  const draft = parseDraft(raw)
  parsedCache.set(key, { raw, draft })
  return draft
}

/** Saves the text as typed; an empty text removes the draft. The id survives edits. */
export function writeDraftText(key: string, text: string): void {
  if (text === '') {
    writeStored(key, null)
    return
  }
  const id = readDraft(key)?.id ?? newChangeId()
  writeStored(key, JSON.stringify({ id, text }))
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
export function useDraft(key: string): { draft: Draft | null; setText: (text: string) => void } {
  const subscribe = useCallback((listener: () => void) => subscribeStored(key, listener), [key])
  const getSnapshot = useCallback(() => readDraft(key), [key])
  const draft = useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
  const setText = useCallback(
    (text: string) => {
      writeDraftText(key, text)
    },
    [key],
  )
  return { draft, setText }
}
