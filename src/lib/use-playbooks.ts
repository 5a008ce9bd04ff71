import { useQuery } from '@tanstack/react-query'
import { mergePlaybooks, runbookQueries, type RunbooksResponse } from '@/api/runbooks'
import { PLAYBOOKS, type Playbook } from '@/domain/runbook'

// Module-level so TanStack keeps the merged list between renders (select runs only on new data).
const withBuiltIns = (served: RunbooksResponse): Playbook[] => mergePlaybooks(PLAYBOOKS, served.playbooks)

/**
 * Every playbook: the runbook's built-ins at once, joined by the backend's extras when
 * they arrive. A failed fetch leaves the built-ins usable; `query` says what happened
 * so a screen can mention the missing extras.
 */
export function usePlaybooks() {
  const query = useQuery({ ...runbookQueries.extra(), select: withBuiltIns })
  const playbooks: readonly Playbook[] = query.data ?? PLAYBOOKS
  return { playbooks, query }
}
