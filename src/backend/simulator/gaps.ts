/**
 * Scrape gaps: now and then one scrape target misses one to three scrapes, so charts
 * have to draw gaps. A gap is decided per block of base samples from a hash, so it
 * sits at the same time whatever window is asked for, except that the last two
 * minutes before the window's end never have one (a live alert must not flap to "no
 * data"); such a gap appears once the window has moved past it.
 */
import type { MetricId } from '@/domain/catalog'
import { streamKey, unitAt } from './noise'

/** Metrics scraped together go missing together. */
export type GapGroup = 'stt' | 'llm' | 'tts' | 'turn' | 'livekit' | 'db' | 'quota' | 'host' | 'agent'

// A group's place here picks its noise stream: new groups go last, so the others keep their gaps.
const GAP_GROUPS: readonly GapGroup[] = ['stt', 'llm', 'tts', 'turn', 'livekit', 'db', 'quota', 'host', 'agent']

export function gapGroupOf(metric: MetricId): GapGroup {
  const prefix = metric.slice(0, metric.indexOf('.'))
  return GAP_GROUPS.find((g) => g === prefix) ?? 'host'
}

/** No gap lands this close to the end of the requested window. */
export const GAP_FREE_TAIL_MS = 120_000

const BLOCK = 60
/** About one gap per 5,000 samples. */
const GAP_CHANCE_PER_BLOCK = BLOCK / 5000
const MAX_RUN = 3
// Noise streams above those of the metrics (2 per metric).
const GAP_STREAM_BASE = 1000

/**
 * 1 where the group has no data, for base samples i0 … i0 + n − 1; samples at index
 * `protectFrom` or later are never gaps.
 */
export function gapMask(seed: number, group: GapGroup, i0: number, n: number, protectFrom: number): Uint8Array {
  const mask = new Uint8Array(n)
  const stream = GAP_STREAM_BASE + 2 * GAP_GROUPS.indexOf(group)
  const chance = streamKey(seed, stream)
  const shape = streamKey(seed, stream + 1)
  const last = Math.min(i0 + n, protectFrom)
  for (let b = Math.floor(i0 / BLOCK); b * BLOCK < last; b++) {
    if (unitAt(chance, b) >= GAP_CHANCE_PER_BLOCK) continue
    const u = unitAt(shape, b)
    const start = b * BLOCK + Math.floor(u * (BLOCK - MAX_RUN))
    const length = 1 + (Math.floor(u * 1e6) % MAX_RUN)
    for (let i = Math.max(start, i0); i < Math.min(start + length, last); i++) mask[i - i0] = 1
  }
  return mask
}
