/**
 * The incident as the responder should see it: the server's last word with the changes
 * still on their way laid over it, in order. Derived, never stored: the query cache keeps
 * the server's incident (what a change is checked against and sent on), and a change
 * leaves this view when it fails (its exact rollback) or is saved (the answer has it).
 */
import { useCallback, useSyncExternalStore } from 'react'
import { useQueryClient, type MutationCache, type QueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { applyOptimistic, type IncidentChange } from './changes'
import { incidentWriteKey, type ChangeVariables } from './incident-writes'

/** Changes to the incident that are pending and have not failed yet, oldest first. */
export function changesOnTheirWay(cache: MutationCache, incidentId: string): IncidentChange[] {
  return cache.findAll({ mutationKey: incidentWriteKey(incidentId), status: 'pending' }).flatMap((m) => {
    const vars = m.state.variables as ChangeVariables | undefined
    return vars !== undefined && m.state.failureCount === 0 ? [vars.change] : []
  })
}

export function showChanges(incident: Incident, changes: readonly IncidentChange[]): Incident {
  return changes.reduce((shown, change) => applyOptimistic(shown, change) ?? shown, incident)
}

/** The incident as shown now (undefined until it has loaded): what a new change is based on. */
export function shownIncident(client: QueryClient, incidentId: string): Incident | undefined {
  const held = client.getQueryData(incidentQueries.detail(incidentId).queryKey)
  return held === undefined ? undefined : showChanges(held, changesOnTheirWay(client.getMutationCache(), incidentId))
}

/** The last list handed out per cache and incident: the same array until a change joins or leaves. */
const handedOut = new WeakMap<MutationCache, Map<string, readonly IncidentChange[]>>()

function sameUnlessChanged(cache: MutationCache, incidentId: string): readonly IncidentChange[] {
  const byIncident = handedOut.get(cache) ?? handedOut.set(cache, new Map()).get(cache)
  const last = byIncident?.get(incidentId)
  const next = changesOnTheirWay(cache, incidentId)
  if (last?.length === next.length && next.every((c, i) => c === last[i])) return last
  byIncident?.set(incidentId, next)
  return next
}

/**
 * The changes on their way, read in the render that handles the click: the mutation
 * cache tells its listeners synchronously (useMutationState waits a task), so a ticked
 * box or a chosen status never shows a frame of its old value.
 */
export function useChangesOnTheirWay(incidentId: string): readonly IncidentChange[] {
  const cache = useQueryClient().getMutationCache()
  const snapshot = useCallback(() => sameUnlessChanged(cache, incidentId), [cache, incidentId])
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache])
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}
