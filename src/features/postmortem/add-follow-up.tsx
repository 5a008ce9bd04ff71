import { useId, useState } from 'react'
import type { FollowUp, Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { SaveError } from '@/lib/incident-mutations/save-change'
import { useEditIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { newChangeId } from '@/lib/outbox/new-id'
import type { FollowUpDraft } from './follow-up-edit'
import { FollowUpFields, inputClass, labelClass } from './follow-up-fields'

const EMPTY: FollowUpDraft = { text: '', owner: '', due: '' }

/** The form under the list that appends a new follow-up action. */
export function AddFollowUp({ incident }: { incident: Incident }) {
  const edit = useEditIncident(incident.id)
  const [draft, setDraft] = useState<FollowUpDraft>(EMPTY)
  const textId = useId()

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
        <label htmlFor={textId} className={labelClass}>
          Action
        </label>
        <input
          id={textId}
          className={inputClass}
          value={draft.text}
          required
          maxLength={2000}
          onChange={(e) => {
            setDraft({ ...draft, text: e.target.value })
          }}
        />
      </div>
      <FollowUpFields draft={draft} labels={{ owner: 'Owner', due: 'Due date' }} onChange={setDraft} />
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
