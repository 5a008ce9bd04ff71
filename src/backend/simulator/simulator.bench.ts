import { bench, describe } from 'vitest'
import { METRIC_IDS } from '@/domain/catalog'
import { generateMany } from './series'
import { errorBreakdown } from './errors'
import { recentLogs } from './logs'
import type { SimConfig } from './scenarios'

const NOW = Date.parse('2026-11-27T15:00:00Z')
const WEEK_AGO = NOW - 7 * 24 * 3600_000
const config: SimConfig = {
  seed: 7,
  epochs: [
    { scenario: 'rate-limiting', fromMs: NOW - 3 * 24 * 3600_000 },
    { scenario: 'healthy', fromMs: NOW - 3 * 24 * 3600_000 + 3600_000 },
    { scenario: 'slow-degradation', fromMs: NOW - 3 * 3600_000 },
  ],
}

describe('simulator, one week of every metric (31 series)', () => {
  bench('10 s steps (60,480 samples a series)', () => {
    generateMany(config, METRIC_IDS, WEEK_AGO, NOW, 10)
  })
  bench('600 s steps (aggregated from 10 s)', () => {
    generateMany(config, METRIC_IDS, WEEK_AGO, NOW, 600)
  })
})

describe('simulator, other endpoints', () => {
  bench('error breakdown over a week', () => {
    errorBreakdown(config, WEEK_AGO, NOW)
  })
  bench('log tail of 200 lines', () => {
    recentLogs(config, NOW, { limit: 200 })
  })
})
