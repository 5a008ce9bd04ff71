import type { MetricsResponse } from '@/api/schemas'
import { latencySpans } from './latency-series'

const T0 = Date.UTC(2026, 10, 27, 9, 0)
const MIN = 60_000

/** An hour of 10 s samples of one service's latency: P95 at `p95(minute)`. */
function hourOf(service: string, p95: (minute: number) => number | null): MetricsResponse {
  const values = (f: (minute: number) => number | null) => Array.from({ length: 360 }, (_, i) => f(Math.floor(i / 6)))
  const series = (metric: string, vals: (number | null)[]) => ({ metric, from: new Date(T0).toISOString(), step: 10, values: vals })
  return {
    from: new Date(T0).toISOString(),
    to: new Date(T0 + 60 * MIN).toISOString(),
    step: 10,
    series: [series(`${service}.latency.p50`, values(() => 400)), series(`${service}.latency.p95`, values(p95))],
  } as MetricsResponse
}

test('P95 over 3 s for 10 minutes shades a minute pending, then firing until it drops', () => {
  const response = hourOf('llm', (m) => (m >= 20 && m < 30 ? 4_500 : 900))
  expect(latencySpans(response, 'llm')).toEqual([
    { kind: 'pending', fromMs: T0 + 20 * MIN, toMs: T0 + 21 * MIN, label: 'LLM P95 latency > 3 s' },
    { kind: 'firing', fromMs: T0 + 21 * MIN, toMs: T0 + 30 * MIN, label: 'LLM P95 latency > 3 s' },
  ])
})

test('a latency under its threshold, another service’s breach, or gaps shade nothing', () => {
  expect(latencySpans(hourOf('stt', () => 900), 'stt')).toEqual([])
  expect(latencySpans(hourOf('tts', () => 9_000), 'stt')).toEqual([])
  expect(latencySpans(hourOf('stt', () => null), 'stt')).toEqual([])
})
