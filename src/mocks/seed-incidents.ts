/**
 * Many made-up incidents at once, for the browser benchmarks of the incident list
 * (POST /api/simulator `{ seedIncidents: 10000 }`). Deterministic — no random numbers,
 * only the index and "now" — so every run measures the same list.
 */
import type { Incident, IncidentStatus } from '@/api/schemas'
import { COMPONENTS } from '@/domain/catalog'
import { insertIncident, type DbState } from './db'
import { ROSTER } from '@/backend/roster'

/** A bound on one request's work (and on the stored world's size). */
export const MAX_SEED_INCIDENTS = 20_000

const MIN = 60_000

/** Mostly closed, as a real history is; enough open ones that the default view is long too. */
const STATUSES: readonly IncidentStatus[] = ['investigating', 'identified', 'mitigated', 'resolved', 'closed', 'closed', 'closed', 'resolved', 'closed', 'closed']
const SEVERITIES = ['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P4', 'P4'] as const
const TITLES = [
  'STT error rate above 10 %',
  'LLM responses time out',
  'TTS voice garbled',
  'LiveKit rooms dropping callers',
  'Database connections exhausted',
  'OpenAI quota exceeded',
  'Groq rate limiting',
  'Callers hear silence after the greeting',
] as const
const IMPACTS = [
  'Some callers get no answer.',
  'Calls take several seconds longer to answer.',
  'A share of calls drop in the first minute.',
  'No visible impact yet; an alert fired.',
] as const
const PEOPLE: readonly (string | null)[] = [null, ...ROSTER.levels.flatMap((level) => level.people.map((p) => p.id))]

/**
 * A tiny integer hash (from splitmix32): each field picks with its own salt, so fields do
 * not move in lockstep (every P1 the same title and assignee) as `k % n` picks would.
 */
function mix(k: number, salt: number): number {
  let h = (Math.imul(k + 1, 0x9e3779b9) + Math.imul(salt, 0x85ebca6b)) | 0
  h = Math.imul(h ^ (h >>> 16), 0x21f0aaad)
  h = Math.imul(h ^ (h >>> 15), 0x735a2d97)
  return (h ^ (h >>> 15)) >>> 0
}

const pick = <T>(list: readonly T[], k: number, salt: number): T => list[mix(k, salt) % list.length] as T
const at = (ms: number): string => new Date(ms).toISOString()

/**
 * Puts `count` varied incidents into the store and returns them: declared over the last
 * weeks (one every 4 minutes back from `nowMs`), every severity, status, service and
 * roster person, with the timestamps and timeline their status implies.
 */
export function seedIncidents(db: DbState, count: number, nowMs: number): Incident[] {
  const seeded: Incident[] = []
  for (let k = 0; k < count; k++) {
    const status = pick(STATUSES, k, 1)
    const declaredMs = nowMs - (k * 4 + 1) * MIN
    const open = status === 'investigating' || status === 'identified' || status === 'mitigated'
    const acknowledged = !open || status !== 'investigating' || mix(k, 2) % 2 === 0
    const endedMs = declaredMs + (20 + (mix(k, 3) % 7) * 10) * MIN
    const ended = open ? null : at(Math.min(endedMs, nowMs))
    const first = pick(COMPONENTS, k, 4)
    const second = pick(COMPONENTS, k, 5)
    seeded.push(
      insertIncident(
        db,
        {
          title: `${pick(TITLES, k, 6)} #${String(count - k)}`,
          severity: pick(SEVERITIES, k, 7),
          status,
          impact: pick(IMPACTS, k, 8),
          services: first === second ? [first] : [first, second],
          assignee: acknowledged ? pick(PEOPLE, k, 9) : null,
          escalationLevel: 1 + (mix(k, 10) % 4 === 3 ? 1 : 0),
          declaredAt: at(declaredMs),
          acknowledgedAt: acknowledged ? at(Math.min(declaredMs + (2 + (mix(k, 11) % 5)) * MIN, nowMs)) : null,
          mitigatedAt: status === 'mitigated' ? at(Math.min(declaredMs + 15 * MIN, nowMs)) : null,
          resolvedAt: ended,
          closedAt: status === 'closed' ? ended : null,
          rootCause: open ? '' : 'Provider degradation',
          resolution: open ? '' : 'Failed over to the backup provider',
        },
        nowMs,
      ),
    )
  }
  return seeded
}
