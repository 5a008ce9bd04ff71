import { METRIC_IDS, METRIC_UNITS, SCENARIOS, type MetricId } from '@/domain/catalog'
import { sampleCount } from '@/domain/time-grid'
import { sampleValue } from '@/api/schemas'
import { SCENARIO_LEAD_MS, type SimConfig } from './scenarios'
import { generateMany, generateSeries, type SimSeries } from './series'
import { stepsPerUnit } from './precision'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const NOW = Date.parse('2026-11-27T15:00:00Z')
const healthy: SimConfig = { seed: 42, epochs: [] }
const TAIL_SAMPLES = 12

/** The values of `long` at the timestamps of `short` (both at the same step). */
function cut(long: SimSeries, short: SimSeries): (number | null)[] {
  const offset = (short.fromMs - long.fromMs) / (long.stepS * 1000)
  return long.values.slice(offset, offset + short.values.length)
}

function nullRuns(values: readonly (number | null)[]): number[] {
  const runs: number[] = []
  let run = 0
  for (const v of values) {
    if (v === null) run++
    else if (run > 0) {
      runs.push(run)
      run = 0
    }
  }
  if (run > 0) runs.push(run)
  return runs
}

test('the same seed and epochs give the same numbers', () => {
  const config: SimConfig = { seed: 5, epochs: [{ scenario: 'llm-timeout', fromMs: NOW - 20 * MIN }] }
  expect(generateMany(config, METRIC_IDS, NOW - DAY, NOW, 10)).toEqual(
    generateMany({ ...config, epochs: [...config.epochs] }, METRIC_IDS, NOW - DAY, NOW, 10),
  )
})

test('a different seed gives different numbers', () => {
  const a = generateSeries({ seed: 1, epochs: [] }, 'stt.latency.p95', NOW - HOUR, NOW, 10)
  const b = generateSeries({ seed: 2, epochs: [] }, 'stt.latency.p95', NOW - HOUR, NOW, 10)
  const same = a.values.filter((v, i) => v === b.values[i]).length
  expect(same).toBeLessThan(a.values.length / 10)
})

test('every metric has its own noise', () => {
  const series = generateMany(healthy, ['stt.error_rate', 'llm.error_rate', 'tts.error_rate'], NOW - HOUR, NOW, 10)
  const [stt, llm, tts] = series.map((s) => s.values)
  expect(stt).not.toEqual(llm)
  expect(llm).not.toEqual(tts)
})

test.each([
  ['10 s, healthy', 10, healthy],
  ['60 s, through an outage and its end', 60, {
    seed: 9,
    epochs: [
      { scenario: 'openai-outage', fromMs: NOW - 30 * HOUR },
      { scenario: 'healthy', fromMs: NOW - 29 * HOUR },
    ],
  }],
  ['600 s, during a slow degradation', 600, { seed: 3, epochs: [{ scenario: 'slow-degradation', fromMs: NOW - 36 * HOUR }] }],
] as const)('a slice equals the same range cut from a longer window (%s)', (_, stepS, config) => {
  const long = generateMany(config, METRIC_IDS, NOW - 2 * DAY, NOW, stepS)
  const slice = generateMany(config, METRIC_IDS, NOW - 40 * HOUR - 7_000, NOW - 27 * HOUR + 123, stepS)
  slice.forEach((series, k) => {
    const whole = long[k]
    if (whole === undefined) throw new Error('missing series')
    const expected = cut(whole, series)
    const bodyEnd = series.values.length - TAIL_SAMPLES
    expect(series.values.slice(0, bodyEnd)).toEqual(expected.slice(0, bodyEnd))
    // In the slice's last two minutes gaps are held back; everything else is the same.
    series.values.slice(bodyEnd).forEach((v, i) => {
      const w = expected[bodyEnd + i]
      if (w !== null) expect(v).toBe(w)
    })
  })
})

