/**
 * The browser's clock can be wrong; response clocks must count from the server's.
 * Each response's Date header gives an estimate of the skew (server minus browser).
 * Date has one-second resolution, so we keep a smoothed estimate rather than the last.
 */
let skewMs = 0
let samples = 0

export function noteServerDate(header: string | null, receivedAtMs: number): void {
  if (header === null) return
  const serverMs = Date.parse(header)
  if (Number.isNaN(serverMs)) return
  // The header is truncated to the second: its true value lies in [serverMs, serverMs + 1000).
  const estimate = serverMs + 500 - receivedAtMs
  samples = Math.min(samples + 1, 20)
  skewMs += (estimate - skewMs) / samples
}

/** Server minus browser time, in milliseconds (0 until a response has been seen). */
export function serverSkewMs(): number {
  return Math.abs(skewMs) < 1000 ? 0 : Math.round(skewMs)
}

/** The server's "now", from the browser's clock and the estimated skew. */
export function serverNow(browserNowMs: number = Date.now()): number {
  return browserNowMs + serverSkewMs()
}

/** For tests. */
export function resetServerSkew(): void {
  skewMs = 0
  samples = 0
}
