import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import type { FollowUp, Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { CheckboxField } from '@/components/ui/checkbox-field'
import { focusRing } from '@/components/ui/focus'
import { SaveError } from '@/lib/incident-mutations/save-change'
import { useEditIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { newChangeId } from '@/lib/outbox/new-id'

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
 * editing it at once get the conflict dialog instead of losing an item.
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
  const edit = useEditIncident(incident.id)
  const label = followUp.text.trim() === '' ? '(no description)' : followUp.text
  return (
    <li className="flex items-start justify-between gap-2">
      <CheckboxField
        label={label}
        checked={followUp.done}
        busy={edit.isPending}
        problem={edit.problem}
        hint={followUpDetails(followUp)}
        onChange={(done) => {
          edit.save({ followUps: incident.followUps.map((f) => (f.id === followUp.id ? { ...f, done } : f)) })
        }}
      />
      <Button
        size="sm"
        variant="ghost"
        aria-label={`Remove follow-up: ${label}`}
        disabled={edit.isPending}
        onClick={() => {
          edit.save({ followUps: incident.followUps.filter((f) => f.id !== followUp.id) })
        }}
      >
        Remove
      </Button>
    </li>
  )
}

interface Draft {
  text: string
  owner: string
  due: string
}

const EMPTY: Draft = { text: '', owner: '', due: '' }

function AddFollowUp({ incident }: { incident: Incident }) {
  const edit = useEditIncident(incident.id)
  const roster = useQuery(rosterQueries.current())
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const ids = { text: useId(), owner: useId(), due: useId(), people: useId() }
  const people = roster.data?.levels.flatMap((l) => l.people) ?? []

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
        <datalist id={ids.people}>
          {people.map((p) => (
            <option key={p.id} value={p.handle}>
              {p.name}
            </option>
          ))}
        </datalist>
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
