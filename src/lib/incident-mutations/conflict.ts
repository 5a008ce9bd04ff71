/**
 * What a newer version means for one change. Most version bumps are harmless to it (a
 * colleague's note bumps the version without touching the status we set), so a change
 * records the values it depends on — its stake: what they were when it was made, and what
 * it sets them to — and before it is sent, and again on a 412, they are compared with the
 * latest incident, three ways, as a merge tool does:
 *
 * - every value at stake already reads as ours → someone made the same change; done;
 * - every value is either untouched since our base or already ours → nobody changed what
 *   we change; send it again on the current version (nothing of theirs is overwritten);
 * - otherwise someone changed a value we change → a real conflict, for the responder.
 */
import type { Incident } from '@/api/schemas'

/**
 * One value a change depends on: where it lives on the incident ("status",
 * "checklist:triage.assign", "acknowledged"), what it was when the change was made and
 * what the change sets it to.
 */
export interface StakeField {
  readonly path: string
  readonly base: unknown
  readonly yours: unknown
}

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
