/**
 * A response clock's time as a stopwatch reads: "3:12", "0:05", "1:05:00". Unlike
 * formatDuration ("3 min 12 s") it shows every second, so a responder sees it move.
 *
 * Time left is rounded up (with 3:11.4 left, "3:12": the deadline has not come while
 * any of a second remains); time overdue is rounded down, so the two meet at "0:00".
 */
export function formatCountdown(ms: number, direction: 'left' | 'overdue'): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0:00'
  const total = direction === 'left' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000)
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`
}
