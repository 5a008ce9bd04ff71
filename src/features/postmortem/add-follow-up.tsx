import { useId } from 'react'
import type { FollowUp, Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { useEditIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { draftKey, useDraft } from '@/lib/outbox/drafts'
import { parseFollowUpDraft, type FollowUpDraft } from './follow-up-edit'
import { FollowUpFields, inputClass, labelClass } from './follow-up-fields'

const EMPTY: FollowUpDraft = { text: '', owner: '', due: '' }

/**
 * The form under the list that appends a new follow-up action. What is typed is a draft
 * (it survives a reload) until the server has the item; the draft's id is both the new
 * item's id and the change's Idempotency-Key, so adding it twice adds it once.
 */
export function AddFollowUp({ incident }: { incident: Incident }) {
  const edit = useEditIncident(incident.id)
  const stored = useDraft(draftKey('follow-up', incident.id))
  const draft = parseFollowUpDraft(stored.draft?.text) ?? EMPTY
  const setDraft = (next: FollowUpDraft) => {
    stored.setText(next.text === '' && next.owner === '' && next.due === '' ? '' : JSON.stringify(next))
  }
  const textId = useId()

  const add = () => {
    if (stored.draft === null) return
    const { id, text } = stored.draft
    const item: FollowUp = { id, text: draft.text.trim(), owner: draft.owner.trim(), due: draft.due === '' ? null : draft.due, done: false }
    edit.save({ followUps: [...incident.followUps, item] }, { key: id, drafts: [{ key: stored.key, id, text }] })
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
