import { useCallback, useMemo, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { alertQueries } from '@/api/alerts'
import type { Alert } from '@/api/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { AlertsPanel } from '@/features/alerts/alerts-panel'
import { DeclareIncidentDialog } from '@/features/declare/declare-dialog'
import { declareFromAlert } from '@/features/declare/declare-form'
import { ErrorsByType } from '@/features/errors/errors-by-type'
import { LogTail } from '@/features/logs/log-tail'
import { figureHref } from '@/features/metrics/metric-figures'
import { windowDurationMs, windowOf } from '@/features/metrics/metric-range'
import { RangeControl } from '@/features/metrics/range-control'
import { describeRange, timeFormatFor } from '@/features/metrics/time-labels'
import { useMetricsView } from '@/features/metrics/use-metrics-view'

/**
 * What is broken, since when and how badly: every alert rule with its state and
 * history over the range, the top error types and the log tail. The range control is
 * the Metrics page's, so a chart link keeps the range.
 */
export function AlertsPage() {
  const [view] = useMetricsView()
  const queryClient = useQueryClient()
  const [declaring, setDeclaring] = useState<Alert | null>(null)
  const window = useMemo(() => windowOf(view), [view])
  const chartHref = useCallback((alert: Alert) => figureHref(alert.metric, view), [view])
  const onDeclare = useCallback((alert: Alert) => {
    setDeclaring(alert)
  }, [])
  const initial = useMemo(() => {
    if (declaring === null) return undefined
    // The alerts firing beside it raise the suggested severity (a core service down is P1).
    const firing = queryClient.getQueryData(alertQueries.current().queryKey)?.alerts ?? []
    return declareFromAlert(
      declaring,
      firing.filter((a) => a.state === 'firing' && a.id !== declaring.id),
    )
  }, [declaring, queryClient])

  return (
    <>
      <PageHeader
        title="Alerts"
        description={`The runbook’s alert rules now, and their history over ${describeRange(view)}.`}
        actions={<RangeControl showLive={false} />}
      />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[3fr_2fr]">
        <AlertsPanel window={window} formatTime={timeFormatFor(windowDurationMs(view))} chartHref={chartHref} onDeclare={onDeclare} />
        <div className="flex min-w-0 flex-col gap-4">
          <ErrorsByType window={window} rangeLabel={describeRange(view)} />
          <LogTail />
        </div>
      </div>
      {declaring !== null && (
        <DeclareIncidentDialog
          initial={initial}
          onClose={() => {
            setDeclaring(null)
          }}
        />
      )}
    </>
  )
}
