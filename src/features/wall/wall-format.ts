/**
 * Clock faces for the wall: countdowns and overdue times read like a stopwatch
 * ("4:05", "BREACHED +2:10") because that is what a room reads at a glance.
 */

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A span as a stopwatch: "0:07", "4:05", "1:02:03" (hours are not wrapped into days:
 * "27:00:00" is a day and three hours overdue). Truncated to the second, never negative.
 */
export function formatClockSpan(ms: number): string {
  const total = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`
}

/** "14:03:07" in the viewer's time zone, 24-hour, as the logs are read. */
export function formatTimeOfDay(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}
