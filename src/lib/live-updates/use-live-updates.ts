import { useEffect, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { apiBaseUrl } from '@/api/client'
import { EVENTS_PATH } from '@/api/events'
import { applyChanges } from './apply-changes'
import type { LiveConnection } from './connection-state'
import { platformEventSource } from './event-source-like'
import { connectLiveUpdates } from './live-connection'
import { useLiveUpdatesEnvironment } from './live-updates-environment'
import { createNoticeBatch } from './notice-batch'

/**
 * Keeps the query cache current from GET /api/events: a change invalidates the queries it
 * touches, so they refetch at once instead of at their next poll. Polling is never turned
 * off; a dropped stream reconnects with backoff and then refetches everything it covers.
 * Mount once for the whole app (LiveUpdates does); returns where the stream stands.
 */
export function useLiveUpdates(): LiveConnection {
  const queryClient = useQueryClient()
  const environment = useLiveUpdatesEnvironment()
  const Source = environment.EventSource === undefined ? platformEventSource() : environment.EventSource
  const random = environment.random
  const [connection, setConnection] = useState<LiveConnection>(() => (Source === null ? { kind: 'unsupported' } : { kind: 'connecting' }))

  useEffect(() => {
    if (Source === null) return
    const batch = createNoticeBatch((notices) => void applyChanges(queryClient, notices))
    const disconnect = connectLiveUpdates({
      url: `${apiBaseUrl()}${EVENTS_PATH}`,
      EventSource: Source,
      onState: setConnection,
      onChange: (notice) => {
        batch.add(notice)
      },
      onReconnect: () => {
        batch.add({ type: 'resync' })
      },
      ...(random === undefined ? {} : { random }),
    })
    return () => {
      disconnect()
      batch.cancel()
    }
  }, [Source, queryClient, random])

  return Source === null ? { kind: 'unsupported' } : connection
}
