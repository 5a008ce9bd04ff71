import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import type { FollowUp, Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { CheckboxField } from '@/components/ui/checkbox-field'
import { focusRing } from '@/components/ui/focus'
import { SaveError } from '@/lib/incident-mutations/save-change'
import { useEditIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { newChangeId } from '@/lib/outbox/new-id'
import { applyFollowUpDraft, draftMatches, followUpDraft, rebaseFollowUpDraft, replaceFollowUp, sameFollowUpFields, type FollowUpDraft } from './follow-up-edit'

const inputClass = `h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100 ${focusRing}`

/** "@priya · due 2026-12-01", or what is missing in words. */
export function followUpDetails(f: Pick<FollowUp, 'owner' | 'due'>): string {
  const owner = f.owner.trim() === '' ? 'No owner' : f.owner
  const due = f.due === null || f.due.trim() === '' ? 'no due date' : `due ${f.due}`
  return `${owner} · ${due}`
}

/**
 * The action items that come out of the incident: what, who, by when, done. The list is
 * saved whole (PATCH followUps) against the version it was edited from, so two people
 * editing it at once get the conflict dialog instead of losing an item. An item's text,
 * owner and due date are edited in place (Edit, then Enter saves and Escape cancels).
 */
export function FollowUps({ incident }: { incident: Incident }) {
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">Follow-up actions</h3>
      {incident.followUps.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No follow-up actions yet.</p>
      ) : (
        <ul aria-label="Follow-up actions" className="flex flex-col gap-2">
          {incident.followUps.map((f) => (
            <FollowUpItem key={f.id} incident={incident} followUp={f} />
          ))}
        </ul>
      )}
      <AddFollowUp incident={incident} />
    </div>
  )
}

