import { useQuery } from '@tanstack/react-query'
import { rosterQueries } from '@/api/roster'
import { sessionQueries } from '@/api/session-queries'
import { resolveIdentity, useChosenPersonId } from '@/stores/identity'

/**
 * The roster id every change is signed with (see resolveIdentity); null while unknown,
 * and null behind an auth proxy (the session names who you are): the server records the
 * proxy's identity, so a body's actor would only be a second, unverified claim.
 */
export function useActor(): string | null {
  const chosen = useChosenPersonId()
  const { data: roster } = useQuery(rosterQueries.current())
  const { data: session } = useQuery(sessionQueries.current())
  if ((session?.identity ?? null) !== null) return null
  return resolveIdentity(chosen, roster)
}
