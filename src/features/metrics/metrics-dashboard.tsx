import { useCallback, useEffect } from 'react'
import { useLocation } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import { MetricFigureCard } from './metric-figure-card'
import { FIGURE_GROUP_TITLES, METRIC_FIGURES, type FigureGroup } from './metric-figures'
import { zoomTo } from './metric-range'
import { useMetricsView } from './use-metrics-view'
import { polling } from '@/api/refresh-schedule'

const GROUPS: readonly FigureGroup[] = ['pipeline', 'infrastructure']
/** Incident markers change rarely; the incident pages keep the list fresher. */
const INCIDENTS_REFRESH_MS = 30_000

/**
 * Every chart the runbook asks for, over the range in the URL. A drag across any chart
 * zooms every chart to that span (a new history entry, so Back undoes it).
 */
export function MetricsDashboard() {
  const [view, setView] = useMetricsView()
  const incidents = useQuery({ ...incidentQueries.list(), ...polling(INCIDENTS_REFRESH_MS) })
  const onZoom = useCallback(
    (fromMs: number, toMs: number) => {
      const next = zoomTo(view, fromMs, toMs)
      if (next !== view) setView(next)
    },
    [view, setView],
  )
  useScrollToHash()

  return (
    <div className="flex flex-col gap-6">
      {incidents.error !== null && (
        <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          Incident markers are not shown: the incident list could not be loaded ({incidents.error.message})
        </p>
      )}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Drag across a chart to zoom in. Dashed lines are the runbook’s thresholds; shaded spans are alerts pending (amber) or
        firing (red), and blue marks incidents; each is also written out under its chart.
      </p>
      {GROUPS.map((group) => (
        <section key={group} aria-labelledby={`metrics-${group}`} className="flex flex-col gap-3">
          <h2 id={`metrics-${group}`} className="text-base font-semibold tracking-tight">
            {FIGURE_GROUP_TITLES[group]}
          </h2>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2 2xl:grid-cols-3">
            {METRIC_FIGURES.filter((f) => f.group === group).map((figure) => (
              <MetricFigureCard key={figure.id} figure={figure} view={view} incidents={incidents.data} onZoom={onZoom} />
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}

/** A link to `/metrics#stt-error-rate` lands on that chart (the router does not scroll to hashes). */
function useScrollToHash() {
  const { hash } = useLocation()
  useEffect(() => {
    const id = hashTarget(hash)
    if (id === null) return
    const element = document.getElementById(id)
    // jsdom has no scrolling.
    if (element !== null && typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'start' })
  }, [hash])
}

/** The element id a location hash names, or null: a hand-typed `#%` is not a crash. */
export function hashTarget(hash: string): string | null {
  if (hash.length < 2) return null
  try {
    return decodeURIComponent(hash.slice(1))
  } catch {
    return null
  }
}
