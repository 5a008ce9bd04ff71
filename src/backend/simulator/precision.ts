/**
 * The precision a metric is served at: whole milliseconds, 0.01 % for ratios, 0.01
 * req/s, whole counts. Besides being what a person can read off a chart, it keeps a
 * week of samples cheap: a fractional number stored in a plain array (one that also
 * holds nulls) costs a heap allocation each, so served values come from a table of
 * the numbers on the grid, built once and shared, instead of being boxed one by one.
 */
import { METRIC_UNITS, type MetricId } from '@/domain/catalog'

/** Steps per unit: a value is served as round(v × steps) / steps. */
export function stepsPerUnit(metric: MetricId): number {
  if (metric === 'db.latency') return 10
  switch (METRIC_UNITS[metric]) {
    case 'ratio':
      return 10_000
    case 'rps':
      return 100
    case 'ms':
    case 'count':
    case 'bool':
      return 1
  }
}

const TABLE_SIZE = 10_001
const tables = new Map<number, readonly number[]>()

/** q / steps for q = 0 … 10,000, each number allocated once and shared by every series. */
export function gridTable(steps: number): readonly number[] {
  let table = tables.get(steps)
  if (table === undefined) {
    // Started with nulls so the engine keeps an array of references: an all-number
    // array would store raw doubles, and every read would be boxed afresh.
    const grid = new Array<number | null>(TABLE_SIZE).fill(null)
    for (let q = 0; q < TABLE_SIZE; q++) grid[q] = q / steps
    table = grid as readonly number[]
    tables.set(steps, table)
  }
  return table
}

/**
 * The served value of v: null for NaN (no data), else on the metric's grid. Whole
 * numbers are small integers, which an array stores without allocating; fractions
 * come from the shared table while they fit in it.
 */
export function served(v: number, steps: number, table: readonly number[]): number | null {
  if (Number.isNaN(v)) return null
  const q = Math.round(v * steps)
  return steps === 1 ? q : (table[q] ?? q / steps)
}
