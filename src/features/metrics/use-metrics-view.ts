import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { parseMetricsView, writeMetricsView, type MetricsView } from './metric-range'

export interface SetViewOptions {
  /** Replace the history entry instead of adding one (for edits made keystroke by keystroke). */
  replace?: boolean
}

/** The range the page shows, read from and written to the URL. */
export function useMetricsView(): [MetricsView, (next: MetricsView, options?: SetViewOptions) => void] {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => parseMetricsView(params), [params])
  const setView = useCallback(
    (next: MetricsView, options: SetViewOptions = {}) => {
      setParams((prev) => writeMetricsView(prev, next), { replace: options.replace ?? false, preventScrollReset: true })
    },
    [setParams],
  )
  return [view, setView]
}
