/**
 * The responder's two answers to a conflict. "Apply mine again" re-sends the change on
 * the version they have now seen: its stake is re-based on that version, so if the
 * incident changes yet again in those same fields before it lands, that is a new
 * conflict, shown again. "Keep theirs" drops the change and shows the server's incident.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { etagOf, incidentQueries } from '@/api/incidents'
import { valueAt } from '@/lib/outbox/conflict'
import { deliver } from '@/lib/outbox/deliver'
import { cacheSavedIncident, settleSaved } from '@/lib/outbox/outbox-runner'
import { queueFailedChange, reportProblem, resolveProblem, type SaveProblem } from '@/lib/outbox/outbox-store'

export interface ConflictResolution {
  applyMine: (problem: SaveProblem) => void
  keepTheirs: (problem: SaveProblem) => void
  isPending: boolean
  /** Why applying failed, in words; null when it did not. */
  problem: string | null
}

async function applyAgain(queryClient: ReturnType<typeof useQueryClient>, problem: SaveProblem): Promise<void> {
  const current = problem.current
  const stake = current === null ? problem.meta.stake : problem.meta.stake.map((s) => ({ ...s, base: valueAt(current, s.path) }))
  const request = current === null || problem.request.ifMatch === undefined ? problem.request : { ...problem.request, ifMatch: etagOf(current.version) }
  const meta = { ...problem.meta, stake }
  const delivery = await deliver(problem.id, request, stake)
  const now = Date.now()
  switch (delivery.kind) {
    case 'saved':
      resolveProblem(problem.id)
      settleSaved(queryClient, problem.id, meta, request.body, delivery)
      return
    case 'retry':
      // Replaces the problem with a queued change (same id), so it is retried like any other.
      queueFailedChange({ id: problem.id, key: problem.key, request, meta }, delivery.message, now, delivery.retryAfterMs)
      return
    case 'conflict':
      reportProblem({ ...problem, request, meta, current: delivery.current, message: delivery.message, at: now })
      throw new Error('It changed again while you decided. Compare the new version.')
    case 'rejected':
      reportProblem({ ...problem, kind: 'rejected', request, meta, current: delivery.current, message: delivery.message, at: now })
      return
  }
}

export function useResolveConflict(): ConflictResolution {
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: (problem: SaveProblem) => applyAgain(queryClient, problem),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: incidentQueries.all() })
    },
  })
  const { mutate } = mutation
  return {
    applyMine: (problem) => {
      mutate(problem)
    },
    keepTheirs: (problem) => {
      resolveProblem(problem.id)
      if (problem.current !== null) cacheSavedIncident(queryClient, problem.current)
      void queryClient.invalidateQueries({ queryKey: incidentQueries.all() })
    },
    isPending: mutation.isPending,
    problem: mutation.error?.message ?? null,
  }
}
