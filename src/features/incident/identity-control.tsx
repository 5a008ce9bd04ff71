import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import { sessionQueries } from '@/api/session-queries'
import { Select } from '@/components/ui/select'
import { useActor } from '@/lib/incident-mutations/use-actor'
import { useIdentityActions } from '@/stores/identity'

/**
 * Who this browser signs its changes as. Behind an auth proxy the server says who you
 * are ("Signed in as …"): that is a fact, not a choice, so no menu is offered. Without
 * one it is "You are: <person>", the L1 on-call until someone chooses. Exported so the
 * app shell can show it on every page.
 */
export function IdentityControl() {
  const session = useQuery(sessionQueries.current())
  const { data: roster } = useQuery(rosterQueries.current())
  const actor = useActor()
  const { identityChosen } = useIdentityActions()
  // Not the menu while the session is unknown: behind a proxy it would flash, then vanish.
  // A backend that cannot say (an error) gets today's menu.
  if (session.isPending) return null
  const identity = session.data?.identity ?? null
  if (identity !== null) {
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Signed in as <span className="font-medium text-zinc-900 dark:text-zinc-100">{identity}</span>
      </p>
    )
  }
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
