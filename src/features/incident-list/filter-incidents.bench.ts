/**
 * filterIncidents over 10,000 incidents — the list re-runs it on every filter change
 * and every refetch that brings new data. Target: well under one 16 ms frame.
 */
import { bench, describe } from 'vitest'
import { filterIncidents } from './filter-incidents'
import { manyIncidents, NOW } from './incident-builder'
import { DEFAULT_FILTERS } from './incident-filters'

const INCIDENTS = manyIncidents(10_000)
const ctx = { now: NOW, assigneeNames: new Map([['priya', 'Priya Raman'], ['tom', 'Tom Becker']]) }

describe('filterIncidents, 10,000 incidents', () => {
  bench('default view (open + recent), severity sort', () => {
    filterIncidents(INCIDENTS, DEFAULT_FILTERS, ctx)
  })
  bench('status=all, sort by age', () => {
    filterIncidents(INCIDENTS, { ...DEFAULT_FILTERS, status: ['all'], sort: 'age' }, ctx)
  })
  bench('status=all, severity sort (10,000 rows kept)', () => {
    filterIncidents(INCIDENTS, { ...DEFAULT_FILTERS, status: ['all'] }, ctx)
  })
  bench('status=all, free text "priya quota"', () => {
    filterIncidents(INCIDENTS, { ...DEFAULT_FILTERS, status: ['all'], q: 'priya quota' }, ctx)
  })
  bench('severity=P1,P2 + service=stt + sort by deadline', () => {
    filterIncidents(INCIDENTS, { ...DEFAULT_FILTERS, status: ['all'], severity: ['P1', 'P2'], service: ['stt'], sort: 'deadline' }, ctx)
  })
})
