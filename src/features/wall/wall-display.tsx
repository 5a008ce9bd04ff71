import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import type { ShownComponentHealth } from '@/api/health'
import { setAsideOf } from '@/api/incidents'
import { useCoverageOf } from '@/lib/use-alert-coverage'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { AlertList, AlertSummary } from './alert-list'
import { HealthTiles, HealthTilesPlaceholder } from './health-tiles'
import { IncidentList } from './incident-list'
import { P1Takeover } from './p1-takeover'
import { useQueryCacheProbe } from './use-query-cache-probe'
import { useWallScale } from './use-wall-scale'
import { activeAlerts, countAlerts } from './wall-alerts'
import { WallCharts } from './wall-charts'
import { WallHeader } from './wall-header'
import { openIncidentsBySeverity } from './wall-incidents'
import { WallPanel, type Freshness } from './wall-panel'
import { parseWallSettings } from './wall-params'
import { wallQueries } from './wall-queries'

interface QueryView<T> {
  data: T | undefined
  dataUpdatedAt: number
  error: Error | null
}

/** Readable across the room, like the wall's stale banner, but not alarming: the rest of the panel is current. */
const WALL_NOTICE = 'shrink-0 text-lg font-semibold text-amber-200'

const freshnessOf = (q: QueryView<unknown>, refreshMs: number): Freshness => ({
  lastSuccessAt: q.data === undefined ? 0 : q.dataUpdatedAt,
  error: q.error,
  refreshMs,
})

/**
 * The war-room wall: one screen, no scrolling, nothing to click. Four queries (one
 * stable key each) refresh on their own; each panel keeps its last good data and says
 * when it is stale. This component re-renders on every refresh, but only to hand the
 * panels their data: the panels are memoised on data identity, so unchanged data
 * (kept by structural sharing) re-renders nothing below.
 */
export function WallDisplay() {
  const [params] = useSearchParams()
  const settings = useMemo(() => parseWallSettings(params), [params])
  const queries = useMemo(() => wallQueries(settings.refreshMs), [settings.refreshMs])
  useWallScale()
  useQueryCacheProbe(settings.debug)

  const health = useQuery(queries.health)
  const alerts = useQuery(queries.alerts)
  const incidents = useQuery(queries.incidents)
  const metrics = useQuery(queries.metrics)
  const { refreshMs } = settings

  const components: readonly ShownComponentHealth[] | undefined = health.data?.components
  const alertList = alerts.data?.alerts
  const shownAlerts = useMemo(() => (alertList === undefined ? undefined : activeAlerts(alertList)), [alertList])
  const counts = useMemo(() => (alertList === undefined ? undefined : countAlerts(alertList)), [alertList])
  const open = useMemo(() => (incidents.data === undefined ? undefined : openIncidentsBySeverity(incidents.data)), [incidents.data])
  const { handling, coverage, components: handledTiles } = useCoverageOf(alertList, incidents.data)

  const loaded = [health, alerts, incidents, metrics].filter((q) => q.data !== undefined)
  // The oldest panel's last success: the wall never claims fresher data than it shows.
  const lastRefreshAt = loaded.length === 4 ? Math.min(...loaded.map((q) => q.dataUpdatedAt)) : 0

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-hidden">
      <WallHeader lastRefreshAt={lastRefreshAt} />
      <P1Takeover incidents={incidents.data} sound={settings.sound} />
      <WallPanel title="Service health" freshness={freshnessOf(health, refreshMs)} className="shrink-0">
        {components === undefined ? <HealthTilesPlaceholder /> : <HealthTiles components={components} handled={handledTiles} />}
        {health.data !== undefined && <SetAsideNotice setAside={health.data.setAside} noun={['component', 'components']} className={WALL_NOTICE} />}
      </WallPanel>
      <div className="grid min-h-0 flex-1 grid-cols-[5fr_7fr] grid-rows-[minmax(0,1fr)] gap-4">
        <div className="grid min-h-0 grid-rows-[minmax(0,11fr)_minmax(0,9fr)] gap-4">
          <WallPanel
            title="Open incidents"
            summary={open !== undefined && <p className="shrink-0 text-2xl font-bold tabular-nums">{open.length} open</p>}
            freshness={freshnessOf(incidents, refreshMs)}
          >
            {open !== undefined && <IncidentList incidents={open} coverage={coverage} />}
            {incidents.data !== undefined && (
              <SetAsideNotice setAside={setAsideOf(incidents.data)} noun={['incident', 'incidents']} className={WALL_NOTICE} />
            )}
          </WallPanel>
          <WallPanel
            title="Alerts"
            summary={counts !== undefined && <AlertSummary counts={counts} />}
            freshness={freshnessOf(alerts, refreshMs)}
          >
            {shownAlerts !== undefined && <AlertList alerts={shownAlerts} handling={handling} />}
            {alerts.data !== undefined && <SetAsideNotice setAside={alerts.data.setAside} noun={['alert', 'alerts']} className={WALL_NOTICE} />}
          </WallPanel>
        </div>
        <WallPanel title="Key metrics, last hour" freshness={freshnessOf(metrics, refreshMs)}>
          {metrics.data !== undefined && <WallCharts response={metrics.data} rotateMs={settings.rotateMs} />}
          {metrics.data !== undefined && (
            <SetAsideNotice setAside={metrics.data.setAside} gaps={metrics.data.gaps} noun={['series', 'series']} className={WALL_NOTICE} />
          )}
        </WallPanel>
      </div>
    </div>
  )
}
