import type { Incident, MetricsResponse } from '@/api/schemas'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import type { GridSeries } from '@/domain/alert-engine'
import type { ChartRow } from '@/components/charts/chart-data'
import { chartRows, figureData, incidentMarkers, liveRefreshMs, stepFor } from './chart-pipeline'
import { figureThresholds, METRIC_FIGURES, type MetricFigure } from './metric-figures'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const WEEK = 7 * DAY
const T0 = Date.UTC(2026, 10, 20)

function figure(id: string): MetricFigure {
  const found = METRIC_FIGURES.find((f) => f.id === id)
  if (!found) throw new Error(`no figure ${id}`)
  return found
}

/** A seeded series with a daily rhythm, a few spikes and gaps, on a 10 s grid. */
function weekOf10s(seed: number, base: number, spike: number): GridSeries {
  let s = seed
  const next = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0
    return s / 4_294_967_296
  }
  const n = WEEK / 10_000 + 1
  const values: (number | null)[] = []
  for (let i = 0; i < n; i++) {
    const roll = next()
    values.push(roll < 0.0005 ? null : roll < 0.002 ? spike + next() * spike : base * (1 + 0.3 * Math.sin(i / 1440)) + next() * base * 0.2)
  }
  return { fromMs: T0, stepS: 10, values }
}

// ---------------------------------------------------------------- step

test.each([
  ['1 h at 1,200 px', HOUR, 1200, true, 10],
  ['24 h at 600 px', DAY, 600, true, 150],
  ['7 d at 1,200 px', WEEK, 1200, true, 510],
  ['7 d at 1,200 px, downsampling off', WEEK, 1200, false, 10],
  ['15 min at 300 px', 15 * MIN, 300, true, 10],
  ['7 d at an unmeasured 0 px', WEEK, 0, true, 10 * 60_480],
])('the step for %s is %i s', (_, duration, width, downsample, expected) => {
  expect(stepFor(duration, width, downsample)).toBe(expected)
})

test('the chosen step asks for one point per pixel at most, and not much fewer', () => {
  for (const width of [320, 777, 1200, 2560]) {
    for (const duration of [6 * HOUR, DAY, WEEK]) {
      const points = duration / (stepFor(duration, width, true) * 1000)
      expect(points).toBeLessThanOrEqual(width)
      expect(points).toBeGreaterThan(width / 2)
    }
  }
})

test.each([
  [10, 10_000],
  [80, 80_000],
  [260, 260_000],
])('a live chart with %i s steps refreshes every %i ms', (step, expected) => {
  expect(liveRefreshMs(step)).toBe(expected)
})

// ---------------------------------------------------------------- rows

test('a short series becomes one row per sample, gaps kept as nulls', () => {
  const a: GridSeries = { fromMs: T0, stepS: 10, values: [1, null, 3] }
  const b: GridSeries = { fromMs: T0, stepS: 10, values: [4, 5, null] }
  expect(chartRows([a, b], T0, T0 + 20_000, 1200, true)).toEqual([
    { t: T0, s0: 1, s1: 4 },
    { t: T0 + 10_000, s0: null, s1: 5 },
    { t: T0 + 20_000, s0: 3, s1: null },
  ])
})

test('without reduction a week of 10 s data is every sample', () => {
  const week = weekOf10s(1, 800, 3000)
  expect(chartRows([week], T0, T0 + WEEK, 1200, false)).toHaveLength(week.values.length)
})

/** For each pixel column, the largest value of series `key` among `rows`. */
function columnMax(times: readonly number[], values: readonly (number | null | undefined)[], width: number) {
  const max = new Map<number, number>()
  times.forEach((t, i) => {
    const v = values[i]
    if (typeof v !== 'number') return
    const c = Math.min(width - 1, Math.floor(((t - T0) * width) / WEEK))
    max.set(c, Math.max(max.get(c) ?? Number.NEGATIVE_INFINITY, v))
  })
  return max
}

