/**
 * The PromQL Vigil runs per metric: the default query (src/backend/prometheus/
 * default-queries.ts) or the team's own from VIGIL_PROMETHEUS_QUERIES, with the rate
 * window filled in, and wrapped so a coarse step keeps each step's worst value.
 */
import { readFileSync } from 'node:fs'
import { DEFAULT_QUERIES, withWindow } from '@/backend/prometheus/default-queries'
import { aggregationOf, type Aggregation } from '@/backend/simulator/aggregate'
import { BASE_STEP_S, isMetricId, type MetricId } from '@/domain/catalog'

export type QueryOverrides = Partial<Record<MetricId, string>>

export type QueriesFileResult = { ok: true; queries: QueryOverrides } | { ok: false; problems: string[] }

/**
 * Reads the queries file at start, so a typo in a metric id stops the server with the
 * key named instead of leaving a panel silently on the default query.
 */
export function readQueriesFile(path: string): QueriesFileResult {
  const where = `VIGIL_PROMETHEUS_QUERIES: ${path}`
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    return { ok: false, problems: [`${where} cannot be read as JSON (${error instanceof Error ? error.message : String(error)}).`] }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, problems: [`${where} must hold one object, {"<metric id>": "<PromQL>"}.`] }
  }
  const queries: QueryOverrides = {}
  const problems: string[] = []
  for (const [key, value] of Object.entries(json)) {
    if (!isMetricId(key)) problems.push(`${where}: "${key}" is not a metric id (the ids are listed in src/domain/catalog.ts, e.g. stt.latency.p95).`)
    else if (typeof value !== 'string' || value.trim() === '') problems.push(`${where}: "${key}" must be a PromQL string.`)
    else queries[key] = value.trim()
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, queries }
}

/** The metric's instant query, the team's when it gave one; `$window` works in both. */
export function metricQuery(metric: MetricId, overrides: QueryOverrides, window: string): string {
  return withWindow(overrides[metric] ?? DEFAULT_QUERIES[metric], window)
}

const OVER_TIME: Record<Aggregation, string> = { max: 'max_over_time', mean: 'avg_over_time', min: 'min_over_time' }

/**
 * What query_range runs at `stepS`: the query itself at the 10-second base step;
 * coarser, a subquery at 10-second resolution summarised per step the way the
 * simulator combines its samples (aggregationOf), so a 20-second spike still shows on
 * a 7-day chart.
 *
 * The subquery range is one second short of the step on purpose: Prometheus 2.x
 * includes both ends of a range, so `[600s:10s]` would take 61 samples, the one at
 * the previous step's end counted twice (checked with promtool on 2.42). `[599s:10s]`
 * takes exactly the 60 samples of (t − 600 s, t], as the simulator does, in 2.x and in
 * 3.x (whose ranges are left-open).
 */
export function rangeExpr(metric: MetricId, query: string, stepS: number): string {
  if (stepS <= BASE_STEP_S) return query
  return `${OVER_TIME[aggregationOf(metric)]}((${query})[${stepS - 1}s:${BASE_STEP_S}s])`
}
