/**
 * Stateless noise. Every random-looking number the simulator makes is a hash of
 * (seed, stream, index), never the next draw of a sequential PRNG, so any slice of
 * time can be computed on its own and always comes out the same.
 */

const TWO_POW_32 = 4294967296
const INV_TWO_POW_31 = 1 / 2147483648

/** The murmur3 32-bit finaliser: a full avalanche of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x | 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h
}

/**
 * A 32-bit key for one noise stream of one seed. Seeds above 2^32 fold their high
 * bits in, so every safe integer seed gives its own world.
 */
export function streamKey(seed: number, stream: number): number {
  const lo = seed >>> 0
  const hi = Math.floor(seed / TWO_POW_32) >>> 0
  return mix32(mix32(lo ^ 0x5bd1e995) ^ mix32(hi + 0x27d4eb2f) ^ Math.imul(stream + 1, 0x9e3779b1))
}

/** A uniform number in [0, 1) for index `i` of the stream `key`. */
export function unitAt(key: number, i: number): number {
  return (mix32(key ^ Math.imul(i, 0x9e3779b1)) >>> 0) / TWO_POW_32
}

/** A uniform number in [-1, 1) for index `i` of the stream `key`. */
export function signedAt(key: number, i: number): number {
  return mix32(key ^ Math.imul(i, 0x9e3779b1)) * INV_TWO_POW_31
}

/** Samples between the knots of the slow noise: 30 × 10 s = 5 minutes. */
const KNOT = 30
const WHITE = 0x68e31da4
const SLOW_SHARE = 0.65
const WHITE_SHARE = 0.35
/** Smoothstep at each position between two knots, so the loop does no easing arithmetic. */
const EASE = Float64Array.from({ length: KNOT }, (_, p) => {
  const f = p / KNOT
  return f * f * (3 - 2 * f)
})

/**
 * Noise in [-1, 1] that wanders: value noise between knots every five minutes,
 * eased so it has no corners, plus a smaller white part for sample-to-sample jitter.
 * Real metrics drift; pure white noise would draw a solid band.
 */
export function wanderAt(key: number, i: number): number {
  const k = Math.floor(i / KNOT)
  const a = signedAt(key, k)
  const b = signedAt(key, k + 1)
  const s = EASE[i - k * KNOT] ?? 0
  return SLOW_SHARE * (a + (b - a) * s) + WHITE_SHARE * signedAt(key ^ WHITE, i)
}

/**
 * out[j] = wanderAt(key, i0 + j) for j in [from, to): the same numbers as wanderAt,
 * one hash per sample instead of three because the knots are carried along.
 */
export function fillWander(out: Float64Array, key: number, i0: number, from = 0, to = out.length): void {
  if (from >= to) return
  const white = key ^ WHITE
  let k = Math.floor((i0 + from) / KNOT)
  let p = i0 + from - k * KNOT
  let a = signedAt(key, k)
  let b = signedAt(key, k + 1)
  for (let j = from; j < to; j++) {
    const s = EASE[p] ?? 0
    out[j] = SLOW_SHARE * (a + (b - a) * s) + WHITE_SHARE * signedAt(white, i0 + j)
    if (++p === KNOT) {
      p = 0
      k++
      a = b
      b = signedAt(key, k + 1)
    }
  }
}
