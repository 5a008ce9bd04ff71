import { useId, useState } from 'react'
import type { Incident } from '@/api/schemas'
import { serverNow } from '@/api/server-time'
import { formatPostmortem } from '@/domain/messages'
import { Button } from '@/components/ui/button'
import { useEditIncident } from '@/lib/incident-mutations/use-incident-mutation'
import { useNow } from '@/lib/use-now'
import { fromLocalInputValue, toLocalInputValue } from './datetime-local'
import { controlClass } from '@/components/ui/control-class'

/**
 * When the post-mortem meeting is. The input holds the responder's edit until it is
 * saved (or reset); otherwise it shows the incident's value, so a colleague's change
 * appears here by itself.
 */
export function PostmortemSchedule({ incident }: { incident: Incident }) {
  const edit = useEditIncident(incident.id)
  const [typed, setTyped] = useState<string | null>(null)
  const inputId = useId()
  const now = serverNow(useNow(60_000))
  const saved = toLocalInputValue(incident.postmortemAt)
  const value = typed ?? saved
  const next = fromLocalInputValue(value)
  const invalid = value !== '' && next === null
  const changed = typed !== null && typed !== saved

  const save = (postmortemAt: string | null) => {
    edit
      .saveAsync({ postmortemAt })
      .then(() => {
        setTyped(null)
      })
      // The problem is shown from the hook's state; the typed value stays for another try.
      .catch(() => undefined)
  }

  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault()
        if (!invalid && changed) save(next)
      }}
    >
      <label htmlFor={inputId} className="text-sm font-semibold">
        Post-mortem
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={inputId}
          type="datetime-local"
          value={value}
          aria-invalid={invalid || undefined}
          onChange={(e) => {
            setTyped(e.target.value)
          }}
          className={controlClass}
        />
        <Button type="submit" size="sm" disabled={!changed || invalid || edit.isPending}>
          {edit.isPending ? 'Saving…' : 'Save post-mortem time'}
        </Button>
        {incident.postmortemAt !== null && (
          <Button
            size="sm"
            variant="ghost"
            disabled={edit.isPending}
            onClick={() => {
              save(null)
            }}
          >
            Unschedule
          </Button>
        )}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {formatPostmortem(incident.postmortemAt, now, Intl.DateTimeFormat().resolvedOptions().timeZone)}
        {changed && ' · not saved yet'}
      </p>
      {edit.problem !== null && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {edit.problem}
        </p>
      )}
    </form>
  )
}
