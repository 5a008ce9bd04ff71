/**
 * What a 412 means for one change. The server refuses any write based on an old
 * version, but most version bumps are harmless to a given change: a colleague's note or
 * checklist tick bumps the version without touching the status we are setting. So each
 * change records the values it depends on (its stake: what they were when the change was
 * made, and what the change sets them to), and on a 412 we compare them with the server's
 * current incident — a three-way comparison, as a merge tool does:
 *
 * - every value at stake already reads as ours → someone made the same change; done;
 * - every value is either untouched since our base or already ours → nobody changed what
 *   we change; send it again on the current version (nothing of theirs is overwritten);
 * - otherwise someone changed a value we change → a real conflict, for the responder.
 */
import type { Incident } from '@/api/schemas'
import type { StakeField } from './outbox-store'

/** The value at a stake path: an incident field, "acknowledged", or "checklist:<step id>". */
export function valueAt(incident: Incident, path: string): unknown {
  if (path === 'acknowledged') return incident.acknowledgedAt !== null
  if (path.startsWith('checklist:')) return incident.checklist.includes(path.slice('checklist:'.length))
  return (incident as unknown as Record<string, unknown>)[path]
}

/** Structural equality for JSON-like values (what stakes hold). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

export interface FieldComparison {
  readonly path: string
  /** The value when the change was made. */
  readonly base: unknown
  readonly yours: unknown
  /** The server's value now. */
  readonly theirs: unknown
  /** True when someone else set this value to something other than ours since our base. */
  readonly conflicting: boolean
}

export function compareStake(stake: readonly StakeField[], current: Incident): FieldComparison[] {
  return stake.map((s) => {
    const theirs = valueAt(current, s.path)
    return { path: s.path, base: s.base, yours: s.yours, theirs, conflicting: !sameValue(theirs, s.base) && !sameValue(theirs, s.yours) }
  })
}

export type ConflictVerdict = 'already-applied' | 'reapply' | 'conflict'

/**
 * Decides what a 412 means for a change with this stake. A change with no recorded stake
 * is always a conflict: without knowing what it depends on we cannot prove it safe.
 */
export function conflictVerdict(stake: readonly StakeField[], current: Incident): ConflictVerdict {
  if (stake.length === 0) return 'conflict'
  const fields = compareStake(stake, current)
  if (fields.some((f) => f.conflicting)) return 'conflict'
  if (fields.every((f) => sameValue(f.theirs, f.yours))) return 'already-applied'
  return 'reapply'
}
