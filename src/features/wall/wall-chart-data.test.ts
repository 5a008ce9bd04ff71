import type { MetricsResponse } from '@/api/schemas'
import { ALL_CHARTS, CHART_SETS, currentValue, seriesFor, spansFor, verdictFor } from './wall-chart-data'

test('the six key charts are named after what they show and carry the runbook thresholds', () => {
  expect(ALL_CHARTS.charts.map((c) => c.title)).toEqual([
    'STT latency',
    'LLM latency',
    'TTS latency',
    'STT error rate',
    'LLM error rate',
    'TTS error rate',
  ])
  expect(CHART_SETS).toHaveLength(2)
  const [latency, errors] = [ALL_CHARTS.charts[0], ALL_CHARTS.charts[3]]
  expect(latency?.thresholds.map((t) => t.label)).toEqual(['Warning: > 3 s for 1 min'])
  expect(errors?.thresholds.map((t) => t.label)).toEqual(['Warning: > 5 % for 15 min', 'Critical: > 10 % for 5 min'])
})

test('seriesFor picks the chart’s metric from the answer, on its time grid', () => {
  const response: MetricsResponse = {
    from: '2026-11-27T10:00:00Z',
    to: '2026-11-27T10:00:20Z',
    step: 10,
    series: [
      { metric: 'stt.error_rate', unit: 'ratio', from: '2026-11-27T10:00:00Z', to: '2026-11-27T10:00:20Z', step: 10, values: [0.01, null, 0.2] },
    ],
  }
  expect(seriesFor(response, { metric: 'stt.error_rate', label: 'Error rate', color: '#fff' })).toEqual([
    { label: 'Error rate', color: '#fff', data: { fromMs: Date.parse('2026-11-27T10:00:00Z'), stepS: 10, values: [0.01, null, 0.2] } },
  ])
  expect(seriesFor(response, { metric: 'llm.error_rate', label: 'Error rate', color: '#fff' })).toEqual([])
})

const errorRate = ALL_CHARTS.charts[3]?.thresholds ?? []
const latency = ALL_CHARTS.charts[0]?.thresholds ?? []

test.each([
  ['stt.error_rate', 0.02, errorRate, { level: 'ok', text: 'below 5 %' }],
  ['stt.error_rate', 0.05, errorRate, { level: 'ok', text: 'at 5 %' }],
  // Prints as "5 %": the verdict does not contradict the figure beside it.
  ['stt.error_rate', 0.0499, errorRate, { level: 'ok', text: 'at 5 %' }],
  ['stt.error_rate', 0.07, errorRate, { level: 'warning', text: 'above 5 %' }],
  ['stt.error_rate', 0.14, errorRate, { level: 'critical', text: 'above 10 %' }],
  ['stt.latency.p95', 3200, latency, { level: 'warning', text: 'above 3 s' }],
  ['stt.latency.p95', 569, latency, { level: 'ok', text: 'below 3 s' }],
  ['stt.latency.p95', 569, [], { level: 'ok', text: 'no thresholds' }],
  ['stt.latency.p95', null, latency, { level: 'nodata', text: 'no data' }],
] as const)('%s at %s → %j', (metric, value, thresholds, expected) => {
  expect(verdictFor(metric, value, thresholds)).toEqual(expected)
})

describe('spansFor', () => {
  const T0 = Date.UTC(2026, 10, 27, 9, 0)
  const MIN = 60_000
  const answer = (metric: string, value: (minute: number) => number): MetricsResponse => ({
    from: new Date(T0).toISOString(),
    to: new Date(T0 + 60 * MIN).toISOString(),
    step: 10,
    series: [{ metric, from: new Date(T0).toISOString(), step: 10, values: Array.from({ length: 360 }, (_, i) => value(Math.floor(i / 6))) }],
  }) as MetricsResponse
  const sttErrors = ALL_CHARTS.charts.find((c) => c.metric === 'stt.error_rate')

  test('an error rate over 10 % from minute 20 shades both rules pending, then firing to the last sample', () => {
    if (sttErrors === undefined) throw new Error('no STT error-rate chart')
    const spans = spansFor(answer('stt.error_rate', (m) => (m >= 20 ? 0.3 : 0.01)), sttErrors)
    expect(spans.map((s) => `${s.label ?? ''} ${s.kind} ${String((s.fromMs - T0) / MIN)}–${String(Math.round((s.toMs - T0) / MIN))}`)).toEqual([
      'STT error rate > 10 % pending 20–25',
      'STT error rate > 5 % pending 20–35',
      'STT error rate > 10 % firing 25–60',
      'STT error rate > 5 % firing 35–60',
    ])
  })

  test('a quiet hour, or an answer without the metric, shades nothing', () => {
    if (sttErrors === undefined) throw new Error('no STT error-rate chart')
    expect(spansFor(answer('stt.error_rate', () => 0.01), sttErrors)).toEqual([])
    expect(spansFor(answer('tts.error_rate', () => 0.5), sttErrors)).toEqual([])
  })
})

const grid = (values: (number | null)[]) => ({ fromMs: 0, stepS: 10, values })

test.each([
  ['the last sample', [1, 2, 3], 3],
  ['the latest through a short scrape gap', [1, 2, null, null], 2],
  // Five minutes of 10 s samples back from the end: the value 30 samples before it still counts...
  ['a value five minutes old', [7, ...new Array<null>(30).fill(null)], 7],
  // ...one more and the series has stopped (a crashed agent exports nothing): no figure "now".
  ['a value older than five minutes', [7, ...new Array<null>(31).fill(null)], null],
  ['nothing', [], null],
] as const)('currentValue: %s', (_name, values, expected) => {
  expect(currentValue(grid([...values]))).toBe(expected)
})
