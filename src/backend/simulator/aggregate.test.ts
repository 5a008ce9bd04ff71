import type { MetricId } from '@/domain/catalog'
import { aggregate, aggregationOf } from './aggregate'
import { stepsPerUnit } from './precision'

test.each([
  ['stt.latency.p95', 'max'],
  ['turn.latency.p95', 'max'],
  ['llm.error_rate', 'max'],
  ['tts.retry_rate', 'max'],
  ['quota.openai', 'max'],
  ['host.cpu', 'max'],
  ['host.memory', 'max'],
  ['db.pool_use', 'max'],
  ['db.latency', 'max'],
  ['db.save_failures', 'max'],
  ['stt.latency.p50', 'mean'],
  ['turn.latency.p50', 'mean'],
  ['llm.requests', 'mean'],
  ['livekit.rooms', 'mean'],
  ['livekit.connect_success', 'mean'],
  ['stt.up', 'min'],
  ['livekit.up', 'min'],
  ['db.up', 'min'],
] as const)('%s aggregates by %s', (metric, how) => {
  expect(aggregationOf(metric)).toBe(how)
})

const samples = (...values: number[]) => Float64Array.from(values)
const noMask = (n: number) => new Uint8Array(n)

test.each<[string, MetricId, number[], (number | null)[]]>([
  ['max keeps a one-sample spike', 'stt.latency.p95', [500, 4200, 510, 520, 530, 540], [4200, 540]],
  ['mean averages', 'stt.latency.p50', [100, 200, 300, 400, 500, 600], [200, 500]],
  ['min shows any downtime', 'stt.up', [1, 1, 0, 1, 1, 1], [0, 1]],
  ['NaN is ignored', 'stt.latency.p95', [NaN, 700, NaN, NaN, 800, 600], [700, 800]],
  ['a bucket of NaN is null', 'db.latency', [NaN, NaN, NaN, 12.25, NaN, 3], [null, 12.3]],
  ['mean ignores NaN rather than counting it as 0', 'stt.latency.p50', [NaN, 100, 300, 100, 100, 100], [200, 100]],
])('buckets of three: %s', (_, metric, values, expected) => {
  expect(aggregate(metric, samples(...values), noMask(values.length), 3)).toEqual(expected)
})

test('masked samples (scrape gaps) are ignored like NaN; a fully masked bucket is null', () => {
  const mask = Uint8Array.from([1, 0, 0, 1, 1, 1])
  expect(aggregate('host.cpu', samples(0.9, 0.2, 0.3, 0.4, 0.5, 0.6), mask, 3)).toEqual([0.3, null])
})

test('with buckets of one, values pass through at the served precision, gaps and NaN as null', () => {
  const mask = Uint8Array.from([0, 0, 1, 0])
  expect(aggregate('stt.error_rate', samples(0.012345, 1, 0.5, NaN), mask, 1)).toEqual([0.0123, 1, null, null])
  expect(aggregate('stt.latency.p95', samples(612.6, 0, 3000.4, 7), noMask(4), 1)).toEqual([613, 0, 3000, 7])
  expect(aggregate('stt.requests', samples(12.345, 250.004), noMask(2), 1)).toEqual([12.35, 250])
})

test.each<[MetricId, number]>([
  ['stt.latency.p95', 1],
  ['db.latency', 10],
  ['stt.error_rate', 10_000],
  ['stt.requests', 100],
  ['livekit.rooms', 1],
  ['db.up', 1],
])('%s is served in steps of 1/%d', (metric, steps) => {
  expect(stepsPerUnit(metric)).toBe(steps)
})

test('values beyond the shared table are still exact to the grid', () => {
  expect(aggregate('db.latency', samples(4321.26), noMask(1), 1)).toEqual([4321.3])
  expect(aggregate('stt.requests', samples(123.456), noMask(1), 1)).toEqual([123.46])
})
