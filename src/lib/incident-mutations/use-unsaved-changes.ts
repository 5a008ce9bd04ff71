import { onlineManager, useMutationState, type Mutation } from '@tanstack/react-query'
import type { Incident } from '@/api/schemas'
import { ConflictError, incidentWriteKey, retryDueAt, type ChangeVariables, type IncidentWrite } from './incident-writes'

/**
 * Where a change stands: being sent, waiting its turn (behind an earlier change of the
 * incident), held while the browser is offline, retrying after a failure, given up on
 * after its retries (a responder may retry it), stopped at a conflict, or refused.
 */
export type UnsavedKind = 'sending' | 'waiting' | 'offline' | 'retrying' | 'failed' | 'conflict' | 'rejected'

export interface UnsavedChange {
  readonly vars: ChangeVariables
  readonly kind: UnsavedKind
  /** The last failure, in words; null when nothing failed. */
  readonly reason: string | null
  /** When a retrying change is tried again (epoch ms); null when unknown. */
  readonly retryAt: number | null
  /** A conflict's incident as it is now. */
  readonly current: Incident | null
}

export function unsavedOf(m: IncidentWrite, online: boolean): UnsavedChange | null {
  const { status, variables: vars, failureCount, failureReason, isPaused, error } = m.state
  if (vars === undefined || (status !== 'pending' && status !== 'error')) return null
  const failure = error ?? failureReason
  const base = { vars, reason: failure?.message ?? null, retryAt: null, current: null }
  if (error instanceof ConflictError) return { ...base, kind: 'conflict', current: error.current }
  // A failure that was retried and still failed may pass later; one refused at once will not.
  if (error !== null) return { ...base, kind: failureCount > 1 ? 'failed' : 'rejected' }
  if (failureCount > 0) return { ...base, kind: 'retrying', retryAt: retryDueAt(failureReason) }
  if (!isPaused) return { ...base, kind: 'sending' }
  return { ...base, kind: online ? 'waiting' : 'offline' }
}

/** The unsaved changes of an incident (of all incidents without an id), oldest first. */
export function useUnsavedChanges(incidentId?: string): UnsavedChange[] {
  const rows = useMutationState({
    filters: { mutationKey: incidentWriteKey(incidentId) },
    select: (m: Mutation) => unsavedOf(m as IncidentWrite, onlineManager.isOnline()),
  })
  return rows.filter((r) => r !== null)
}

/** What to say beside the control that made the change; null while it is simply on its way. */
export function problemOf(u: UnsavedChange): string | null {
  switch (u.kind) {
    case 'sending':
    case 'waiting':
      return null
    case 'offline':
      return 'Not saved yet — you are offline. Kept under Unsaved changes and sent when you are back online.'
    case 'retrying':
      return `Not saved yet — ${u.reason ?? ''} Kept under Unsaved changes and retried automatically.`
    case 'failed':
      return `Not saved — ${u.reason ?? ''} Kept under Unsaved changes: retry it or discard it there.`
    case 'conflict':
      return u.reason
    case 'rejected':
      return `Not saved — ${u.reason ?? ''}`
  }
}
