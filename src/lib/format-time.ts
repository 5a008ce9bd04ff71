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

const zonedFormats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function zonedFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let format = zonedFormats.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
    zonedFormats.set(key, format)
  }
  return format
}

/**
 * "2026-12-03 16:40:12 UTC+01:00" — the exact time with its zone, for hover titles: a
 * responder comparing with a log or a colleague in another zone needs the offset. The
 * browser's zone unless `timeZone` (an IANA name) is given.
 */
export function formatZonedTime(ms: number, timeZone?: string): string {
  const parts = zonedFormat(timeZone).formatToParts(ms)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  // Intl names the offset from GMT ("GMT+01:00", sometimes a bare "GMT" at zero); UTC is the word responders use.
  const offset = part('timeZoneName')
  const zone = offset === 'GMT' ? 'UTC+00:00' : offset.replace(/^GMT/, 'UTC')
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${zone}`
}