test.each([
  [10, 65_536],
  [600, 1_092],
])('a long window, computed in chunks, is seamless where chunks meet (step %i s)', (stepS, boundary) => {
  const config: SimConfig = { seed: 4, epochs: [{ scenario: 'slow-degradation', fromMs: NOW - 9 * DAY + boundary * stepS * 1000 - HOUR }] }
  const long = generateMany(config, METRIC_IDS, NOW - 9 * DAY, NOW, stepS)
  const first = long[0]
  if (first === undefined) throw new Error('no series')
  const at = first.fromMs + boundary * stepS * 1000
  const around = generateMany(config, METRIC_IDS, at - 50 * stepS * 1000, at + 50 * stepS * 1000, stepS)
  around.forEach((series, k) => {
    const whole = long[k]
    if (whole === undefined) throw new Error('missing series')
    const body = series.values.length - TAIL_SAMPLES
    expect(series.values.slice(0, body)).toEqual(cut(whole, series).slice(0, body))
  })
})

test('a window is snapped to the step grid, both ends rounded down', () => {
  const from = Date.parse('2026-11-27T14:00:07.250Z')
  const to = Date.parse('2026-11-27T14:59:53Z')
  const series = generateSeries(healthy, 'host.cpu', from, to, 60)
  expect(series.fromMs).toBe(Date.parse('2026-11-27T14:00:00Z'))
  expect(series.toMs).toBe(Date.parse('2026-11-27T14:59:00Z'))
  expect(series.stepS).toBe(60)
  expect(series.values).toHaveLength(sampleCount(series.fromMs, series.toMs, 60))
  expect(series.values).toHaveLength(60)
})

test('a window that ends before it starts holds one sample', () => {
  expect(generateSeries(healthy, 'host.cpu', NOW, NOW - HOUR, 10).values).toHaveLength(1)
})

test.each([0, -10, 15, 10.5, Number.NaN])('step %s is refused', (stepS) => {
  expect(() => generateSeries(healthy, 'host.cpu', NOW - HOUR, NOW, stepS)).toThrow(RangeError)
})

test('a window of unbounded length is refused rather than computed', () => {
  expect(() => generateSeries(healthy, 'host.cpu', 0, NOW, 10)).toThrow(/too long/)
  expect(() => generateSeries(healthy, 'host.cpu', Number.NEGATIVE_INFINITY, NOW, 10)).toThrow(RangeError)
})

describe('step aggregation', () => {
  const config: SimConfig = { seed: 11, epochs: [{ scenario: 'db-connection-lost', fromMs: NOW - 20 * MIN + 5_000 }] }
  const from = NOW - 2 * HOUR
  const base = new Map(generateMany(config, METRIC_IDS, from - MIN, NOW, 10).map((s) => [s.metric, s]))
  const coarse = new Map(generateMany(config, METRIC_IDS, from, NOW, 60).map((s) => [s.metric, s]))

  /** The six 10-second samples in (t − 60 s, t] for each 60 s sample. */
  function buckets(metric: MetricId): (number | null)[][] {
    const fine = base.get(metric)
    const wide = coarse.get(metric)
    if (fine === undefined || wide === undefined) throw new Error(metric)
    return wide.values.map((_, m) => {
      const t = wide.fromMs + m * 60_000
      const last = (t - fine.fromMs) / 10_000
      return fine.values.slice(last - 5, last + 1)
    })
  }
  const present = (bucket: (number | null)[]) => bucket.filter((v): v is number => v !== null)

  test.each(['stt.latency.p95', 'llm.error_rate', 'host.cpu', 'db.latency', 'db.save_failures', 'quota.openai'] as const)(
    '%s at 60 s is the max of its six 10 s samples',
    (metric) => {
      const values = coarse.get(metric)?.values ?? []
      buckets(metric).forEach((bucket, m) => {
        const seen = present(bucket)
        expect(values[m]).toBe(seen.length === 0 ? null : Math.max(...seen))
      })
    },
  )

  test.each(['stt.latency.p50', 'llm.requests', 'livekit.rooms', 'livekit.connect_success'] as const)(
    '%s at 60 s is the mean of its six 10 s samples',
    (metric) => {
      const values = coarse.get(metric)?.values ?? []
      buckets(metric).forEach((bucket, m) => {
        const seen = present(bucket)
        const mean = seen.reduce((a, b) => a + b, 0) / seen.length
        // The mean is of the unrounded samples, so it may be off by one served step.
        expect(Math.abs((values[m] ?? NaN) - mean)).toBeLessThanOrEqual(1 / stepsPerUnit(metric) + 1e-9)
      })
    },
  )

  test.each(['db.up', 'stt.up'] as const)('%s at 60 s is the min of its six 10 s samples', (metric) => {
    const values = coarse.get(metric)?.values ?? []
    buckets(metric).forEach((bucket, m) => {
      const seen = present(bucket)
      expect(values[m]).toBe(seen.length === 0 ? null : Math.min(...seen))
    })
  })

  test('the minute in which the database goes down already shows it down', () => {
    const up = coarse.get('db.up')
    if (up === undefined) throw new Error('db.up')
    const downAt = NOW - 20 * MIN + 5_000 + 45_000
    const m = Math.ceil((downAt - up.fromMs) / 60_000)
    expect(up.values[m - 1]).toBe(1)
    expect(up.values[m]).toBe(0)
  })

  test('db.latency: the spike survives aggregation and the outage is null', () => {
    const latency = coarse.get('db.latency')?.values ?? []
    const onset = Math.ceil((NOW - 20 * MIN + 5_000 - from) / 60_000)
    expect(latency[onset]).toBeGreaterThan(1000)
    expect(latency.slice(onset + 2)).toEqual(new Array(latency.length - onset - 2).fill(null))
  })
})

