import { expect, test } from 'vitest'
import * as z from 'zod/mini'
import { MAX_REASONS, NOTHING_SET_ASIDE, noteSetAside, parseItems, setAsideOfList, shareNotedList } from './lenient-list'
import { parseSeriesList } from './lenient-series'

const item = z.object({
  id: z.string().check(z.minLength(1)),
  state: z.enum(['up', 'down']),
  level: z.int().check(z.gte(1), z.lte(4)),
})
const parse = (raw: unknown[]) => parseItems(raw, item, (i) => i.id)
const ok = (id: string) => ({ id, state: 'up', level: 1 })

test.each([
  ['nothing', [], [], NOTHING_SET_ASIDE],
  ['all valid', [ok('a'), ok('b')], ['a', 'b'], NOTHING_SET_ASIDE],
  ['an unknown enum value', [ok('a'), { ...ok('b'), state: 'paused' }, ok('c')], ['a', 'c'], { count: 1, reasons: ['unknown state "paused"'] }],
  ['a number out of range', [{ ...ok('a'), level: 5 }, ok('b')], ['b'], { count: 1, reasons: ['level 5 is out of range'] }],
  ['a missing field', [{ id: 'a', state: 'up' }, ok('b')], ['b'], { count: 1, reasons: ['level is missing'] }],
  ['a field of the wrong type', [{ ...ok('a'), level: 'high' }], [], { count: 1, reasons: ['level: Invalid input: expected number, received string'] }],
  ['a non-object', [null, 7, ok('a')], ['a'], { count: 2, reasons: ['not an object (null)', 'not an object (7)'] }],
  ['a repeated id, first kept', [ok('a'), { ...ok('a'), state: 'down' }], ['a'], { count: 1, reasons: ['duplicate id "a"'] }],
  ['a repeated reason, said once', [{ ...ok('a'), state: 'x' }, { ...ok('b'), state: 'x' }, ok('c')], ['c'], { count: 2, reasons: ['unknown state "x"'] }],
] as const)('%s', (_, raw, ids, setAside) => {
  const result = parse([...raw])
  expect(result.items.map((i) => i.id)).toEqual(ids)
  expect(result.setAside).toEqual(setAside)
})

test('a valid item is kept whole, in order', () => {
  const result = parse([ok('b'), { ...ok('x'), state: 'gone' }, { ...ok('a'), state: 'down' }])
  expect(result.items).toEqual([ok('b'), { ...ok('a'), state: 'down' }])
})

test(`keeps at most ${MAX_REASONS} distinct reasons but counts every item`, () => {
  const raw = ['p', 'q', 'r', 's', 't'].map((state, i) => ({ ...ok(String(i)), state }))
  const { setAside } = parse(raw)
  expect(setAside.count).toBe(5)
  expect(setAside.reasons).toEqual(['unknown state "p"', 'unknown state "q"', 'unknown state "r"'])
})

test('a long value is cut short in the reason', () => {
  const { setAside } = parse([{ ...ok('a'), state: 'x'.repeat(500) }])
  expect(setAside.reasons[0]?.length).toBeLessThan(60)
  expect(setAside.reasons[0]).toMatch(/^unknown state "x+…$/)
})

// ---------------------------------------------------------------- metric series

const series = (metric: string, values: unknown[]) => ({
  metric,
  unit: 'ms',
  from: '2025-01-01T00:00:00Z',
  to: new Date(Date.parse('2025-01-01T00:00:00Z') + (values.length - 1) * 10_000).toISOString(),
  step: 10,
  values,
})

test.each([
  ['a negative sample', [1, -5, 3], [1, null, 3], 1],
  ['Infinity (JSON.parse of 1e999)', [1, JSON.parse('1e999') as number, 3], [1, null, 3], 1],
  ['NaN, a string and an object', [Number.NaN, '7', {}, 2], [null, null, null, 2], 3],
  ['gaps already null', [null, 0, null], [null, 0, null], 0],
] as const)('%s: bad samples become counted gaps, the series is kept', (_, values, expected, gaps) => {
  const result = parseSeriesList([series('stt.latency.p95', [...values])])
  expect(result.series.map((s) => s.values)).toEqual([expected])
  expect(result.gaps).toBe(gaps)
  expect(result.setAside).toEqual(NOTHING_SET_ASIDE)
})

test('a series that still breaks the contract is set aside, the others shown', () => {
  const result = parseSeriesList([
    series('stt.latency.p95', [1, 2]),
    series('no.such.metric', [1, 2]),
    { ...series('llm.latency.p95', [1, 2]), values: [1] },
    series('stt.latency.p95', [9, 9]),
  ])
  expect(result.series.map((s) => s.metric)).toEqual(['stt.latency.p95'])
  expect(result.series[0]?.values).toEqual([1, 2])
  expect(result.setAside.count).toBe(3)
  expect(result.setAside.reasons).toEqual([
    'unknown metric "no.such.metric"',
    'values: values do not match from, to and step',
    'duplicate id "stt.latency.p95"',
  ])
})

// ---------------------------------------------------------------- set aside, noted beside a plain array

test('what an answer set aside stays with the array the cache keeps, after structural sharing', () => {
  const oneBad = { count: 1, reasons: ['text is missing'] }
  const held = noteSetAside([ok('a'), ok('b')], NOTHING_SET_ASIDE)
  // The same items again, but this time one more came broken: the cache keeps `held`, with the new note.
  const same = noteSetAside([ok('a'), ok('b')], oneBad)
  const keptSame = shareNotedList(held, same)
  expect(keptSame).toBe(held)
  expect(setAsideOfList(held)).toEqual(oneBad)
  // A changed answer: a new array (old items reused), with the answer's note.
  const changed = noteSetAside([ok('a'), ok('c')], NOTHING_SET_ASIDE)
  const keptChanged = shareNotedList(held, changed) as object
  expect(keptChanged).not.toBe(held)
  expect(setAsideOfList(keptChanged)).toEqual(NOTHING_SET_ASIDE)
  // A first answer, and a list that never came from an answer.
  expect(shareNotedList(undefined, same)).toBe(same)
  expect(setAsideOfList([ok('x')])).toEqual(NOTHING_SET_ASIDE)
})
