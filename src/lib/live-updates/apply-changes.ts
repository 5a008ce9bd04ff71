/**
 * What each notice makes stale. Invalidating (not setting data) keeps one way in for
 * server data: the query factories' fetches, parsed at the boundary. Only queries on
 * screen refetch; the rest are marked stale for when they are next used.
 */
import type { QueryClient } from '@tanstack/react-query'
import type { ChangeNotice } from '@/api/events'
import { alertQueries } from '@/api/alerts'
import { healthQueries } from '@/api/health'
import { incidentQueries } from '@/api/incidents'
import { simulatorQueries } from '@/api/simulator'

/** Applies a batch of notices: each key is invalidated once however many notices name it. */
export async function applyChanges(queryClient: QueryClient, notices: readonly ChangeNotice[]): Promise<void> {
  if (notices.some((n) => n.type === 'resync')) {
    await Promise.all([queryClient.invalidateQueries({ queryKey: incidentQueries.all() }), invalidateAlerts(queryClient)])
    return
  }
  const work: Promise<void>[] = []
  const newest = new Map<string, number>()
  for (const n of notices) if (n.type === 'incident') newest.set(n.id, Math.max(n.version, newest.get(n.id) ?? 0))
  for (const [id, version] of newest) {
    const held = queryClient.getQueryData(incidentQueries.detail(id).queryKey)
    // This tab's own save (or an earlier refetch) already put that version in the cache.
    if (held === undefined || held.version < version) {
      work.push(queryClient.invalidateQueries({ queryKey: incidentQueries.detail(id).queryKey, exact: true }))
    }
    work.push(queryClient.invalidateQueries({ queryKey: incidentQueries.timeline(id).queryKey, exact: true }))
  }
  if (newest.size > 0) work.push(queryClient.invalidateQueries({ queryKey: incidentQueries.list().queryKey, exact: true }))
  if (notices.some((n) => n.type === 'alerts')) work.push(invalidateAlerts(queryClient))
  await Promise.all(work)
}

/**
 * Alert states and history, the health strip, and the simulator's own state (a scenario
 * switched in another tab moves the Scenario control). Metrics are left to their polling:
 * a week of them is the heaviest fetch there is, and they only change going forward.
 */
async function invalidateAlerts(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: alertQueries.all() }),
    queryClient.invalidateQueries({ queryKey: healthQueries.all() }),
    queryClient.invalidateQueries({ queryKey: simulatorQueries.all() }),
  ])
}
