import { useId, type KeyboardEvent } from 'react'
import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import type { FollowUpDraft } from './follow-up-edit'
import { controlClass } from '@/components/ui/control-class'

export const inputClass = controlClass

export const labelClass = 'text-xs font-medium text-zinc-600 dark:text-zinc-400'

interface FollowUpFieldsProps {
  draft: FollowUpDraft
  /** Each form names its fields its own way; the names are what tests and screen readers find. */
  labels: { owner: string; due: string }
  onChange: (draft: FollowUpDraft) => void
  onKeyDown?: (e: KeyboardEvent) => void
}

/** A follow-up's owner (suggested from the roster) and due date, as two form fields. */
export function FollowUpFields({ draft, labels, onChange, onKeyDown }: FollowUpFieldsProps) {
  const ids = { owner: useId(), due: useId(), people: useId() }
  return (
    <>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.owner} className={labelClass}>
          {labels.owner}
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
        <label htmlFor={ids.due} className={labelClass}>
          {labels.due}
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
    </>
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
