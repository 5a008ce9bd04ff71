/**
 * Alert shading for any chart: where the engine's rules were pending or firing over the
 * very series on screen, evaluated on the client with the same engine the backend uses.
 */
import type { MetricId } from '@/domain/catalog'
import type { AlertInstance } from '@/domain/alert-rules'
import { alertSpans, type GridSeries } from '@/domain/alert-engine'
import type { ChartSpan } from './chart-data'

/**
 * Where the alerts on a chart were pending or firing, from the series on screen: one
 * span per state of each rule instance, labelled with the alert's name. Spans of one
 * alert and state separated by no more than `mergeGapMs` (a pixel column) of inactive
 * time are joined, so a rule flapping over a week shades a band rather than a hundred
 * slivers. Time without data is not shaded, nor are instances whose series is absent.
 */
export function chartAlertSpans(
  instances: readonly AlertInstance[],
  seriesByMetric: ReadonlyMap<MetricId, GridSeries>,
  mergeGapMs = 0,
): ChartSpan[] {
  const out: ChartSpan[] = []
  for (const instance of instances) {
    const series = seriesByMetric.get(instance.metric)
    if (series === undefined || series.values.length === 0) continue
    let last: ChartSpan | undefined
    for (const span of alertSpans(instance, series)) {
      if (span.state === 'nodata') {
        last = undefined
        continue
      }
      if (last?.kind === span.state && span.fromMs - last.toMs <= mergeGapMs) {
        last.toMs = span.toMs
        continue
      }
      last = { fromMs: span.fromMs, toMs: span.toMs, kind: span.state, label: instance.name }
      out.push(last)
    }
  }
  return out.sort((a, b) => a.fromMs - b.fromMs)
}
