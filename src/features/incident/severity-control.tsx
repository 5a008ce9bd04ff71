import { useState, type SyntheticEvent } from 'react'
import type { Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { isKnownSeverity, SEVERITIES, type Severity } from '@/domain/severity'
import { useChangeSeverity } from '@/lib/incident-mutations/use-incident-mutation'
import { draftKey, useDraft } from '@/lib/outbox/drafts'
import { SaveAlert } from './save-alert'
import { TextInput } from './text-field'

/**
 * Severity changes need a reason: it is written on the timeline with the change, so the
 * post-mortem can see why the response clock moved. The choice and the reason are drafts:
 * they survive a reload and go once the change is saved.
 */
export function SeverityControl({ incident }: { incident: Incident }) {
  const change = useChangeSeverity(incident.id)
  const choice = useDraft(draftKey('severity', incident.id))
  const why = useDraft(draftKey('severity-reason', incident.id))
  // null: no choice made here, show the incident's own severity.
  const chosen: Severity | null = choice.draft !== null && isKnownSeverity(choice.draft.text) ? choice.draft.text : null
  const reason = why.draft?.text ?? ''
  const [refusal, setRefusal] = useState<string | null>(null)
  const shown = chosen ?? incident.severity
  const changed = chosen !== null && chosen !== incident.severity
  const forget = () => {
    choice.setText('')
    why.setText('')
  }

  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!changed) return
    if (reason.trim() === '') {
      setRefusal('Give a reason for the severity change.')
      return
    }
    setRefusal(null)
    const drafts = [choice, why].flatMap(({ key, draft }) => (draft === null ? [] : [{ key, id: draft.id, text: draft.text }]))
    change.save({ severity: chosen, reason }, { drafts })
  }

  return (
    <form onSubmit={submit} aria-label="Change severity" className="flex flex-col gap-2">
      <Select
        label="Severity"
        value={shown}
        onChange={(e) => {
          const value = e.target.value
          setRefusal(null)
          change.reset()
          choice.setText(isKnownSeverity(value) && value !== incident.severity ? value : '')
        }}
      >
        {/* An unknown severity from the API stays visible as the current value. */}
        {!isKnownSeverity(incident.severity) && <option value={incident.severity}>{incident.severity}</option>}
        {SEVERITIES.map((s) => (
          <option key={s.id} value={s.id}>
            {`${s.id} — ${s.label}`}
          </option>
        ))}
      </Select>
      <TextInput
        label="Reason for severity change"
        aria-required={changed}
        value={reason}
        maxLength={500}
        onChange={(e) => {
          why.setText(e.target.value)
        }}
      />
      <div className="flex gap-2">
        <Button type="submit" variant={changed ? 'primary' : 'secondary'} disabled={!changed || change.isPending}>
          Change severity
        </Button>
        {changed && (
          <Button
            type="button"
            onClick={() => {
              forget()
              setRefusal(null)
              change.reset()
            }}
          >
            Cancel
          </Button>
        )}
      </div>
      <SaveAlert text={refusal ?? change.problem} tone={refusal === null && change.failure === 'queued' ? 'pending' : 'error'} />
    </form>
  )
}
