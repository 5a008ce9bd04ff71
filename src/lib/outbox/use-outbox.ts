import { useEffect, useSyncExternalStore } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { startOutboxRunner } from './outbox-runner'
import { outboxSnapshot, subscribeOutbox, type OutboxSnapshot } from './outbox-store'

/** The shared outbox (queued changes, their meta, and problems), live across tabs. */
export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(subscribeOutbox, outboxSnapshot, outboxSnapshot)
}

/**
 * Sends queued changes while mounted. Mount it wherever changes are made (the incident
 * page does) and, ideally, once in the app shell so a queue left by a closed page still
 * drains; several mounts share one runner.
 */
export function useOutboxRunner(): void {
  const queryClient = useQueryClient()
  useEffect(() => startOutboxRunner(queryClient), [queryClient])
}
