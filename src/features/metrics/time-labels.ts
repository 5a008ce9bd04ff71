import { formatClockTime } from '@/lib/format-time'
import { PRESET_LABELS, type MetricsView } from './metric-range'

const DAY_MS = 86_400_000
const pad = (n: number) => String(n).padStart(2, '0')

/** "11-27 14:03": a day and time, for ranges where a clock time alone is ambiguous. */
export function formatDayTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClockTime(ms)}`
}

/** How a chart over `durationMs` writes its times: with the day once the range spans more than one. */
export function timeFormatFor(durationMs: number): (ms: number) => string {
  return durationMs > DAY_MS ? formatDayTime : formatClockTime
}

/** The range in words: "the last 6 h", or "11-27 10:00 – 11-27 16:00" for an absolute window. */
export function describeRange(view: MetricsView): string {
  if (view.absolute === null) return `the last ${PRESET_LABELS[view.preset]}`
  return `${formatDayTime(view.absolute.fromMs)} – ${formatDayTime(view.absolute.toMs)}`
}
