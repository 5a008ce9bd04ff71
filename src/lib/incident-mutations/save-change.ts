/**
 * The first attempt at a change, outside React so the hooks stay thin. A change made
 * while an earlier one on the same queue still waits joins the queue behind it (sent
 * now, it could overtake the earlier one, or trip a 412 against our own earlier save).
 */
import type { QueryClient } from '@tanstack/react-query'
import type { Incident } from '@/api/schemas'
import { deliver } from '@/lib/outbox/deliver'
import { settleSaved } from '@/lib/outbox/outbox-runner'
import { hasPendingOnKey, outboxSnapshot, queueChange, queueFailedChange, reportProblem } from '@/lib/outbox/outbox-store'
import { prepareChange, type IncidentChange } from './changes'

export type SaveOutcome = 'saved' | 'queued'

/** Why a save did not go through now, and what became of it. */
export type SaveFailure = 'queued' | 'conflict' | 'rejected'

export class SaveError extends Error {
  override readonly name = 'SaveError'
  constructor(
    message: string,
    readonly failure: SaveFailure,
  ) {
    super(message)
  }
}

export interface SaveRequest {
  change: IncidentChange
  /** The incident as the responder saw it when they made the change. */
  base: Incident | undefined
  /** The change's id: outbox entry id and Idempotency-Key (a draft's id for notes). */
  id: string
  actor: string | null
}

export const CONFLICT_MESSAGE = 'Someone else changed this incident since you loaded it. Compare both versions and choose.'

export async function saveChange(queryClient: QueryClient, { change, base, id, actor }: SaveRequest): Promise<SaveOutcome> {
  if (base === undefined) throw new SaveError('The incident has not loaded yet; nothing was sent.', 'rejected')
  const prepared = prepareChange(base, change, actor, id)
  if (hasPendingOnKey(outboxSnapshot(), prepared.key)) {
    queueChange(prepared, Date.now())
    return 'queued'
  }
  const delivery = await deliver(prepared.id, prepared.request, prepared.meta.stake)
  switch (delivery.kind) {
    case 'saved':
      settleSaved(queryClient, prepared.id, prepared.meta, prepared.request.body, delivery)
      return 'saved'
    case 'retry':
      queueFailedChange(prepared, delivery.message, Date.now(), delivery.retryAfterMs)
      throw new SaveError(`Not saved yet — ${delivery.message} Kept under Unsaved changes and retried automatically.`, 'queued')
    case 'conflict':
      reportProblem({
        id: prepared.id,
        kind: 'conflict',
        key: prepared.key,
        request: prepared.request,
        meta: prepared.meta,
        message: delivery.message,
        current: delivery.current,
        at: Date.now(),
      })
      throw new SaveError(CONFLICT_MESSAGE, 'conflict')
    case 'rejected':
      throw new SaveError(`Not saved — ${delivery.message}`, 'rejected')
  }
}