function FollowUpItem({ incident, followUp }: { incident: Incident; followUp: FollowUp }) {
  // One mutation for the checkbox and Remove, another for the text edit: each shows its own problem.
  const edit = useEditIncident(incident.id)
  const rename = useEditIncident(incident.id)
  const [editing, setEditing] = useState<Editing | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const textBox = useRef<HTMLInputElement>(null)
  // Focus moves only after the render that shows its target; an effect picks it up.
  const pendingFocus = useRef<'button' | 'text' | null>(null)
  useEffect(() => {
    const target = pendingFocus.current
    pendingFocus.current = null
    if (target === 'button') editButton.current?.focus()
    if (target === 'text' && textBox.current) {
      const box = textBox.current
      box.focus()
      box.setSelectionRange(box.value.length, box.value.length)
    }
  })
  const label = followUp.text.trim() === '' ? '(no description)' : followUp.text
  const busy = edit.isPending || rename.isPending

  const open = () => {
    if (busy) return
    // An earlier edit still waiting (queued for retry, or in the conflict dialog) keeps its
    // problem showing in the editor: saving again is the responder's answer to it.
    setEditing({ draft: followUpDraft(followUp), base: followUp, problem: null })
    pendingFocus.current = 'text'
  }

  const close = () => {
    // A refused edit is over once it is cancelled; one queued for retry or waiting in the
    // conflict dialog still is, so its problem stays on the item.
    if (rename.failure === 'rejected') rename.reset()
    setEditing(null)
    pendingFocus.current = 'button'
  }

  const save = (current: Editing) => {
    let { draft, base } = current
    if (draft.text.trim() === '') {
      setEditing({ draft, base, problem: 'Describe the follow-up: an empty one cannot be saved.' })
      return
    }
    if (!sameFollowUpFields(base, followUp)) {
      // Someone saved this item since the editor opened, and the list goes whole with the
      // version that already has their edit: no 412 would catch it. Keep what they changed
      // where the responder did not; where both changed a field, say so once, and a
      // second save means "replace theirs".
      const rebased = rebaseFollowUpDraft(base, followUp, draft)
      if (rebased.conflicts.length > 0) {
        const problem = `Changed by someone else while you edited: now “${label}” (${followUpDetails(followUp)}). Save again to replace it with yours, or press Escape to keep theirs.`
        setEditing({ draft: rebased.draft, base: followUp, problem })
        return
      }
      draft = rebased.draft
      base = followUp
    }
    if (draftMatches(followUp, draft)) {
      close()
      return
    }
    // The edit shows on the item at once (optimistic); a failed save brings the editor
    // back with the draft, and the item's old values return.
    setEditing(null)
    pendingFocus.current = 'button'
    rename.saveAsync({ followUps: replaceFollowUp(incident.followUps, applyFollowUpDraft(followUp, draft)) }).catch(() => {
      setEditing({ draft, base, problem: null })
      // Back into the text box only if focus is still where the save left it: a responder
      // who has moved on keeps their place, and the alert still says what happened.
      const active = document.activeElement
      if (active === editButton.current || active === null || active === document.body) pendingFocus.current = 'text'
    })
  }

  if (editing !== null) {
    return (
      <li>
        <FollowUpEditor
          label={label}
          editing={editing}
          problem={editing.problem ?? rename.problem}
          textBox={textBox}
          onChange={(draft) => {
            setEditing({ ...editing, draft })
          }}
          onSave={() => {
            save(editing)
          }}
          onCancel={close}
        />
      </li>
    )
  }

  return (
    <li className="flex items-start justify-between gap-2">
      <CheckboxField
        label={label}
        checked={followUp.done}
        busy={busy}
        problem={edit.problem ?? rename.problem}
        hint={followUpDetails(followUp)}
        onChange={(done) => {
          edit.save({ followUps: incident.followUps.map((f) => (f.id === followUp.id ? { ...f, done } : f)) })
        }}
      />
      <div className="flex shrink-0 gap-1">
        <Button
          ref={editButton}
          size="sm"
          variant="ghost"
          aria-label={`Edit follow-up: ${label}`}
          // Not `disabled`: a disabled button drops keyboard focus, and focus rests here while the edit saves.
          aria-disabled={busy || undefined}
          onClick={open}
        >
          Edit
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Remove follow-up: ${label}`}
          disabled={busy}
          onClick={() => {
            edit.save({ followUps: incident.followUps.filter((f) => f.id !== followUp.id) })
          }}
        >
          Remove
        </Button>
      </div>
    </li>
  )
}

interface Editing {
  draft: FollowUpDraft
  /** The item as it was when the editor opened, to notice someone else's edit meanwhile. */
  base: FollowUp
  /** A problem found before sending (empty text, an edit by someone else); null when none. */
  problem: string | null
}

interface FollowUpEditorProps {
  label: string
  editing: Editing
  problem: string | null
  textBox: RefObject<HTMLInputElement | null>
  onChange: (draft: FollowUpDraft) => void
  onSave: () => void
  onCancel: () => void
}

/** The item's text, owner and due date as a small form: Enter saves, Escape cancels. */
function FollowUpEditor({ label, editing, problem, textBox, onChange, onSave, onCancel }: FollowUpEditorProps) {
  const ids = { text: useId(), owner: useId(), due: useId(), people: useId(), problem: useId(), keys: useId() }
  const { draft } = editing
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    onCancel()
  }
  return (
    <form
      aria-label={`Edit follow-up: ${label}`}
      className="flex flex-wrap items-end gap-2 rounded-md border border-zinc-300 p-2 dark:border-zinc-700"
      onSubmit={(e) => {
        e.preventDefault()
        onSave()
      }}
    >
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor={ids.text} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Follow-up text
        </label>
        <input
          ref={textBox}
          id={ids.text}
          className={inputClass}
          value={draft.text}
          maxLength={2000}
          aria-invalid={draft.text.trim() === '' || undefined}
          aria-describedby={problem === null ? ids.keys : `${ids.problem} ${ids.keys}`}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            onChange({ ...draft, text: e.target.value })
          }}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.owner} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Follow-up owner
        </label>
        <input
          id={ids.owner}
          className={`${inputClass} w-36`}
          list={ids.people}
          value={draft.owner}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            onChange({ ...draft, owner: e.target.value })
          }}
        />
        <PeopleOptions id={ids.people} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.due} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Follow-up due date
        </label>
        <input
          id={ids.due}
          type="date"
          className={inputClass}
          value={draft.due}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            onChange({ ...draft, due: e.target.value })
          }}
        />
      </div>
      <div className="flex gap-1">
        <Button type="submit" size="md" variant="primary" onKeyDown={onKeyDown}>
          Save
        </Button>
        <Button size="md" variant="ghost" onKeyDown={onKeyDown} onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <p id={ids.keys} className="w-full text-xs text-zinc-600 dark:text-zinc-400">
        Enter saves, Escape cancels.
      </p>
      {problem !== null && (
        <p id={ids.problem} role="alert" className="w-full text-xs text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
    </form>
  )
}

/** The roster's handles as suggestions for an owner field. */
function PeopleOptions({ id }: { id: string }) {
  const roster = useQuery(rosterQueries.current())
  const people = roster.data?.levels.flatMap((l) => l.people) ?? []
  return (
    <datalist id={id}>
      {people.map((p) => (
        <option key={p.id} value={p.handle}>
          {p.name}
        </option>
      ))}
    </datalist>
  )
}

const EMPTY: FollowUpDraft = { text: '', owner: '', due: '' }

function AddFollowUp({ incident }: { incident: Incident }) {
  const edit = useEditIncident(incident.id)
  const [draft, setDraft] = useState<FollowUpDraft>(EMPTY)
  const ids = { text: useId(), owner: useId(), due: useId(), people: useId() }

  const add = () => {
    const item: FollowUp = { id: newChangeId(), text: draft.text.trim(), owner: draft.owner.trim(), due: draft.due === '' ? null : draft.due, done: false }
    edit
      .saveAsync({ followUps: [...incident.followUps, item] })
      .then(() => {
        setDraft(EMPTY)
      })
      .catch((e: unknown) => {
        // Queued for retry: the outbox holds the item now, so the form may let it go.
        // On a conflict or refusal the typed text stays for the responder to try again.
        if (e instanceof SaveError && e.failure === 'queued') setDraft(EMPTY)
      })
  }

  return (
    <form
      aria-label="Add follow-up"
      className="flex flex-wrap items-end gap-2 border-t border-zinc-200 pt-2 dark:border-zinc-800"
      onSubmit={(e) => {
        e.preventDefault()
        if (draft.text.trim() !== '') add()
      }}
    >
      <div className="flex min-w-48 flex-1 flex-col gap-1">
        <label htmlFor={ids.text} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Action
        </label>
        <input
          id={ids.text}
          className={inputClass}
          value={draft.text}
          required
          maxLength={2000}
          onChange={(e) => {
            setDraft({ ...draft, text: e.target.value })
          }}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.owner} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Owner
        </label>
        <input
          id={ids.owner}
          className={`${inputClass} w-36`}
          list={ids.people}
          value={draft.owner}
          onChange={(e) => {
            setDraft({ ...draft, owner: e.target.value })
          }}
        />
        <PeopleOptions id={ids.people} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.due} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Due date
        </label>
        <input
          id={ids.due}
          type="date"
          className={inputClass}
          value={draft.due}
          onChange={(e) => {
            setDraft({ ...draft, due: e.target.value })
          }}
        />
      </div>
      <Button type="submit" size="md" disabled={draft.text.trim() === '' || edit.isPending}>
        {edit.isPending ? 'Adding…' : 'Add follow-up'}
      </Button>
      {edit.problem !== null && (
        <p role="alert" className="w-full text-xs text-red-800 dark:text-red-300">
          {edit.problem}
        </p>
      )}
    </form>
  )
}
