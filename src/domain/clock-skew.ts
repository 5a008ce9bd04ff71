import { formatDuration } from './format'

const MINUTE_MS = 60_000

/** Past this, the browser's clock is far enough off that the reader is told (issue 12 §5). */
export const SKEW_NOTE_MS = 30_000

/**
 * What the header and the wall say when the browser's clock is off: `skewMs` is server
 * minus browser. Null within 30 s, where nobody reading a minute-grained age would notice.
 * The figure is rounded (to 10 s under 10 min, whole minutes above): the estimate is good
 * to a second or so, and "4 min 59 s" would only claim a precision it does not have.
 */
export function clockSkewNote(skewMs: number): string | null {
  if (!Number.isFinite(skewMs) || Math.abs(skewMs) <= SKEW_NOTE_MS) return null
  const size = Math.abs(skewMs)
  const grain = size < MINUTE_MS ? 1_000 : size < 10 * MINUTE_MS ? 10_000 : MINUTE_MS
  const side = skewMs > 0 ? 'behind' : 'ahead of'
  return `Your clock is ${formatDuration(Math.round(size / grain) * grain)} ${side} the server; times shown are the server's.`
}
