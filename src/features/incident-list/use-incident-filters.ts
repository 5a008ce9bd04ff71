import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { parseIncidentFilters, writeIncidentFilters, type IncidentFilters } from './incident-filters'

export interface IncidentFiltersApi {
  filters: IncidentFilters
  /** Changes part of the view; the URL is replaced, so filtering does not flood Back. */
  update: (change: Partial<IncidentFilters>) => void
}

/** The list's view, read from and written to the URL (the URL is the only copy). */
export function useIncidentFilters(): IncidentFiltersApi {
  const [params, setParams] = useSearchParams()
  // useSearchParams hands back a new object only when the query changes.
  const filters = useMemo(() => parseIncidentFilters(params), [params])
  const update = useCallback(
    (change: Partial<IncidentFilters>) => {
      // From the latest URL, not this render's: two quick changes must not undo each other.
      setParams((prev) => writeIncidentFilters(prev, { ...parseIncidentFilters(prev), ...change }), { replace: true })
    },
    [setParams],
  )
  return { filters, update }
}
