/**
 * Numbers as responders read them: "640 ms", "14.2 %", "3 min ago".
 *
 * Every function here is pure and locale-stable. `Intl` and `toLocaleString` would
 * print "14,2 %" on one machine and "14.2 %" on another, so the wall, the tests and
 * the generated incident report would disagree; `toFixed` never consults the locale.
 */
import type { MetricUnit } from './catalog'

/** Shown wherever a value is missing or not a finite number. */
export const NO_VALUE = '—'

const SECOND_MS = 1000
const MINUTE_MS = 60 * SECOND_MS
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/** `toFixed` with trailing zeros (and a bare point) dropped: 3.20 → "3.2", 10.0 → "10". */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits)
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text
  // (-0.001).toFixed(1) is "-0.0": a sign on a printed zero only confuses.
  return trimmed === '-0' ? '0' : trimmed
}

/** Prefixes the sign once, so every formatter below only handles magnitudes. */
function signed(value: number, format: (magnitude: number) => string): string {
  if (!Number.isFinite(value)) return NO_VALUE
  return value < 0 ? `-${format(-value)}` : format(value)
}

/**
 * A latency or other measured span, rounded to what a reader can use:
 * "0.4 ms", "640 ms", "3.2 s", "1 min 5 s", "2 h 10 min".
 */
export function formatMs(ms: number): string {
  return signed(ms, (v) => {
    if (v < 10) return `${fixed(v, 1)} ms`
    const wholeMs = Math.round(v)
    if (wholeMs < SECOND_MS) return `${wholeMs} ms`
    // Round before picking the unit, so 59.96 s prints "1 min", never "60 s".
    const tenths = Math.round(v / 100)
    if (tenths < 600) return `${fixed(tenths / 10, 1)} s`
    const seconds = Math.round(v / SECOND_MS)
    if (seconds < 3600) return joinUnits(Math.floor(seconds / 60), 'min', seconds % 60, 's')
    const minutes = Math.round(v / MINUTE_MS)
    return joinUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'min')
  })
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`
}

/**
 * A ratio (0..1) as a percentage: 0.142 → "14.2 %", 0.1 → "10 %", 0.0004 → "0.04 %",
 * 0.00001 → "< 0.01 %" (a tiny error rate is not zero, and must not read as zero).
 */
export function formatRatio(ratio: number): string {
  return signed(ratio, (v) => {
    const percent = v * 100
    if (percent === 0) return '0 %'
    if (percent < 0.01) return '< 0.01 %'
    if (percent < 1) return `${fixed(percent, 2)} %`
    if (percent < 99.95) return `${fixed(percent, 1)} %`
    return `${fixed(percent, 0)} %`
  })
}

/** Requests per second: "0.25 req/s", "12.5 req/s", "340 req/s", "12.3k req/s". */
export function formatRate(perSecond: number): string {
  return signed(perSecond, (v) => `${compact(v)} req/s`)
}

/** A count: "0", "42", "9876", "12.3k", "4.5M". */
export function formatCount(count: number): string {
  return signed(count, (v) => compact(v))
}

function compact(v: number): string {
  if (v === 0) return '0'
  if (v < 0.01) return '< 0.01'
  if (v < 1) return fixed(v, 2)
  if (v < 99.95) return fixed(v, 1)
  if (v < 9999.5) return fixed(v, 0)
  if (v < 999_950) return `${fixed(v / 1000, 1)}k`
  return `${fixed(v / 1_000_000, 1)}M`
}

/**
 * A sample in its metric's unit. `bool` metrics are 1 (up) or 0 (down); a value in
 * between comes from averaging over a coarse step and reads as the share of time up.
 */
export function formatValue(unit: MetricUnit, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE
  switch (unit) {
    case 'ms':
      return formatMs(value)
    case 'ratio':
      return formatRatio(value)
    case 'rps':
      return formatRate(value)
    case 'count':
      return formatCount(value)
    case 'bool':
      if (value === 1) return 'up'
      if (value === 0) return 'down'
      return `up ${formatRatio(value)}`
  }
}

const DURATION_UNITS: readonly (readonly [number, string])[] = [
  [DAY_MS, 'd'],
  [HOUR_MS, 'h'],
  [MINUTE_MS, 'min'],
  [SECOND_MS, 's'],
]

/**
 * An elapsed span in its two largest whole units, truncated (a clock that has run
 * 4 min 59 s has not run 5 min): "45 s", "3 min", "1 min 5 s", "1 h 5 min", "2 d 3 h".
 * Negative spans (clock skew) read as "0 s".
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return NO_VALUE
  if (ms <= 0) return '0 s'
  if (ms < SECOND_MS) return '< 1 s'
  const at = DURATION_UNITS.findIndex(([size]) => ms >= size)
  const [size, name] = DURATION_UNITS[at] ?? [SECOND_MS, 's']
  const major = Math.floor(ms / size)
  const next = DURATION_UNITS[at + 1]
  if (next === undefined) return `${major} ${name}`
  return joinUnits(major, name, Math.floor((ms - major * size) / next[0]), next[1])
}

/**
 * How long ago something happened, in its largest whole unit: "just now" under ten
 * seconds either way (clocks disagree by that much), "45 s ago", "2 min ago",
 * "3 h ago", "2 d ago"; a time in the future reads "in 2 min".
 */
export function formatRelative(msAgo: number): string {
  if (!Number.isFinite(msAgo)) return NO_VALUE
  if (Math.abs(msAgo) < 10 * SECOND_MS) return 'just now'
  const span = largestUnit(Math.abs(msAgo))
  return msAgo > 0 ? `${span} ago` : `in ${span}`
}

/** How far in the future a time may be and still read "just now" (clocks and network disagree by that much). */
export const FUTURE_TOLERANCE_MS = 5 * SECOND_MS

/**
 * An age shown beside a timestamp, as formatRelative, except for a time more than 5 s
 * in the future: "in 3 min — clock ahead?", never "just now", because a timestamp from
 * the future means a clock somewhere is wrong and the reader should know it.
 */
export function formatAge(msAgo: number): string {
  if (!Number.isFinite(msAgo)) return NO_VALUE
  if (msAgo < -FUTURE_TOLERANCE_MS) return `in ${largestUnit(-msAgo)} — clock ahead?`
  return formatRelative(Math.max(0, msAgo))
}

function largestUnit(ms: number): string {
  if (ms < MINUTE_MS) return `${Math.floor(ms / SECOND_MS)} s`
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} min`
  if (ms < DAY_MS) return `${Math.floor(ms / HOUR_MS)} h`
  return `${Math.floor(ms / DAY_MS)} d`
}
