/**
 * A follow-up being edited in place: the form's values as typed, and how they become the
 * item that is saved. The list is saved whole (PATCH followUps), so an edit is the list
 * with one item replaced.
 */
import type { FollowUp } from '@/api/schemas'

/** What the edit form holds: text as typed, and '' for an empty owner or due date. */
export interface FollowUpDraft {
  text: string
  owner: string
  due: string
}

/** A draft kept as text (a new follow-up's form, in localStorage); anything unreadable as none. */
export function parseFollowUpDraft(text: string | undefined): FollowUpDraft | null {
  try {
    const v: unknown = text === undefined ? null : JSON.parse(text)
    if (typeof v !== 'object' || v === null) return null
    const { text: t, owner, due } = v as Record<string, unknown>
    return typeof t === 'string' && typeof owner === 'string' && typeof due === 'string' ? { text: t, owner, due } : null
  } catch {
    return null
  }
}

export function followUpDraft(f: Pick<FollowUp, 'text' | 'owner' | 'due'>): FollowUpDraft {
  return { text: f.text, owner: f.owner, due: f.due ?? '' }
}

/** The item with the draft's values: text and owner trimmed, no due date as null; `done` stays. */
export function applyFollowUpDraft(f: FollowUp, draft: FollowUpDraft): FollowUp {
  return { ...f, text: draft.text.trim(), owner: draft.owner.trim(), due: draft.due.trim() === '' ? null : draft.due }
}

/** True when two versions of an item say the same thing (text, owner, due date; `done` is the checkbox's). */
export function sameFollowUpFields(a: FollowUp, b: FollowUp): boolean {
  return a.text === b.text && a.owner === b.owner && a.due === b.due
}

/** True when saving the draft would change nothing: what the server has is already what was typed. */
export function draftMatches(f: FollowUp, draft: FollowUpDraft): boolean {
  return sameFollowUpFields(f, applyFollowUpDraft(f, draft))
}

/** The list with `edited` in place of the item with its id, everything else as it is. */
export function replaceFollowUp(list: readonly FollowUp[], edited: FollowUp): FollowUp[] {
  return list.map((f) => (f.id === edited.id ? edited : f))
}

export type FollowUpField = 'text' | 'owner' | 'due'
const FIELDS: readonly FollowUpField[] = ['text', 'owner', 'due']

export interface RebasedDraft {
  draft: FollowUpDraft
  /** Fields both sides changed, to different values: saving the draft would replace theirs. */
  conflicts: FollowUpField[]
}

/**
 * The draft moved onto `current` when someone saved the item after the editor opened from
 * `base`: fields the responder left alone take the new values, fields they changed keep
 * theirs. Where both changed a field to different values, that field is a conflict.
 */
export function rebaseFollowUpDraft(base: FollowUp, current: FollowUp, draft: FollowUpDraft): RebasedDraft {
  const mine = applyFollowUpDraft(base, draft)
  const now = followUpDraft(current)
  const next = { ...draft }
  const conflicts: FollowUpField[] = []
  for (const field of FIELDS) {
    if (mine[field] === base[field]) next[field] = now[field]
    else if (current[field] !== base[field] && current[field] !== mine[field]) conflicts.push(field)
  }
  return { draft: next, conflicts }
}
