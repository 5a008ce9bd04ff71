import { fillWander, mix32, signedAt, streamKey, unitAt, wanderAt } from './noise'

test('mix32 is the murmur3 finaliser', () => {
  expect(mix32(0)).toBe(0)
  expect(mix32(1) >>> 0).toBe(0x514e28b7)
  expect(mix32(0xdeadbeef)).toBe(mix32(0xdeadbeef))
})

test('a seed and a stream give one key; a different seed or stream gives another', () => {
  expect(streamKey(42, 3)).toBe(streamKey(42, 3))
  expect(streamKey(42, 3)).not.toBe(streamKey(43, 3))
  expect(streamKey(42, 3)).not.toBe(streamKey(42, 4))
  // High bits of a large seed count too.
  expect(streamKey(2 ** 40 + 5, 0)).not.toBe(streamKey(5, 0))
})

test('unit noise is uniform in [0, 1) and signed noise in [-1, 1)', () => {
  const key = streamKey(7, 0)
  const buckets = new Array<number>(10).fill(0)
  let [uMin, uMax, sMin, sMax] = [Infinity, -Infinity, Infinity, -Infinity]
  for (let i = 0; i < 100_000; i++) {
    const u = unitAt(key, 180_000_000 + i)
    const s = signedAt(key, i)
    uMin = Math.min(uMin, u)
    uMax = Math.max(uMax, u)
    sMin = Math.min(sMin, s)
    sMax = Math.max(sMax, s)
    const b = Math.floor(u * 10)
    buckets[b] = (buckets[b] ?? 0) + 1
  }
  expect(uMin).toBeGreaterThanOrEqual(0)
  expect(uMax).toBeLessThan(1)
  expect(sMin).toBeGreaterThanOrEqual(-1)
  expect(sMax).toBeLessThan(1)
  expect(Math.min(...buckets)).toBeGreaterThan(9_500)
  expect(Math.max(...buckets)).toBeLessThan(10_500)
})

test('wander stays in [-1, 1] and has no jumps bigger than its white part', () => {
  const key = streamKey(1, 1)
  let prev = wanderAt(key, 0)
  let [largest, biggestJump] = [0, 0]
  for (let i = 1; i < 10_000; i++) {
    const w = wanderAt(key, i)
    largest = Math.max(largest, Math.abs(w))
    biggestJump = Math.max(biggestJump, Math.abs(w - prev))
    prev = w
  }
  expect(largest).toBeLessThanOrEqual(1)
  expect(largest).toBeGreaterThan(0.5)
  // The slow part moves little between samples; the white part is at most ±0.35.
  expect(biggestJump).toBeLessThan(0.8)
})

test.each([
  ['a window on a knot', 180_000_000, 0, 500],
  ['a window between knots', 180_000_017, 0, 500],
  ['part of a window', 180_000_017, 123, 321],
  ['negative indices', -1234, 0, 200],
])('fillWander gives the same numbers as wanderAt: %s', (_, i0, from, to) => {
  const key = streamKey(9, 2)
  const out = new Float64Array(500)
  fillWander(out, key, i0, from, to)
  for (let j = 0; j < 500; j++) {
    if (j < from || j >= to) expect(out[j]).toBe(0)
    else expect(out[j]).toBeCloseTo(wanderAt(key, i0 + j), 12)
  }
})
