import { useState, type SyntheticEvent } from 'react'
import type { Incident } from '@/api/schemas'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/select'
import { isKnownSeverity, SEVERITIES, type Severity } from '@/domain/severity'
import { useChangeSeverity } from '@/lib/incident-mutations/use-incident-mutation'
import { SaveAlert } from './save-alert'
import { TextInput } from './text-field'

/**
 * Severity changes need a reason: it is written on the timeline with the change, so the
 * post-mortem can see why the response clock moved.
 */
export function SeverityControl({ incident }: { incident: Incident }) {
  const change = useChangeSeverity(incident.id)
  // null: no choice made here, show the incident's own severity.
  const [chosen, setChosen] = useState<Severity | null>(null)
  const [reason, setReason] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const shown = chosen ?? incident.severity
  const changed = chosen !== null && chosen !== incident.severity

  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!changed) return
    if (reason.trim() === '') {
      setRefusal('Give a reason for the severity change.')
      return
    }
    setRefusal(null)
    change.saveAsync({ severity: chosen, reason }).then(
      () => {
        setChosen(null)
        setReason('')
      },
      // Shown from the mutation's state; what was typed stays.
      () => undefined,
    )
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
          setChosen(isKnownSeverity(value) ? value : null)
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
          setReason(e.target.value)
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
              setChosen(null)
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
