/**
 * The response clock in words, as a responder reads it at a glance: "4:12 left",
 * "Acknowledged in 3 min", "Breached +2:10". A countdown is a stopwatch face, not a
 * duration ("4 min 12 s"), because it changes every second and must not jump in width.
 */
import type { ClockState } from '@/domain/response-clock'
import { formatDuration } from '@/domain/format'

const DAY_MS = 24 * 60 * 60_000
const pad = (n: number) => String(n).padStart(2, '0')

/** "4:12", "0:05", "1:02:03"; a day or more as "1 d 3 h" (the seconds no longer matter). */
export function formatStopwatch(ms: number, round: 'up' | 'down'): string {
  if (ms >= DAY_MS) return formatDuration(ms)
  const total = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}

export interface ClockText {
  /** What the cell says. */
  text: string
  /** A fuller sentence for the hover title and assistive tech. */
  detail: string
}

export function clockText(state: ClockState): ClockText {
  switch (state.kind) {
    case 'running': {
      // Rounded up, so the face reads 0:00 only when the deadline has come.
      const left = formatStopwatch(state.remainingMs, 'up')
      return { text: `${left} left`, detail: `${left} left to acknowledge` }
    }
    case 'met':
      return {
        text: `Acknowledged in ${formatDuration(state.tookMs)}`,
        detail: `Acknowledged in ${formatDuration(state.tookMs)}, within the response time`,
      }
    case 'breached': {
      const over = formatStopwatch(state.overdueMs, 'down')
      return state.acknowledged
        ? { text: `Breached +${over}`, detail: `Response time breached: acknowledged ${over} late` }
        : { text: `Breached +${over}`, detail: `Response time breached: not acknowledged, ${over} overdue` }
    }
  }
}
