import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { parseAlertFilters, writeAlertFilters, type AlertFilters } from './alert-view'

/** The Alerts page's filter, read from and written to the URL. */
export function useAlertFilters(): [AlertFilters, (next: AlertFilters) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseAlertFilters(params), [params])
  const setFilters = useCallback(
    (next: AlertFilters) => {
      setParams((prev) => writeAlertFilters(prev, next), { replace: true, preventScrollReset: true })
    },
    [setParams],
  )
  return [filters, setFilters]
}
