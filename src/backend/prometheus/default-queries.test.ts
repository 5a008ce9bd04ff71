import { describe, expect, it } from 'vitest'
import { METRIC_IDS } from '@/domain/catalog'
import { DEFAULT_QUERIES, withWindow } from './default-queries'

describe('default PromQL', () => {
  it.each(METRIC_IDS)('%s has a query', (metric) => {
    expect(DEFAULT_QUERIES[metric]).toMatch(/\S/)
  })

  it('has no query for a metric the catalog does not know', () => {
    expect(Object.keys(DEFAULT_QUERIES).sort()).toEqual([...METRIC_IDS].sort())
  })

  it.each(METRIC_IDS)('%s: every rate window is filled in', (metric) => {
    const filled = withWindow(DEFAULT_QUERIES[metric], '10s')
    expect(filled).not.toContain('$window')
    expect(filled.split('[').length - 1).toBe(filled.split('[10s]').length - 1)
  })
})
