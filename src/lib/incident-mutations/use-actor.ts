import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import { resolveIdentity, useChosenPersonId } from '@/stores/identity'

/** The roster id every change is signed with (see resolveIdentity); null while unknown. */
export function useActor(): string | null {
  const chosen = useChosenPersonId()
  const { data: roster } = useQuery(rosterQueries.current())
  return resolveIdentity(chosen, roster)
}
