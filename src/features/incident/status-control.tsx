import { useId, useState, type SyntheticEvent } from 'react'
import type { Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import {
  isIncidentStatus,
  nextStatuses,
  requiresFields,
  STATUS_LABELS,
  statusLabel,
  unknownStatusReason,
  validateTransition,
  type IncidentStatus,
} from '@/domain/incident-status'
import { useChangeStatus, type SaveOptions } from '@/lib/incident-mutations/use-incident-mutation'
import { draftKey, useDraft } from '@/lib/outbox/drafts'
import { SaveAlert } from './save-alert'
import { TextArea } from './text-field'

/**
 * "Status": only the moves the lifecycle allows are offered. Moving to resolved (or to
 * closed without a root cause and resolution on record) first asks for the root cause
 * and the resolution — the resolution message and the incident report are built from
 * them — and sends them with the change. From a status this version does not know, no
 * move is offered, and the control says why.
 */
export function StatusControl({ incident }: { incident: Incident }) {
  const change = useChangeStatus(incident.id)
  const [asking, setAsking] = useState<IncidentStatus | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const unknownId = useId()
  const unknown = unknownStatusReason(incident.status)

  const choose = (to: IncidentStatus) => {
    setRefusal(null)
    change.reset()
    const check = validateTransition(incident, to)
    if (to === 'resolved' || (!check.ok && requiresFields(to).length > 0)) {
      setAsking(to)
      return
    }
    if (!check.ok) {
      setRefusal(check.reason)
      return
    }
    setAsking(null)
    change.save({ status: to })
  }

  // The form closes by itself once the incident is in that status (saved here, from the
  // outbox later, or by someone else).
  const form = asking !== null && asking !== incident.status ? asking : null

  return (
    <div className="flex flex-col gap-1">
      <Select
        label="Status"
        value={incident.status}
        disabled={change.isPending || unknown !== null}
        aria-describedby={unknown === null ? undefined : unknownId}
        onChange={(e) => {
          if (isIncidentStatus(e.target.value)) choose(e.target.value)
        }}
      >
        <option value={incident.status}>{statusLabel(incident.status)}</option>
        {nextStatuses(incident.status).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </Select>
      {unknown !== null && (
        <p id={unknownId} className="text-xs text-zinc-700 dark:text-zinc-300">
          {unknown}
        </p>
      )}
      <SaveAlert text={refusal ?? (form === null ? change.problem : null)} tone={change.failure === 'queued' ? 'pending' : 'error'} />
      {form !== null && (
        <ResolutionForm
          incident={incident}
          to={form}
          pending={change.isPending}
          problem={change.problem}
          queued={change.failure === 'queued'}
          onCancel={() => {
            setAsking(null)
            change.reset()
          }}
          onSubmit={(fields, drafts) => {
            change.save({ status: form, ...fields }, { drafts })
          }}
        />
      )}
    </div>
  )
}

interface ResolutionFormProps {
  incident: Incident
  to: IncidentStatus
  pending: boolean
  problem: string | null
  queued: boolean
  onCancel: () => void
  onSubmit: (fields: { rootCause: string; resolution: string }, drafts: SaveOptions['drafts']) => void
}

/** Root cause and resolution, asked before resolving; what is typed survives a reload, and goes once saved. */
function ResolutionForm({ incident, to, pending, problem, queued, onCancel, onSubmit }: ResolutionFormProps) {
  const rootCause = useDraft(draftKey('root-cause', incident.id))
  const resolution = useDraft(draftKey('resolution', incident.id))
  const [refusal, setRefusal] = useState<string | null>(null)
  const rootCauseText = rootCause.draft?.text ?? incident.rootCause
  const resolutionText = resolution.draft?.text ?? incident.resolution

  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    const fields = { rootCause: rootCauseText.trim(), resolution: resolutionText.trim() }
    const check = validateTransition(incident, to, fields)
    if (!check.ok) {
      setRefusal(check.reason)
      return
    }
    setRefusal(null)
    const typed = [rootCause, resolution].flatMap(({ key, draft }) => (draft === null ? [] : [{ key, id: draft.id, text: draft.text }]))
    onSubmit(fields, typed)
  }

  const verb = to === 'resolved' ? 'Resolve' : `Mark ${STATUS_LABELS[to].toLowerCase()}`
  return (
    <form
      aria-label={`${verb} ${incident.id}`}
      onSubmit={submit}
      className="mt-1 flex flex-col gap-2 rounded-md border border-zinc-300 bg-zinc-50 p-2 dark:border-zinc-700 dark:bg-zinc-950"
    >
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        {verb === 'Resolve' ? 'Resolving' : verb} needs the root cause and the resolution: the resolution message and the report use them.
      </p>
      <TextArea
        label="Root cause"
        rows={2}
        value={rootCauseText}
        onChange={(e) => {
          rootCause.setText(e.target.value)
        }}
      />
      <TextArea
        label="Resolution"
        rows={2}
        value={resolutionText}
        onChange={(e) => {
          resolution.setText(e.target.value)
        }}
      />
      <SaveAlert text={refusal ?? problem} tone={refusal === null && queued ? 'pending' : 'error'} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {verb}
        </Button>
        <Button type="button" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  )
}
