/**
 * Metric series, parsed leniently: a sample that is not a finite, non-negative number
 * (a negative, an overflowed 1e999 that JSON.parse makes Infinity, a string) becomes a
 * gap and is counted, instead of rejecting the series; a series that still breaks the
 * contract (unknown metric, values that do not fit its window) is set aside, and the
 * rest are shown. A metric that appears twice is shown once.
 */
import { metricSeries, type MetricSeries } from './schemas'
import { parseItems, type SetAside } from './lenient-list'

export interface LenientSeries {
  series: MetricSeries[]
  setAside: SetAside
  /** Samples that were not valid numbers and are shown as gaps. */
  gaps: number
}

/** A sample the contract takes: null (a gap) or a finite number ≥ 0. */
export function isValidSample(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0)
}

export function parseSeriesList(raw: readonly unknown[]): LenientSeries {
  let gaps = 0
  const cleaned = raw.map((candidate) => {
    if (typeof candidate !== 'object' || candidate === null || !('values' in candidate) || !Array.isArray(candidate.values)) {
      return candidate
    }
    const values: unknown[] = candidate.values
    const bad = values.filter((v) => !isValidSample(v)).length
    if (bad === 0) return candidate
    gaps += bad
    return { ...candidate, values: values.map((v) => (isValidSample(v) ? v : null)) }
  })
  const { items, setAside } = parseItems(cleaned, metricSeries, (s) => s.metric)
  return { series: items, setAside, gaps }
}
