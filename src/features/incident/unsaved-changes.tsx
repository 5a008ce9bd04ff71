import { useId } from 'react'
import { nextDueAt } from '@/domain/outbox'
import { Button } from '@/components/ui/button'
import { useNow } from '@/lib/use-now'
import { discardChanges, pausedKeys, retryAllNow, type OutboxSnapshot } from '@/lib/outbox/outbox-store'
import { useOutbox } from '@/lib/outbox/use-outbox'

interface Row {
  id: string
  summary: string
  detail: string
  kind: 'queued' | 'conflict' | 'rejected'
}

function rowsOf(snap: OutboxSnapshot, incidentId: string | undefined): Row[] {
  const mine = (id: string | undefined) => incidentId === undefined || id === incidentId
  const paused = pausedKeys(snap)
  const queued: Row[] = snap.box.entries
    .filter((e) => mine(snap.meta[e.id]?.incidentId ?? /^incident:([^:]+)/.exec(e.key)?.[1]))
    .map((e) => ({
      id: e.id,
      summary: snap.meta[e.id]?.summary ?? `${e.request.method} ${e.request.path}`,
      detail: paused.has(e.key)
        ? 'Held until you settle the conflict on this incident.'
        : (e.lastError ?? 'Waiting for an earlier change to be saved.'),
      kind: 'queued',
    }))
  const problems: Row[] = snap.problems
    .filter((p) => mine(p.meta.incidentId))
    .map((p) => ({
      id: p.id,
      summary: p.meta.summary,
      detail: p.kind === 'conflict' ? 'Someone else changed this incident: choose in the comparison.' : `Refused: ${p.message}`,
      kind: p.kind,
    }))
  return [...queued, ...problems]
}

function retryText(snap: OutboxSnapshot, now: number): string {
  const paused = pausedKeys(snap)
  const at = nextDueAt({ entries: snap.box.entries.filter((e) => !paused.has(e.key)) })
  if (at === null) return snap.box.entries.length > 0 ? 'waiting for you to settle a conflict' : 'waiting for you'
  const seconds = Math.ceil((at - now) / 1000)
  return seconds <= 0 ? 'retrying now' : `retrying in ${seconds} s`
}

/**
 * "Unsaved changes (2) — retrying in 8 s": what has not reached the server yet, why, and
 * when it is tried again, with "Retry now" and "Discard". Shows nothing when all is
 * saved. Without `incidentId` it lists every incident's changes (for the app shell).
 */
export function UnsavedChanges({ incidentId }: { incidentId?: string }) {
  const snap = useOutbox()
  const now = useNow(1000)
  const headingId = useId()
  const rows = rowsOf(snap, incidentId)
  if (rows.length === 0) return null
  const queued = rows.some((r) => r.kind === 'queued')
  return (
    <section
      aria-labelledby={headingId}
      className="mb-4 flex flex-col gap-2 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500/70 dark:bg-amber-950/40 dark:text-amber-50"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h2 id={headingId} className="font-semibold">
          <span aria-hidden="true">⚠ </span>
          <span role="status">{`Unsaved changes (${rows.length})`}</span>
          {queued && <span className="font-normal">{` — ${retryText(snap, now)}`}</span>}
        </h2>
        <div className="ml-auto flex gap-2">
          {queued && (
            <Button
              size="sm"
              onClick={() => {
                retryAllNow(Date.now())
              }}
            >
              Retry now
            </Button>
          )}
          <Button
            size="sm"
            onClick={() => {
              discardChanges(rows.map((r) => r.id))
            }}
          >
            Discard
          </Button>
        </div>
      </div>
      <ul className="flex flex-col gap-1">
        {rows.map((row) => (
          <li key={row.id} className="flex flex-wrap items-baseline gap-x-2 rounded bg-white/70 px-2 py-1 dark:bg-zinc-900/60">
            <span className="font-medium break-words">{row.summary}</span>
            <span className="text-xs break-words text-amber-900 dark:text-amber-200">{row.detail}</span>
            <Button
              size="sm"
              variant="ghost"
              className="ml-auto"
              aria-label={`Discard “${row.summary}”`}
              onClick={() => {
                discardChanges([row.id])
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
