/**
 * A responder's edits to the three messages, per incident, kept in localStorage so a
 * reload, a refetch of the incident or another tab never loses them. A message with
 * no draft follows its template (and so the incident's latest fields); a draft is
 * frozen text until "Reset to template" removes it.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { MESSAGE_TEMPLATE_IDS, type MessageTemplateId } from '@/domain/runbook'
import { readStored, subscribeStored, writeStored } from '@/lib/outbox/storage'

export interface MessageDrafts {
  readonly texts: Readonly<Partial<Record<MessageTemplateId, string>>>
  /** The ETA as typed for the status update; "" when none. */
  readonly eta: string
}

export const NO_DRAFTS: MessageDrafts = { texts: {}, eta: '' }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function draftsKey(incidentId: string): string {
  return `vigil.message-drafts.v1:${incidentId}`
}

/** Whatever is stored, as drafts; anything unreadable (an old format, a hand edit) as none. */
export function parseDrafts(raw: string | null): MessageDrafts {
  if (raw === null) return NO_DRAFTS
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return NO_DRAFTS
  }
  if (!isRecord(value)) return NO_DRAFTS
  const texts: Partial<Record<MessageTemplateId, string>> = {}
  // Field by field: one unreadable entry (a template id since renamed) does not lose the others.
  if (isRecord(value.texts)) {
    for (const id of MESSAGE_TEMPLATE_IDS) {
      const text = value.texts[id]
      if (typeof text === 'string') texts[id] = text
    }
  }
  return { texts, eta: typeof value.eta === 'string' ? value.eta : '' }
}

/** The stored form, or null when there is nothing to keep (so the key is removed, not left empty). */
export function serializeDrafts(drafts: MessageDrafts): string | null {
  const hasText = Object.keys(drafts.texts).length > 0
  return hasText || drafts.eta !== '' ? JSON.stringify(drafts) : null
}

export function withText(drafts: MessageDrafts, id: MessageTemplateId, text: string | null): MessageDrafts {
  const texts = Object.fromEntries(Object.entries(drafts.texts).filter(([key]) => key !== id))
  return { ...drafts, texts: text === null ? texts : { ...texts, [id]: text } }
}

export function useMessageDrafts(incidentId: string) {
  const key = draftsKey(incidentId)
  const subscribe = useCallback((listener: () => void) => subscribeStored(key, listener), [key])
  const getSnapshot = useCallback(() => readStored(key), [key])
  const raw = useSyncExternalStore(subscribe, getSnapshot, getSnapshot)
  const drafts = useMemo(() => parseDrafts(raw), [raw])

  // Read-modify-write from storage, not from the render's copy: two quick edits must not drop one.
  const update = useCallback(
    (change: (d: MessageDrafts) => MessageDrafts) => {
      writeStored(key, serializeDrafts(change(parseDrafts(readStored(key)))))
    },
    [key],
  )
  const setText = useCallback((id: MessageTemplateId, text: string) => {
    update((d) => withText(d, id, text))
  }, [update])
  const resetText = useCallback((id: MessageTemplateId) => {
    update((d) => withText(d, id, null))
  }, [update])
  const setEta = useCallback((eta: string) => {
    update((d) => ({ ...d, eta }))
  }, [update])

  return { drafts, setText, resetText, setEta }
}
