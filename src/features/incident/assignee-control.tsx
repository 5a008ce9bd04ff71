import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import type { Incident } from '@/api/schemas'
import { Select } from '@/components/ui/select'
import { useChangeAssignee } from '@/lib/incident-mutations/use-incident-mutation'
import { SaveAlert } from './save-alert'

const UNASSIGNED = ''

/** Assignee, chosen from the roster grouped by escalation level; the on-call person is marked. */
export function AssigneeControl({ incident }: { incident: Incident }) {
  const { data: roster } = useQuery(rosterQueries.current())
  const change = useChangeAssignee(incident.id)
  const known = roster?.levels.some((l) => l.people.some((p) => p.id === incident.assignee)) ?? false
  return (
    <div className="flex flex-col gap-1">
      <Select
        label="Assignee"
        value={incident.assignee ?? UNASSIGNED}
        disabled={change.isPending}
        onChange={(e) => {
          const value = e.target.value
          change.save(value === UNASSIGNED ? null : value)
        }}
      >
        <option value={UNASSIGNED}>Unassigned</option>
        {/* Someone not (or not yet) on the roster stays selectable rather than vanishing. */}
        {incident.assignee !== null && !known && <option value={incident.assignee}>{incident.assignee}</option>}
        {roster?.levels.map((level) => (
          <optgroup key={level.level} label={`L${level.level} ${level.title}`}>
            {level.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === level.onCall ? `${p.name} (on call)` : p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <SaveAlert text={change.problem} tone={change.failure === 'queued' ? 'pending' : 'error'} />
    </div>
  )
}
