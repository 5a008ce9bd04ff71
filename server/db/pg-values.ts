/** How PostgreSQL's text output becomes JavaScript values, the same for both drivers (see database.ts). */

const TIMESTAMPTZ = /^(\d{4,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/

/**
 * PostgreSQL's text form of a timestamptz (DateStyle ISO, any TimeZone) → `toISOString()` form.
 * Shared by both drivers so the answer does not depend on which one ran the query.
 */
export function parseTimestamptz(text: string): string {
  const m = TIMESTAMPTZ.exec(text)
  if (!m) throw new Error(`Unexpected timestamptz text from PostgreSQL: ${JSON.stringify(text)} (DateStyle must be ISO; infinity and BC dates are not supported)`)
  const [, y, mo, d, h, mi, s, frac = '', sign, oh, om = '0', os = '0'] = m
  const ms = Number(frac.padEnd(3, '0').slice(0, 3))
  const date = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d))
  date.setUTCHours(Number(h), Number(mi), Number(s), ms)
  const offsetMs = ((Number(oh) * 60 + Number(om)) * 60 + Number(os)) * 1000
  return new Date(date.getTime() - (sign === '-' ? -offsetMs : offsetMs)).toISOString()
}

/** int8 → number, refusing values a double cannot hold exactly. */
export function parseInt8(text: string): number {
  const n = Number(text)
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} is beyond Number.MAX_SAFE_INTEGER`)
  return n
}

export const TYPE_OIDS = { int8: 20, timestamptz: 1184 } as const

/** LISTEN takes an identifier, not a parameter: only plain lower-case names are accepted. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid LISTEN channel name: ${JSON.stringify(channel)}`)
}