test('reducing a week of two series keeps every column in which either crossed its threshold, with its true values', () => {
  const width = 1200
  const latency = weekOf10s(7, 900, 3100)
  const other = weekOf10s(8, 400, 2000)
  const rows = chartRows([latency, other], T0, T0 + WEEK, width, true)

  expect(rows.length).toBeLessThan(latency.values.length / 5)
  expect(rows.length).toBeLessThanOrEqual(2 * 5 * width)

  const rawTimes = latency.values.map((_, i) => T0 + i * 10_000)
  const rowTimes = rows.map((r) => r.t)
  for (const [key, series, threshold] of [
    ['s0', latency, 3000],
    ['s1', other, 2000],
  ] as const) {
    const raw = columnMax(rawTimes, series.values, width)
    const kept = columnMax(rowTimes, rows.map((r: ChartRow) => r[key]), width)
    const breached = [...raw].filter(([, max]) => max > threshold)
    expect(breached.length).toBeGreaterThan(50)
    for (const [column, max] of breached) expect(kept.get(column)).toBe(max)
  }
  // No invented values: each row holds the series' own sample at that time.
  for (const row of rows) {
    const i = (row.t - T0) / 10_000
    expect(row.s0).toBe(latency.values[i] ?? null)
    expect(row.s1).toBe(other.values[i] ?? null)
  }
})

test('a gap inside a reduced series still breaks the line', () => {
  const n = WEEK / 10_000 + 1
  const values = Array.from({ length: n }, (_, i) => (i > 30_000 && i < 30_500 ? null : 100 + (i % 7)))
  const rows = chartRows([{ fromMs: T0, stepS: 10, values }], T0, T0 + WEEK, 1200, true)
  const gapRows = rows.filter((r) => r.s0 === null)
  expect(gapRows).toHaveLength(1)
  expect(gapRows[0]?.t).toBe(T0 + 30_001 * 10_000)
})

test('series on different grids are merged by time, unreduced', () => {
  const a: GridSeries = { fromMs: T0, stepS: 10, values: [1, 2] }
  const b: GridSeries = { fromMs: T0 + 5_000, stepS: 10, values: [3] }
  expect(chartRows([a, b], T0, T0 + 10_000, 100, true)).toEqual([
    { t: T0, s0: 1, s1: null },
    { t: T0 + 5_000, s0: null, s1: 3 },
    { t: T0 + 10_000, s0: 2, s1: null },
  ])
})

// ---------------------------------------------------------------- alert spans

/** 10 s samples: `minutes` of each value in turn. */
function minutes(...parts: (readonly [number, number | null])[]): GridSeries {
  const values: (number | null)[] = []
  for (const [count, value] of parts) for (let i = 0; i < count * 6; i++) values.push(value)
  return { fromMs: T0, stepS: 10, values }
}

test('the error-rate figure states both runbook thresholds', () => {
  expect(figureThresholds(figure('stt-error-rate')).map((t) => t.label)).toEqual(['Warning: > 5 % for 15 min', 'Critical: > 10 % for 5 min'])
})

// ---------------------------------------------------------------- incidents

function incident(partial: Partial<Incident>): Incident {
  return {
    id: 'INC-10001',
    title: 'STT failing',
    severity: 'P2',
    status: 'investigating',
    impact: '',
    services: ['stt'],
    assignee: null,
    escalationLevel: 1,
    declaredAt: new Date(T0 + 10 * MIN).toISOString(),
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    rootCause: '',
    resolution: '',
    alertIds: [],
    playbooks: [],
    checklist: [],
    postmortemAt: null,
    followUps: [],
    lastStatusUpdateAt: null,
    updatedAt: new Date(T0).toISOString(),
    version: 1,
    ...partial,
  }
}

test('an incident is marked declared → mitigated → resolved', () => {
  const resolved = incident({
    mitigatedAt: new Date(T0 + 20 * MIN).toISOString(),
    resolvedAt: new Date(T0 + 30 * MIN).toISOString(),
  })
  expect(incidentMarkers([resolved], ['stt'], T0, T0 + HOUR, T0 + HOUR)).toEqual([
    { fromMs: T0 + 10 * MIN, toMs: T0 + 20 * MIN, label: 'INC-10001 declared', tone: 'active' },
    { fromMs: T0 + 20 * MIN, toMs: T0 + 30 * MIN, label: 'INC-10001 mitigated', tone: 'calm' },
    { fromMs: T0 + 30 * MIN, label: 'INC-10001 resolved', tone: 'calm' },
  ])
})

