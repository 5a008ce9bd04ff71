import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import { Select } from '@/components/ui/select'
import { useActor } from '@/lib/incident-mutations/use-actor'
import { useIdentityActions } from '@/stores/identity'

/**
 * "You are: <person>" — who this browser signs its changes as. Until someone chooses,
 * it is the L1 on-call. Exported so the app shell can show it on every page.
 */
export function IdentityControl() {
  const { data: roster } = useQuery(rosterQueries.current())
  const actor = useActor()
  const { identityChosen } = useIdentityActions()
  if (roster === undefined) return null
  return (
    <Select
      label="You are"
      inline
      value={actor ?? ''}
      onChange={(e) => {
        identityChosen(e.target.value)
      }}
    >
      {roster.levels.map((level) => (
        <optgroup key={level.level} label={`L${level.level} ${level.title}`}>
          {level.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  )
}
