/**
 * The time range the Metrics and Alerts pages look at, as it lives in the URL:
 *
 * - `?range=6h` — live: the last six hours, moving with the clock (the default is 1 h);
 * - `?from=ISO&to=ISO` — an absolute window: a custom range, a paused view or a zoom
 *   (`range` stays beside it, so Live returns to the preset the responder had);
 * - `?zoom=live` or `?zoom=<from ISO>/<to ISO>` — the window is a zoom, and Reset zoom
 *   goes back to the live preset or to that window (ISO 8601 interval notation);
 * - `?downsample=off` — no client-side reduction and 10 s data (the benchmark baseline).
 *
 * Reading never throws: a mangled value falls back to its default, because a link
 * pasted into a chat should still open a chart.
 */
import * as z from 'zod/mini'
import type { MetricWindow } from '@/api/metrics'

export const RANGE_PRESETS = ['15m', '1h', '6h', '24h', '7d'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

export const PRESET_MS: Record<RangePreset, number> = {
  '15m': 15 * MINUTE_MS,
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
}

export const PRESET_LABELS: Record<RangePreset, string> = {
  '15m': '15 m',
  '1h': '1 h',
  '6h': '6 h',
  '24h': '24 h',
  '7d': '7 d',
}

export const DEFAULT_PRESET: RangePreset = '1h'
/** Live views refetch this often; the window moves with the clock, the query key does not. */
export const LIVE_REFRESH_MS = 10_000
/** A drag narrower than this is a click, not a zoom. */
export const MIN_ZOOM_MS = 30_000
/** Longer absolute windows are refused (the backend keeps about three months). */
export const MAX_WINDOW_MS = 92 * DAY_MS

export interface TimeWindow {
  readonly fromMs: number
  readonly toMs: number
}

export interface MetricsView {
  /** The preset shown when live, and where Live and Reset zoom return to. */
  readonly preset: RangePreset
  /** An absolute window (custom, paused or zoomed); null when live. */
  readonly absolute: TimeWindow | null
  /** Where Reset zoom goes; null when the window is not a zoom. */
  readonly zoom: 'live' | TimeWindow | null
  /** Reduce series to the chart's pixel columns (off only for the benchmark baseline). */
  readonly downsample: boolean
}

export const DEFAULT_VIEW: MetricsView = { preset: DEFAULT_PRESET, absolute: null, zoom: null, downsample: true }

const instant = z.catch(
  z.nullable(
    z.pipe(
      z.iso.datetime({ offset: true }),
      z.transform((s) => Date.parse(s)),
    ),
  ),
  null,
)

function validWindow(fromMs: number | null, toMs: number | null): TimeWindow | null {
  if (fromMs === null || toMs === null) return null
  if (!(toMs > fromMs) || toMs - fromMs > MAX_WINDOW_MS) return null
  return { fromMs, toMs }
}

const zoomParam = z.catch(
  z.pipe(
    z.string(),
    z.transform((raw): MetricsView['zoom'] => {
      if (raw === 'live') return 'live'
      const [from, to, extra] = raw.split('/')
      if (extra !== undefined) return null
      return validWindow(instant.parse(from ?? null), instant.parse(to ?? null))
    }),
  ),
  null,
)

const viewSchema = z.object({
  range: z.catch(z.enum(RANGE_PRESETS), DEFAULT_PRESET),
  from: instant,
  to: instant,
  zoom: zoomParam,
  downsample: z.catch(
    z.pipe(
      z.literal('off'),
      z.transform(() => false),
    ),
    true,
  ),
})

const KEYS = ['range', 'from', 'to', 'zoom', 'downsample'] as const

/** Reads the view from a URL's query; anything it does not understand is its default. */
export function parseMetricsView(params: URLSearchParams): MetricsView {
  const raw: Partial<Record<(typeof KEYS)[number], string>> = {}
  for (const key of KEYS) {
    const value = params.get(key)
    if (value !== null) raw[key] = value
  }
  const parsed = viewSchema.parse(raw)
  const absolute = validWindow(parsed.from, parsed.to)
  return {
    preset: parsed.range,
    absolute,
    // A zoom without the window it zoomed to is no zoom.
    zoom: absolute === null ? null : parsed.zoom,
    downsample: parsed.downsample,
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The query with the view written into it; other parameters (`?scenario=`, the log
 * filters) are kept. The range is always written, so a shared link says what it shows.
 */
export function writeMetricsView(params: URLSearchParams, view: MetricsView): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of KEYS) next.delete(key)
  next.set('range', view.preset)
  if (view.absolute !== null) {
    next.set('from', iso(view.absolute.fromMs))
    next.set('to', iso(view.absolute.toMs))
    if (view.zoom === 'live') next.set('zoom', 'live')
    else if (view.zoom !== null) next.set('zoom', `${iso(view.zoom.fromMs)}/${iso(view.zoom.toMs)}`)
  }
  if (!view.downsample) next.set('downsample', 'off')
  return next
}

/** The query string (with `?`) that reproduces the view's range on another page. */
export function rangeSearch(view: MetricsView): string {
  return `?${writeMetricsView(new URLSearchParams(), view).toString()}`
}

export function isLive(view: MetricsView): boolean {
  return view.absolute === null
}

/**
 * The window to fetch. Live views are relative, so the query key stays the same while
 * time moves on and polling never grows the cache.
 */
export function windowOf(view: MetricsView): MetricWindow {
  return view.absolute === null
    ? { kind: 'relative', durationMs: PRESET_MS[view.preset] }
    : { kind: 'absolute', fromMs: view.absolute.fromMs, toMs: view.absolute.toMs }
}

/** The window's length, live or not. */
export function windowDurationMs(view: MetricsView): number {
  return view.absolute === null ? PRESET_MS[view.preset] : view.absolute.toMs - view.absolute.fromMs
}

// ---------------------------------------------------------------- transitions

/** A preset from the Range control: live, unzoomed. */
export function choosePreset(view: MetricsView, preset: RangePreset): MetricsView {
  return { ...view, preset, absolute: null, zoom: null }
}

/** Freezes a live view at `nowMs` (an absolute view is already still). */
export function pause(view: MetricsView, nowMs: number): MetricsView {
  if (view.absolute !== null) return view
  return { ...view, absolute: { fromMs: nowMs - PRESET_MS[view.preset], toMs: nowMs }, zoom: null }
}

/** Back to the moving window of the preset. */
export function goLive(view: MetricsView): MetricsView {
  return { ...view, absolute: null, zoom: null }
}

/** A custom window; an invalid one (empty, reversed, too long) leaves the view as it was. */
export function chooseWindow(view: MetricsView, fromMs: number, toMs: number): MetricsView {
  const window = validWindow(fromMs, toMs)
  return window === null ? view : { ...view, absolute: window, zoom: null }
}

/**
 * Narrows the view to a dragged span (either direction). A drag shorter than
 * MIN_ZOOM_MS changes nothing. Zooming again keeps the first zoom's origin, so Reset
 * zoom always returns to the unzoomed view.
 */
export function zoomTo(view: MetricsView, aMs: number, bMs: number): MetricsView {
  const fromMs = Math.min(aMs, bMs)
  const toMs = Math.max(aMs, bMs)
  if (!(toMs - fromMs >= MIN_ZOOM_MS)) return view
  const window = validWindow(fromMs, toMs)
  if (window === null) return view
  return { ...view, absolute: window, zoom: view.zoom ?? view.absolute ?? 'live' }
}

export function resetZoom(view: MetricsView): MetricsView {
  if (view.zoom === null) return view
  if (view.zoom === 'live') return goLive(view)
  return { ...view, absolute: view.zoom, zoom: null }
}

// ---------------------------------------------------------------- datetime-local

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** "2026-11-27T14:03" in the viewer's time zone, what `<input type="datetime-local">` holds. */
export function toDateTimeLocal(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The instant a datetime-local value names in the viewer's time zone; null when it is not one. */
export function fromDateTimeLocal(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (m === null) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((part: string | undefined) => Number(part ?? 0))
  const d = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0)
  // new Date rolls 31 November over to 1 December: refuse what is not a real date.
  if (d.getMonth() !== (month ?? 1) - 1 || d.getDate() !== day) return null
  return d.getTime()
}