test('an open incident runs to now; other components’ and out-of-range incidents are not marked', () => {
  const open = incident({})
  expect(incidentMarkers([open], [], T0, T0 + HOUR, T0 + 40 * MIN)).toEqual([
    { fromMs: T0 + 10 * MIN, toMs: T0 + 40 * MIN, label: 'INC-10001 declared', tone: 'active' },
  ])
  expect(incidentMarkers([open], ['database'], T0, T0 + HOUR, T0 + HOUR)).toEqual([])
  expect(incidentMarkers([incident({ services: [] })], ['database'], T0, T0 + HOUR, T0 + HOUR)).toHaveLength(1)
  const earlier = incident({ resolvedAt: new Date(T0 - MIN).toISOString(), declaredAt: new Date(T0 - HOUR).toISOString() })
  expect(incidentMarkers([earlier], ['stt'], T0, T0 + HOUR, T0 + HOUR)).toEqual([])
})

// ---------------------------------------------------------------- a figure end to end

test('a figure’s data: its series in order, rows keyed by position, and the spans of its rules', () => {
  const p95 = minutes([5, 1000], [10, 4000], [5, 1000])
  const p50 = minutes([20, 500])
  const iso = (ms: number) => new Date(ms).toISOString()
  const response: MetricsResponse = {
    from: iso(T0),
    to: iso(T0 + (p95.values.length - 1) * 10_000),
    step: 10,
    series: [
      { metric: 'stt.latency.p95', unit: 'ms', from: iso(T0), to: iso(T0 + (p95.values.length - 1) * 10_000), step: 10, values: [...p95.values] },
      { metric: 'stt.latency.p50', unit: 'ms', from: iso(T0), to: iso(T0 + (p50.values.length - 1) * 10_000), step: 10, values: [...p50.values] },
    ],
  }
  const data = figureData(figure('stt-latency'), response, 1200, true)
  expect(data.series.map((s) => s.label)).toEqual(['P50', 'P95'])
  expect(data.rows[0]).toEqual({ t: T0, s0: 500, s1: 1000 })
  expect(data.spans.map((s) => `${s.kind} ${(s.fromMs - T0) / MIN}–${(s.toMs - T0) / MIN}`)).toEqual(['pending 5–6', 'firing 6–15'])
  expect(figureThresholds(figure('stt-latency')).map((t) => t.label)).toEqual(['P95 warning: > 3 s for 1 min'])
})

test('three services sharing a threshold draw one line, which applies to all three', () => {
  expect(figureThresholds(figure('retry-rate'))).toEqual([
    { value: 0.1, severity: 'warning', comparator: '>', label: 'Warning: > 10 % for 5 min', series: ['STT', 'LLM', 'TTS'] },
  ])
})

test.each([
  ['stt-latency', [{ label: 'P95 warning: > 3 s for 1 min', comparator: '>', series: ['P95'] }]],
  ['service-up', [{ label: 'Critical: down for 1 min', comparator: '==', series: ['Voice agent', 'STT', 'LLM', 'TTS'] }]],
  ['api-quota', [{ label: 'Critical: ≥ 100 %', comparator: '>=', series: ['OpenAI', 'Groq'] }]],
] as const)('the %s thresholds say how a value crosses them and which series they apply to', (id, expected) => {
  expect(figureThresholds(figure(id)).map(({ label, comparator, series }) => ({ label, comparator, series }))).toEqual(expected)
})

test('every alert rule instance has a figure that shades it', () => {
  const drawn = new Set(METRIC_FIGURES.flatMap((f) => f.series.map((s) => s.metric)))
  expect(ALERT_INSTANCES.filter((i) => !drawn.has(i.metric)).map((i) => i.id)).toEqual([])
})
