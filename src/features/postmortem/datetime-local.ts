/**
 * <input type="datetime-local"> speaks "2026-11-28T10:00" in the viewer's zone; the API
 * speaks ISO 8601 with an offset. These convert between the two.
 */

const pad = (n: number) => String(n).padStart(2, '0')

/** An ISO instant as the input's value in the local zone; "" for none or an unreadable one. */
export function toLocalInputValue(iso: string | null): string {
  if (iso === null) return ''
  const ms = Date.parse(iso)
  if (!Number.isFinite(ms)) return ''
  const d = new Date(ms)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The input's value as an ISO instant; null when cleared or not a complete local date-time. */
export function fromLocalInputValue(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (m === null) return null
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number]
  if (h > 23 || mi > 59 || s > 59) return null
  const date = new Date(y, mo - 1, d, h, mi, s)
  // new Date rolls "02-31" over into March: refuse what is not the date typed.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null
  return date.toISOString()
}
