/**
 * The browser's clock can be wrong; windows, ages and countdowns count from the server's.
 *
 * Each response's Date header bounds the skew (server minus browser): the server stamped
 * it between the request leaving and the answer arriving, and the header drops the
 * milliseconds. So the skew lies in [date − receivedAt, date + 1 s − sentAt]. The
 * estimate is moved only as far as needed to lie inside each new bound, starting from
 * "the clocks agree": a slow answer (a wide bound) cannot invent a skew, a quick one
 * pins it, and a clock changed by hand moves it at the next answer.
 *
 * The estimate is a small store rather than loose variables so that React can follow it
 * (the clock-skew note, relative times: src/lib/use-server-time.ts).
 */
import { createStore } from 'zustand/vanilla'

/** Under this the skew reads as none: nobody reads ages or windows that finely. */
const NOISE_MS = 1_000
/** A window computed on a clock this far from the corrected one is asked again. */
const RECOMPUTE_MS = 5_000

export interface SkewEstimate {
  /** Server minus browser, in ms. */
  readonly skewMs: number
}

const NONE: SkewEstimate = { skewMs: 0 }

/** The estimate itself; read it with serverSkewMs() or, in components, useServerSkew(). */
export const serverSkewStore = createStore<SkewEstimate>()(() => NONE)

/** What one answer proves about the skew: it lies in [lowMs, highMs]. */
export interface SkewBound {
  lowMs: number
  highMs: number
}

/** The bound a Date header gives, or null when there is none to read. */
export function boundOf(header: string | null, sentAtMs: number, receivedAtMs: number): SkewBound | null {
  if (header === null) return null
  const dateMs = Date.parse(header)
  if (Number.isNaN(dateMs)) return null
  return { lowMs: dateMs - receivedAtMs, highMs: dateMs + 1000 - sentAtMs }
}

/** The estimate moved the least that puts it inside `bound` (pure, for tests). */
export function within(estimate: SkewEstimate, bound: SkewBound): SkewEstimate {
  const skewMs = Math.min(Math.max(estimate.skewMs, bound.lowMs), bound.highMs)
  return skewMs === estimate.skewMs ? estimate : { skewMs }
}

/** Notes a response's Date header; `sentAtMs` is when the request left (the receipt time if unknown). */
export function noteServerDate(header: string | null, receivedAtMs: number, sentAtMs: number = receivedAtMs): void {
  const bound = boundOf(header, sentAtMs, receivedAtMs)
  if (bound === null) return
  const current = serverSkewStore.getState()
  const next = within(current, bound)
  if (next !== current) serverSkewStore.setState(next, true)
}

/** The skew as the app uses it, in ms: none under a second. */
export function skewOf(estimate: SkewEstimate): number {
  return Math.abs(estimate.skewMs) < NOISE_MS ? 0 : Math.round(estimate.skewMs)
}

/** Server minus browser time, in milliseconds (0 until a response has shown otherwise). */
export function serverSkewMs(): number {
  return skewOf(serverSkewStore.getState())
}

/**
 * The server's time at a moment of the browser's clock: its "now" by default, or the
 * server-clock equivalent of a browser timestamp (a query's dataUpdatedAt).
 */
export function serverNow(browserNowMs: number = Date.now()): number {
  return browserNowMs + serverSkewMs()
}

/**
 * Runs a request whose window ends "now", on the server's clock. Before any response has
 * shown the skew, or when the answer shows it moved (the browser's clock was changed),
 * the window was computed on a wrong clock: it is asked again, once, on the corrected one.
 * Otherwise a kiosk 5 minutes slow would draw its first chart without the newest 5 minutes.
 */
export async function onServerTime<T>(run: (serverNowMs: number) => Promise<T>): Promise<T> {
  const before = serverSkewMs()
  const answer = await run(serverNow())
  return Math.abs(serverSkewMs() - before) > RECOMPUTE_MS ? run(serverNow()) : answer
}

/** For tests: a pinned mock clock moves the estimate, and the next test starts from none. */
export function resetServerSkew(): void {
  serverSkewStore.setState(NONE, true)
}
