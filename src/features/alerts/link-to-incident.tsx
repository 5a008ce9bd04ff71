import { useId, useMemo, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Alert } from '@/api/schemas'
import { isOpen } from '@/domain/incident-status'
import { compareSeverity } from '@/domain/severity'
import { Button } from '@/components/ui/button'
import { controlClass } from '@/components/ui/control-class'
import { useIncidentMutation } from '@/lib/incident-mutations/use-incident-mutation'

/**
 * Links a firing alert to an incident already open, so a second responder joins it
 * instead of declaring the same outage again. The link is an ordinary incident change
 * (If-Match, Idempotency-Key, kept and retried like any other); the alert then reads
 * "Handled in INC-…".
 */
export function LinkToIncident({ alert }: { alert: Alert }) {
  const client = useQueryClient()
  const list = useQuery(incidentQueries.list())
  const open = useMemo(
    () => (list.data ?? []).filter((i) => isOpen(i.status)).sort((a, b) => compareSeverity(a.severity, b.severity)),
    [list.data],
  )
  const [chosen, setChosen] = useState<string>('')
  const target = chosen === '' ? (open[0]?.id ?? '') : chosen
  const link = useIncidentMutation(target, (alertIds: string[]) => ({ kind: 'patch', patch: { alertIds } }))
  const [failure, setFailure] = useState<string | null>(null)
  const selectId = useId()
  if (open.length === 0) return null

  const submit = async () => {
    setFailure(null)
    try {
      // The change is judged against the incident as it is now, so it is read first.
      const incident = await client.query({ ...incidentQueries.detail(target), staleTime: 0 })
      if (incident.alertIds.includes(alert.id)) return
      await link.saveAsync([...incident.alertIds, alert.id])
      // "Handled in" reads the list: ask for it now rather than at its next poll.
      await client.invalidateQueries({ queryKey: incidentQueries.list().queryKey, exact: true })
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    }
  }

  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={`Link ${alert.name} to an open incident`}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={selectId} className="text-sm text-zinc-700 dark:text-zinc-300">
        or link to
      </label>
      <select
        id={selectId}
        className={`max-w-64 ${controlClass}`}
        value={target}
        onChange={(e) => {
          setChosen(e.target.value)
        }}
      >
        {open.map((i) => (
          <option key={i.id} value={i.id}>
            {i.id} · {i.severity} · {i.title}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" disabled={link.isPending}>
        Link <span className="sr-only">{alert.name} to {target}</span>
      </Button>
      {(failure ?? link.problem) !== null && (
        <p role="alert" className="w-full text-sm text-red-800 dark:text-red-300">
          Not linked: {failure ?? link.problem}
        </p>
      )}
    </form>
  )
}
