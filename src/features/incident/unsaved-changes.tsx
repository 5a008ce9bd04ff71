import { useId } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Button } from '@/components/ui/button'
import { useNow } from '@/lib/use-now'
import { discardChanges, retryChanges } from '@/lib/incident-mutations/incident-writes'
import { useUnsavedChanges, type UnsavedChange } from '@/lib/incident-mutations/use-unsaved-changes'

const DETAIL: Readonly<Record<UnsavedChange['kind'], (u: UnsavedChange) => string>> = {
  sending: () => 'Sending…',
  waiting: () => 'Waiting for an earlier change to be saved.',
  offline: () => 'Offline: sent when you are back online.',
  retrying: (u) => u.reason ?? 'Failed; retried automatically.',
  failed: (u) => `Gave up retrying: ${u.reason ?? 'it kept failing'}`,
  conflict: () => 'Someone else changed this incident: choose in the comparison.',
  rejected: (u) => `Refused: ${u.reason ?? ''}`,
}

/** True while a change needs the responder or the network, not just time to be sent. */
const isStuck = (u: UnsavedChange) => u.kind !== 'sending' && u.kind !== 'waiting'

/** Sent again by "Retry now": everything not waiting for the responder's decision. */
const retriable = (u: UnsavedChange) => u.kind !== 'conflict' && u.kind !== 'rejected'

function whenText(rows: readonly UnsavedChange[], now: number): string {
  const due = rows.flatMap((r) => (r.kind === 'retrying' && r.retryAt !== null ? [r.retryAt] : []))
  if (due.length > 0) {
    const seconds = Math.ceil((Math.min(...due) - now) / 1000)
    return seconds <= 0 ? 'retrying now' : `retrying in ${seconds} s`
  }
  if (rows.some((r) => r.kind === 'offline')) return 'offline: they are sent when you are back online'
  if (rows.some((r) => r.kind === 'failed')) return 'no more automatic retries'
  return rows.some((r) => r.kind === 'conflict') ? 'waiting for you to settle a conflict' : 'waiting for you'
}

/**
 * "Unsaved changes (2) — retrying in 8 s": what has not reached the server yet, why, and
 * when it is tried again, with "Retry now" and "Discard". Shows nothing while changes are
 * simply on their way. Without `incidentId` it lists every incident's changes.
 */
export function UnsavedChanges({ incidentId }: { incidentId?: string }) {
  const client = useQueryClient()
  const all = useUnsavedChanges(incidentId)
  const now = useNow(1000)
  const headingId = useId()
  const rows = all.filter((u) => u.kind !== 'sending')
  if (!rows.some(isStuck)) return null
  const keys = (list: readonly UnsavedChange[]) => list.map((r) => r.vars.key)
  return (
    <section
      aria-labelledby={headingId}
      className="mb-4 flex flex-col gap-2 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500/70 dark:bg-amber-950/40 dark:text-amber-50"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id={headingId} className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          <span role="status">{`Unsaved changes (${rows.length})`}</span>
          <span className="font-normal">{` — ${whenText(rows, now)}`}</span>
        </h2>
        <div className="ml-auto flex gap-2">
          {rows.some(retriable) && (
            <Button
              size="sm"
              onClick={() => {
                retryChanges(client, keys(all.filter(retriable)))
              }}
            >
              Retry now
            </Button>
          )}
          <Button
            size="sm"
            onClick={() => {
              discardChanges(client, keys(rows))
            }}
          >
            Discard
          </Button>
        </div>
      </div>
      <ul className="flex flex-col gap-1">
        {rows.map((row) => (
          <li key={row.vars.key} className="flex flex-wrap items-baseline gap-x-2 rounded bg-white/70 px-2 py-1 dark:bg-zinc-900/60">
            <span className="font-medium break-words">{row.vars.summary}</span>
            <span className="text-xs break-words text-amber-900 dark:text-amber-200">{DETAIL[row.kind](row)}</span>
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              aria-label={`Discard “${row.vars.summary}”`}
              onClick={() => {
                discardChanges(client, [row.vars.key])
              }}
            >
              Discard
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}
