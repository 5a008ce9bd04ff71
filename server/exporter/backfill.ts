/**
 * The simulator's history as OpenMetrics text for `promtool tsdb create-blocks-from
 * openmetrics`: the same series and figures the exporter serves, labelled with the
 * `job` and `instance` a scrape would add, plus each job's `up`. Written as a stream,
 * time by time, so a week never sits in memory.
 *
 * Samples every 10 s by default, on whole multiples of 10 s: Prometheus 2 (Debian's
 * 2.42) includes both ends of a range, so a 10 s rate window at a tick's end holds the
 * samples at both of the tick's edges, and a counter growing linearly between them
 * gives rate() the tick's rate exactly. Prometheus 3 leaves the left end out; there a
 * 10 s window needs `intervalS: 5` (a 1 m window is fine either way). Older history
 * can be sparser (`coarse`): charts and 1 m windows still read it, a 10 s window not.
 *
 * A down target writes `up 0` and none of its counters; gauges with no data are written as NaN
 * rather than left out, because a backfill has no staleness markers and a missing
 * gauge would otherwise read as its last value for five minutes.
 */
import type { Writable } from 'node:stream'
import type { WriteStream } from 'node:fs'
import type { SimConfig } from '@/backend/simulator/scenarios'
import { CounterClock } from './counters'
import { EXPORTER_INSTANCE } from './scrape-config'
import { fillTick, SERIES, TARGET_IDS, TARGETS, targetUp, type TargetId } from './series'
import { tickOf, tickWindow, TICK_MS, type TickWindow } from './ticks'

export const BACKFILL_INTERVAL_S = 10

export interface BackfillOptions {
  config: SimConfig
  fromMs: number
  toMs: number
  intervalS?: number
  /** Before `untilMs`, one sample every `intervalS` (a multiple of the main interval). */
  coarse?: { untilMs: number; intervalS: number } | undefined
  instance?: string
}

export interface BackfillResult {
  samples: number
  bytes: number
  /** First and last sample times written. */
  fromMs: number
  toMs: number
}

/** Ticks computed at once: a day, so memory stays flat whatever the range. */
const CHUNK_TICKS = 8640
/** Text handed to the stream at once. */
const FLUSH_CHARS = 1 << 20

/** `name{job=…,instance=…,labels…}` for a series, as a scrape of its target would label it. */
function labelled(sample: string, target: TargetId, instance: string): string {
  const own = `job="${TARGETS[target].job}",instance="${instance}"`
  const brace = sample.indexOf('{')
  return brace < 0 ? `${sample}{${own}}` : `${sample.slice(0, brace + 1)}${own},${sample.slice(brace + 1)}`
}

export async function writeBackfill(options: BackfillOptions, out: Writable): Promise<BackfillResult> {
  const intervalMs = (options.intervalS ?? BACKFILL_INTERVAL_S) * 1000
  if (!(intervalMs > 0) || TICK_MS % intervalMs !== 0) throw new RangeError(`the interval must divide ${TICK_MS / 1000} s`)
  const coarseMs = (options.coarse?.intervalS ?? intervalMs / 1000) * 1000
  if (!(coarseMs > 0 && coarseMs % intervalMs === 0)) throw new RangeError('the coarse interval must be a multiple of the interval')
  const coarseUntil = options.coarse === undefined ? -Infinity : Math.floor(options.coarse.untilMs / coarseMs) * coarseMs
  const instance = options.instance ?? EXPORTER_INSTANCE
  const firstStep = options.fromMs < coarseUntil ? coarseMs : intervalMs
  const first = Math.ceil(options.fromMs / firstStep) * firstStep
  const last = Math.floor(options.toMs / intervalMs) * intervalMs
  const next = (t: number) => (t + coarseMs <= coarseUntil ? t + coarseMs : (Math.floor(t / intervalMs) + 1) * intervalMs)
  const prefixes = SERIES.map((s) => labelled(s.sample, s.target, instance))
  const upPrefixes = Object.fromEntries(TARGET_IDS.map((t) => [t, labelled('up', t, instance)])) as Record<TargetId, string>

  let chunk: { window: TickWindow; figures: Float64Array[] } | null = null
  const figuresOf = (tick: number): { window: TickWindow; j: number; figures: Float64Array } => {
    if (chunk === null || tick < chunk.window.i0 || tick >= chunk.window.i0 + chunk.window.n) {
      const window = tickWindow(options.config, tick, CHUNK_TICKS)
      chunk = { window, figures: new Array<Float64Array>(CHUNK_TICKS) }
    }
    const j = tick - chunk.window.i0
    let figures = chunk.figures[j]
    if (figures === undefined) {
      figures = new Float64Array(SERIES.length)
      fillTick(chunk.window, j, figures)
      chunk.figures[j] = figures
    }
    return { window: chunk.window, j, figures }
  }
  const clock = new CounterClock(first, (tick) => figuresOf(tick).figures)

  let text = ''
  let samples = 0
  let bytes = 0
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve))
    text = ''
  }
  for (let t = first; t <= last; t = next(t)) {
    clock.advanceTo(t)
    const { window, j, figures } = figuresOf(tickOf(t))
    const seconds = ` ${t / 1000}\n`
    const up = Object.fromEntries(TARGET_IDS.map((target) => [target, targetUp(window, j, target)])) as Record<TargetId, boolean>
    for (const target of TARGET_IDS) text += `${upPrefixes[target]} ${up[target] ? 1 : 0}${seconds}`
    samples += TARGET_IDS.length
    for (let k = 0; k < SERIES.length; k++) {
      const series = SERIES[k]
      if (series === undefined) continue
      const figure = figures[k] ?? NaN
      if (series.counter) {
        if (!up[series.target] || Number.isNaN(figure)) continue
        text += `${prefixes[k]} ${clock.totals[k]}${seconds}`
      } else {
        text += `${prefixes[k]} ${up[series.target] ? figure : NaN}${seconds}`
      }
      samples++
    }
    if (text.length >= FLUSH_CHARS) await flush()
  }
  text += '# EOF\n'
  await flush()
  return { samples, bytes, fromMs: first, toMs: last }
}

/** Ends a file stream and resolves once everything is on disk (or rejects with the write error). */
export function finish(out: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    out.once('error', reject)
    out.end(() => {
      resolve()
    })
  })
}
