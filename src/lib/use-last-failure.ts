import { useState } from 'react'

/**
 * The failure a panel should show. TanStack clears the error of a query that has no
 * data yet as soon as it fetches again, so a panel in an outage would flip back to its
 * skeleton at every retry; this keeps the last failure until data arrives (a change
 * of `dataUpdatedAt`), while `isFetching` says a new attempt is on its way.
 */
export function useLastFailure(failure: Error | null, dataUpdatedAt: number): Error | null {
  const [last, setLast] = useState<{ error: Error; dataUpdatedAt: number } | null>(null)
  if (failure !== null && last?.error !== failure) setLast({ error: failure, dataUpdatedAt })
  else if (failure === null && last !== null && last.dataUpdatedAt !== dataUpdatedAt) setLast(null)
  if (failure !== null) return failure
  return last !== null && last.dataUpdatedAt === dataUpdatedAt ? last.error : null
}
