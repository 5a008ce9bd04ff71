import { useRef, type KeyboardEvent, type SyntheticEvent } from 'react'
import { Button } from '@/components/ui/button'
import { useAddNote } from '@/lib/incident-mutations/use-incident-mutation'
import { problemOf, useUnsavedChanges } from '@/lib/incident-mutations/use-unsaved-changes'
import { draftKey, useDraft } from '@/lib/outbox/drafts'
import { useShortcut } from '@/lib/shortcuts/shortcut-registry'
import { SaveAlert } from './save-alert'
import { TextArea } from './text-field'

/**
 * "Note" and "Add note" (Ctrl/Cmd+Enter). The text is a draft in localStorage from the
 * first keystroke, so a reload or a failed save loses nothing; it is cleared only once
 * the server has the note. A note that could not be sent stays in the box and waits under
 * Unsaved changes; its key is the draft's id, so saving it again replaces the waiting one
 * rather than adding a second, and the server stores it once however often it arrives.
 */
export function NoteForm({ incidentId }: { incidentId: string }) {
  const key = draftKey('note', incidentId)
  const { draft, setText } = useDraft(key)
  const addNote = useAddNote(incidentId)
  const text = draft?.text ?? ''
  // Also after a reload, when this form has made no save yet: the note may still wait.
  const unsaved = useUnsavedChanges(incidentId).find((u) => u.vars.key === draft?.id)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  // `n`: straight to the note box from anywhere on the incident.
  useShortcut('note', () => {
    noteRef.current?.focus()
  })

  const submit = () => {
    if (draft === null || text.trim() === '' || addNote.isPending) return
    addNote.save(text, { key: draft.id, drafts: [{ key, id: draft.id, text }] })
  }

  const onSubmit = (e: SyntheticEvent) => {
    e.preventDefault()
    submit()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      submit()
    }
  }

  const status = addNote.problem ?? (unsaved === undefined ? null : problemOf(unsaved))

  return (
    <form onSubmit={onSubmit} aria-label="Add a note" className="flex flex-col gap-2">
      <TextArea
        ref={noteRef}
        label="Note"
        rows={3}
        value={text}
        placeholder="What you checked, what you found, what you did…"
        aria-keyshortcuts="Control+Enter Meta+Enter"
        onChange={(e) => {
          setText(e.target.value)
          if (addNote.failure === 'rejected') addNote.reset()
        }}
        onKeyDown={onKeyDown}
      />
      <SaveAlert text={status} tone={unsaved?.kind === 'rejected' ? 'error' : 'pending'} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={text.trim() === '' || addNote.isPending}>
          {addNote.isPending ? 'Adding…' : 'Add note'}
        </Button>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">Ctrl+Enter (⌘+Enter) adds the note. Drafts are kept if you reload.</span>
      </div>
    </form>
  )
}
