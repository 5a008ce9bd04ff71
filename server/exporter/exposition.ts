/**
 * Prometheus' text exposition format (0.0.4) for one scrape target.
 *
 * Counters and histograms carry an explicit timestamp, the instant their value was
 * computed for: Prometheus otherwise stamps a scrape with the moment it sent the request,
 * a few milliseconds before the exporter reads its clock, and that jitter would leak into
 * rate(). Gauges carry none, so a target that goes down leaves Prometheus' staleness
 * markers behind and its gauges vanish at once rather than lingering for five minutes
 * (Prometheus skips staleness for timestamped samples).
 */
import { FAMILIES, SERIES, type TargetId } from './series'

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

/**
 * The target's page. `gauges` holds the gauge tick's figures, `counterRates` the counter
 * tick's (NaN leaves a series out), `totals` the counters' values at `counterMs`.
 */
export function renderTarget(target: TargetId, gauges: Float64Array, counterRates: Float64Array, totals: Float64Array, counterMs: number): string {
  let text = ''
  for (const family of FAMILIES) {
    if (family.target !== target) continue
    let body = ''
    for (const k of family.series) {
      const series = SERIES[k]
      if (series === undefined) continue
      if (series.counter) {
        if (Number.isNaN(counterRates[k] ?? NaN)) continue
        body += `${series.sample} ${totals[k] ?? 0} ${counterMs}\n`
      } else {
        const value = gauges[k] ?? NaN
        if (!Number.isNaN(value)) body += `${series.sample} ${value}\n`
      }
    }
    if (body !== '') text += `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} ${family.type}\n${body}`
  }
  return text
}
