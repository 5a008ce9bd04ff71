import { formatClockTime } from '@/lib/format-time'

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
