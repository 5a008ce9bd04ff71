/**
 * Wall-clock formatting in the viewer's time zone. Responders compare these with
 * logs, so the exact form is ISO-like and 24-hour, never "3:04 PM".
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** "14:03" — axis ticks and compact labels. */
export function formatClockTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** "2026-11-27 14:03:20" — tooltips and hover titles, where exactness matters. */
export function formatExactTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}
