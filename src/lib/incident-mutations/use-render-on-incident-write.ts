import { useCallback, useSyncExternalStore } from 'react'
import { hashKey, useQueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'

/**
 * Re-renders the calling component in the same React render as any write to the
 * incident's cached detail — for an optimistic change, the render that handles the click.
 *
 * Why it is needed: useQuery learns of a cache write only through TanStack's notify
 * manager, which batches into a `setTimeout(0)`. A click on a controlled checkbox or
 * select would render a task later, and React puts the old value back on the control in
 * between — a box that flicks unticked, a select that snaps back, whenever the browser
 * paints in that gap. A QueryCache listener is called synchronously inside the write, so
 * React renders the new value before the click's event is over. The re-render reads the
 * incident from useQuery as usual (its result is already up to date); this hook only
 * makes it happen at once.
 */
export function useRenderOnIncidentWrite(incidentId: string): void {
  const queryClient = useQueryClient()
  const key = incidentQueries.detail(incidentId).queryKey
  const hash = hashKey(key)
  const subscribe = useCallback(
    (onWrite: () => void) =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.query.queryHash === hash) onWrite()
      }),
    [queryClient, hash],
  )
  // The data itself is the snapshot: a fetch starting or failing is no reason to render now.
  useSyncExternalStore(subscribe, () => queryClient.getQueryData(key))
}