describe('scrape gaps', () => {
  const weeks = generateMany(healthy, METRIC_IDS, NOW - 28 * DAY, NOW, 10)

  test.each(METRIC_IDS)('%s has short, rare gaps', (metric) => {
    const values = weeks.find((s) => s.metric === metric)?.values ?? []
    const runs = nullRuns(values)
    // About one run per 5,000 samples: ~48 in four weeks.
    expect(runs.length).toBeGreaterThan(20)
    expect(runs.length).toBeLessThan(100)
    expect(Math.max(...runs)).toBeLessThanOrEqual(3)
  })

  test('metrics scraped together go missing together', () => {
    const p50 = weeks.find((s) => s.metric === 'stt.latency.p50')?.values ?? []
    const errors = weeks.find((s) => s.metric === 'stt.error_rate')?.values ?? []
    const cpu = weeks.find((s) => s.metric === 'host.cpu')?.values ?? []
    const gaps = (vs: (number | null)[]) => vs.flatMap((v, i) => (v === null ? [i] : []))
    expect(gaps(p50)).toEqual(gaps(errors))
    expect(gaps(p50)).not.toEqual(gaps(cpu))
  })

  test('a gap is held back while it is in the last two minutes of the window', () => {
    const series = weeks.find((s) => s.metric === 'llm.latency.p95')
    if (series === undefined) throw new Error('llm.latency.p95')
    const gapIndex = series.values.findIndex((v) => v === null)
    const gapAt = series.fromMs + gapIndex * 10_000
    for (const endOffset of [0, 30_000, 110_000]) {
      const recent = generateSeries(healthy, 'llm.latency.p95', gapAt - HOUR, gapAt + endOffset, 10)
      expect(recent.values.slice(-TAIL_SAMPLES)).not.toContain(null)
    }
    const later = generateSeries(healthy, 'llm.latency.p95', gapAt - HOUR, gapAt + 3 * MIN, 10)
    expect(later.values[(gapAt - later.fromMs) / 10_000]).toBeNull()
  })

  test.each([10, 60])('no series ends with a gap in its last two minutes (step %i s)', (stepS) => {
    for (let k = 0; k < 300; k++) {
      const end = NOW - k * 7 * MIN - k * 1_000
      for (const series of generateMany({ seed: k, epochs: [] }, METRIC_IDS, end - 10 * MIN, end, stepS)) {
        const tail = series.values.slice(-Math.ceil(120 / stepS))
        expect(tail, `${series.metric} ending ${new Date(end).toISOString()}`).not.toContain(null)
      }
    }
  })

  test('at a coarser step a short gap is bridged by its bucket', () => {
    const fine = weeks.find((s) => s.metric === 'host.memory')
    if (fine === undefined) throw new Error('host.memory')
    const coarse = generateSeries(healthy, 'host.memory', fine.fromMs, fine.toMs, 60)
    expect(nullRuns(fine.values).length).toBeGreaterThan(0)
    expect(coarse.values).not.toContain(null)
  })
})

