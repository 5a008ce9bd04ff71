import { Button } from '@/components/ui/button'
import { ModalDialog } from '@/components/ui/modal-dialog'
import { nextLevel } from '@/domain/escalation'
import { compareStake } from '@/lib/outbox/conflict'
import type { SaveProblem } from '@/lib/outbox/outbox-store'
import { useOutbox } from '@/lib/outbox/use-outbox'
import { escalationText, fieldLabel, formatFieldValue } from '@/lib/incident-mutations/fields'
import { usePersonNames } from '@/lib/incident-mutations/use-person-names'
import { useResolveConflict } from '@/lib/incident-mutations/use-resolve-conflict'
import { RelativeTime } from '@/components/ui/relative-time'
import { SaveAlert } from './save-alert'

/**
 * "This incident changed since you loaded it": shown when a save met a newer version in
 * which someone changed a value this change also sets. Both versions side by side; the
 * responder applies theirs again or keeps the other one. Nothing is overwritten until
 * they choose. Conflicts queue: the next one shows once this one is settled.
 */
export function ConflictDialog({ incidentId }: { incidentId: string }) {
  const { problems } = useOutbox()
  const conflict = problems.find((p) => p.kind === 'conflict' && p.meta.incidentId === incidentId && p.current !== null)
  if (conflict === undefined) return null
  // A new conflict (or the same change meeting yet another version) starts a fresh dialog.
  return <ConflictDialogView key={`${conflict.id}:${conflict.at}`} conflict={conflict} />
}

function ConflictDialogView({ conflict }: { conflict: SaveProblem }) {
  const nameOf = usePersonNames()
  const resolution = useResolveConflict()

  const current = conflict.current
  if (current === null) return null
  const fields = compareStake(conflict.meta.stake, current)
  const escalating = conflict.request.path.endsWith('/escalate')
  const further = escalating ? nextLevel(current.escalationLevel) : null

  return (
    // No onDismiss: Escape would hide the choice while the change stays held, so it asks
    // for a decision. The dialog itself takes focus: neither choice sits under Enter.
    <ModalDialog title="This incident changed since you loaded it" onDismiss={undefined} initialFocus="dialog">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Your change “{conflict.meta.summary}” was not saved: someone changed the same thing first (now version {current.version}, updated{' '}
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
      <div className="mt-3">
        <SaveAlert text={resolution.problem} />
      </div>
      <div className="mt-3 flex justify-end gap-2">
        <Button
          disabled={resolution.isPending}
          onClick={() => {
            resolution.keepTheirs(conflict)
          }}
        >
          Keep theirs
        </Button>
        <Button
          variant="primary"
          disabled={resolution.isPending}
          onClick={() => {
            resolution.applyMine(conflict)
          }}
        >
          {resolution.isPending ? 'Applying…' : 'Apply mine again'}
        </Button>
      </div>
    </ModalDialog>
  )
}
