import { useEffect, useRef, useState } from 'react'
import type { FollowUp, Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { CheckboxField } from '@/components/ui/checkbox-field'
import { useEditIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { AddFollowUp } from './add-follow-up'
import { applyFollowUpDraft, draftMatches, followUpDraft, rebaseFollowUpDraft, replaceFollowUp, sameFollowUpFields } from './follow-up-edit'
import { FollowUpEditor, type Editing } from './follow-up-editor'

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