describe('epochs', () => {
  const onset = NOW - 20 * MIN
  const plain = generateMany(healthy, METRIC_IDS, NOW - 2 * HOUR, NOW, 10)

  test.each(SCENARIOS)('before %s begins, every metric is as if it never happened', (scenario) => {
    const config: SimConfig = { seed: healthy.seed, epochs: [{ scenario, fromMs: onset }] }
    const perturbed = generateMany(config, METRIC_IDS, NOW - 2 * HOUR, NOW, 10)
    const before = (onset - (NOW - 2 * HOUR)) / 10_000 + 1
    perturbed.forEach((series, k) => {
      expect(series.values.slice(0, before)).toEqual(plain[k]?.values.slice(0, before))
    })
    if (scenario !== 'healthy') expect(perturbed).not.toEqual(plain)
  })

  test('after a scenario is switched back to healthy the world is healthy again', () => {
    const config: SimConfig = {
      seed: healthy.seed,
      epochs: [
        { scenario: 'openai-outage', fromMs: NOW - 90 * MIN },
        { scenario: 'healthy', fromMs: NOW - 60 * MIN },
      ],
    }
    const series = generateMany(config, METRIC_IDS, NOW - 2 * HOUR, NOW, 10)
    const [outage, recovery] = [(30 * MIN) / 10_000, (60 * MIN) / 10_000]
    series.forEach((s, k) => {
      expect(s.values.slice(recovery)).toEqual(plain[k]?.values.slice(recovery))
    })
    const sttUp = series.find((s) => s.metric === 'stt.up')?.values ?? []
    expect(sttUp.slice(outage + 6, recovery)).not.toContain(1)
    expect(sttUp.slice(recovery)).not.toContain(0)
  })

  test('epochs out of order are read in time order', () => {
    const epochs = [
      { scenario: 'llm-timeout', fromMs: NOW - 30 * MIN },
      { scenario: 'rate-limiting', fromMs: NOW - 60 * MIN },
    ] as const
    expect(generateMany({ seed: 1, epochs }, METRIC_IDS, NOW - 2 * HOUR, NOW, 10)).toEqual(
      generateMany({ seed: 1, epochs: [...epochs].reverse() }, METRIC_IDS, NOW - 2 * HOUR, NOW, 10),
    )
  })
})

describe('values', () => {
  test.each(SCENARIOS)('%s: never negative or NaN; ratios ≤ 1, flags 0 or 1, counts whole', (scenario) => {
    const config: SimConfig = { seed: 77, epochs: [{ scenario, fromMs: NOW - SCENARIO_LEAD_MS[scenario] }] }
    for (const series of generateMany(config, METRIC_IDS, NOW - 6 * HOUR, NOW, 10)) {
      const unit = METRIC_UNITS[series.metric]
      for (const v of series.values) {
        expect(sampleValue.safeParse(v).success, `${series.metric}: ${String(v)}`).toBe(true)
        if (v === null) continue
        if (unit === 'ratio') expect(v).toBeLessThanOrEqual(1)
        if (unit === 'bool') expect([0, 1]).toContain(v)
        if (unit === 'count') expect(Number.isInteger(v)).toBe(true)
      }
    }
  })

  test('traffic follows the day: the mid-afternoon peak is more than twice the night', () => {
    const day = Date.parse('2026-11-26T00:00:00Z')
    const mean = (from: number) => {
      const vs = generateSeries(healthy, 'stt.requests', from, from + HOUR, 10).values.filter((v) => v !== null)
      return vs.reduce((a, b) => a + b, 0) / vs.length
    }
    expect(mean(day + 14.5 * HOUR)).toBeGreaterThan(2 * mean(day + 2.5 * HOUR))
    const cpu = (from: number) => Math.max(...generateSeries(healthy, 'host.cpu', from, from + HOUR, 600).values.map(Number))
    expect(cpu(day + 14.5 * HOUR)).toBeGreaterThan(cpu(day + 2.5 * HOUR))
  })

  test('a window far from any other is computed on its own', () => {
    const far = Date.parse('2090-06-01T12:00:00Z')
    const series = generateSeries(healthy, 'turn.latency.p95', far - HOUR, far, 10)
    expect(series.values.filter((v) => v !== null).length).toBeGreaterThan(350)
    expect(Math.max(...series.values.map(Number).filter(Number.isFinite))).toBeLessThan(3000)
  })
})
