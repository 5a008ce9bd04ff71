/**
 * The wall's URL options. A wall is configured by its link (nobody touches it), so
 * every option lives in the query string and a bad value falls back to the default
 * rather than breaking the screen:
 * `?refresh=5s` (how often panels refresh), `?rotate=30s` (rotate chart sets),
 * `?sound=on` (chime on a new P1), `?debug=1` (expose the query-cache size for the soak).
 */

export const DEFAULT_REFRESH_MS = 5_000
/**
 * A wall polls four endpoints for days, and a room may hold several: faster than
 * this it would load the backend (or the team's Prometheus) for no one's benefit.
 */
export const MIN_REFRESH_MS = 2_000
export const MAX_REFRESH_MS = 5 * 60_000
/** A chart set must stay up long enough to be read from across the room. */
export const MIN_ROTATE_MS = 5_000
export const MAX_ROTATE_MS = 60 * 60_000

export interface WallSettings {
  refreshMs: number
  /** Milliseconds each chart set stays on screen; null shows every chart at once. */
  rotateMs: number | null
  sound: boolean
  debug: boolean
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }

/** "200ms", "5s", "1.5m", "2min", "1h" or a bare number of seconds → milliseconds; null if unreadable. */
export function parseDuration(text: string | null): number | null {
  if (text === null) return null
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h)?$/i.exec(text.trim())
  if (match === null) return null
  const [, amount = '', unit = 's'] = match
  const ms = Number(amount) * (UNIT_MS[unit.toLowerCase()] ?? 1000)
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : null
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
const isOn = (value: string | null) => value !== null && /^(1|on|true|yes)$/i.test(value.trim())

export function parseWallSettings(params: URLSearchParams): WallSettings {
  const refresh = parseDuration(params.get('refresh'))
  const rotate = parseDuration(params.get('rotate'))
  return {
    refreshMs: refresh === null ? DEFAULT_REFRESH_MS : clamp(refresh, MIN_REFRESH_MS, MAX_REFRESH_MS),
    rotateMs: rotate === null ? null : clamp(rotate, MIN_ROTATE_MS, MAX_ROTATE_MS),
    sound: isOn(params.get('sound')),
    debug: isOn(params.get('debug')),
  }
}
