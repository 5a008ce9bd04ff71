import { etagOf } from '@/api/incidents'
import type { Outbox } from '@/domain/outbox'

/**
 * After a queued change is saved, the changes queued behind it on the same key were
 * based on the same version — the one our own save just replaced. Moving them to the
 * version our save produced is not an overwrite: the only change in between is ours.
 * A change based on another version (it saw a colleague's edit) keeps its version, so
 * the server still checks it.
 *
 * @returns the same outbox when nothing was based on `fromIfMatch`.
 */
export function rebaseQueued(box: Outbox, key: string, fromIfMatch: string | undefined, toVersion: number | null): Outbox {
  if (fromIfMatch === undefined || toVersion === null) return box
  const to = etagOf(toVersion)
  if (!box.entries.some((e) => e.key === key && e.request.ifMatch === fromIfMatch)) return box
  return {
    entries: box.entries.map((e) => (e.key === key && e.request.ifMatch === fromIfMatch ? { ...e, request: { ...e.request, ifMatch: to } } : e)),
  }
}
