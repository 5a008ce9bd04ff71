import { ALERT_INSTANCES } from '@/domain/alert-rules'
import type { GridSeries } from '@/domain/alert-engine'
import { chartAlertSpans } from './alert-spans'

const MIN = 60_000
const T0 = Date.UTC(2026, 10, 20)

function instance(id: string) {
  const found = ALERT_INSTANCES.find((i) => i.id === id)
  if (!found) throw new Error(`no instance ${id}`)
  return found
}

function minutes(...parts: (readonly [number, number | null])[]): GridSeries {
  const values: (number | null)[] = []
  for (const [count, value] of parts) for (let i = 0; i < count * 6; i++) values.push(value)
  return { fromMs: T0, stepS: 10, values }
}

test('an error rate over 10 % for 12 minutes shades 5 min pending, then firing until it drops', () => {
  const series = minutes([10, 0.01], [12, 0.2], [10, 0.01])
  const spans = chartAlertSpans([instance('error-rate-critical:stt')], new Map([['stt.error_rate', series]]))
  expect(spans).toEqual([
    { kind: 'pending', fromMs: T0 + 10 * MIN, toMs: T0 + 15 * MIN, label: 'STT error rate > 10 %' },
    { kind: 'firing', fromMs: T0 + 15 * MIN, toMs: T0 + 22 * MIN, label: 'STT error rate > 10 %' },
  ])
})

test('the warning and critical rules on one chart each shade their own spans, in time order', () => {
  const series = minutes([5, 0.01], [20, 0.2], [5, 0.01])
  const spans = chartAlertSpans(
    ALERT_INSTANCES.filter((i) => i.metric === 'stt.error_rate'),
    new Map([['stt.error_rate', series]]),
  )
  expect(spans.map((s) => `${s.label} ${s.kind}`)).toEqual([
    'STT error rate > 10 % pending',
    'STT error rate > 5 % pending',
    'STT error rate > 10 % firing',
    'STT error rate > 5 % firing',
  ])
})

test('a flapping rule shades one band per pixel column rather than a sliver per flap', () => {
  const flaps: (readonly [number, number])[] = []
  for (let i = 0; i < 10; i++) flaps.push([2, 0.2], [1, 0.01])
  const series = minutes(...flaps)
  const map = new Map([['stt.error_rate', series]] as const)
  const critical = [instance('error-rate-critical:stt')]
  expect(chartAlertSpans(critical, map)).toHaveLength(10)
  expect(chartAlertSpans(critical, map, 2 * MIN)).toEqual([
    { kind: 'pending', fromMs: T0, toMs: T0 + 29 * MIN, label: 'STT error rate > 10 %' },
  ])
})

test('time without data is not shaded, and a metric the answer lacks shades nothing', () => {
  const series = minutes([10, null])
  expect(chartAlertSpans([instance('latency-p95:stt')], new Map([['stt.latency.p95', series]]))).toEqual([])
  expect(chartAlertSpans([instance('latency-p95:stt')], new Map())).toEqual([])
})
