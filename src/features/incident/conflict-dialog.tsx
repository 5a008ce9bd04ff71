import { useQueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { ModalDialog } from '@/components/ui/modal-dialog'
import { nextLevel } from '@/domain/escalation'
import { stakeOf, summarizeChange } from '@/lib/incident-mutations/changes'
import { compareStake } from '@/lib/incident-mutations/conflict'
import { cacheIfNewer, discardChanges, retryChanges } from '@/lib/incident-mutations/incident-writes'
import { escalationText, fieldLabel, formatFieldValue } from '@/lib/incident-mutations/fields'
import { usePersonNames } from '@/lib/incident-mutations/use-person-names'
import { useUnsavedChanges, type UnsavedChange } from '@/lib/incident-mutations/use-unsaved-changes'
import { RelativeTime } from '@/components/ui/relative-time'

/**
 * "This incident changed since you loaded it": shown when a change met a newer version in
 * which someone changed a value this change also sets. Both versions side by side; the
 * responder applies theirs again or keeps the other one. Nothing is overwritten until
 * they choose. Conflicts queue: the next one shows once this one is settled.
 */
export function ConflictDialog({ incidentId }: { incidentId: string }) {
  const conflict = useUnsavedChanges(incidentId).find((u) => u.kind === 'conflict')
  if (conflict === undefined || conflict.current === null) return null
  // A new conflict (or the same change meeting yet another version) starts a fresh dialog.
  return <ConflictDialogView key={`${conflict.vars.key}:${conflict.current.version}`} conflict={conflict} current={conflict.current} />
}

function ConflictDialogView({ conflict, current }: { conflict: UnsavedChange; current: Incident }) {
  const nameOf = usePersonNames()
  const client = useQueryClient()
  const { vars } = conflict
  const fields = compareStake(vars.stake, current)
  const escalating = vars.change.kind === 'escalate'
  const further = escalating ? nextLevel(current.escalationLevel) : null

  // "Apply mine again": the change restated on the version they have now seen, under the
  // same key; if that changes again in the same fields before it lands, a new conflict.
  const applyMine = () => {
    retryChanges(client, [vars.key], (v) => ({ ...v, stake: stakeOf(current, v.change), summary: summarizeChange(current, v.change) }))
  }
  const keepTheirs = () => {
    discardChanges(client, [vars.key])
    cacheIfNewer(client, current)
    void client.invalidateQueries({ queryKey: incidentQueries.all() })
  }

  return (
    // No onDismiss: Escape would hide the choice while the change stays held, so it asks
    // for a decision. The dialog itself takes focus: neither choice sits under Enter.
    <ModalDialog title="This incident changed since you loaded it" onDismiss={undefined} initialFocus="dialog">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Your change “{vars.summary}” was not saved: someone changed the same thing first (now version {current.version}, updated{' '}
        <RelativeTime at={Date.parse(current.updatedAt)} tickMs={10_000} />
        ). Compare and choose.
      </p>
      <table className="mt-3 w-full border-collapse text-left text-sm">
        <caption className="sr-only">Your version and theirs</caption>
        <thead>
          <tr className="border-b border-zinc-300 dark:border-zinc-700">
            <th scope="col" className="py-1 pr-2 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Yours
            </th>
            <th scope="col" className="py-1 font-medium">
              Theirs (now)
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.path} className={`border-b border-zinc-200 align-top dark:border-zinc-800 ${f.conflicting ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}>
              <th scope="row" className="py-1 pr-2 font-medium">
                {fieldLabel(f.path)}
                {f.conflicting && <span className="ml-1 text-xs font-normal text-amber-800 dark:text-amber-300">(changed by them)</span>}
              </th>
              <td className="py-1 pr-2 break-words whitespace-pre-wrap">{formatFieldValue(f.path, f.yours, nameOf)}</td>
              <td className="py-1 break-words whitespace-pre-wrap">{formatFieldValue(f.path, f.theirs, nameOf)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {escalating && (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
          {further === null
            ? 'It is already at the top of the escalation path; applying yours again will be refused.'
            : `Applying yours again escalates one more level, to ${escalationText(further)}.`}
        </p>
      )}
      <div className="mt-3 flex justify-end gap-2">
        <Button onClick={keepTheirs}>Keep theirs</Button>
        <Button variant="primary" onClick={applyMine}>
          Apply mine again
        </Button>
      </div>
    </ModalDialog>
  )
}
