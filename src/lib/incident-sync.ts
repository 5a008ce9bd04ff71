/**
 * Keeps every tab of one browser on the same incidents. The mock backend keeps its
 * world in localStorage ("vigil.mock.v1"), so another tab's change shows up here as a
 * `storage` event; the outbox ("vigil.outbox.v1") does too. With a real backend there is
 * no shared storage, so saves are also announced on a BroadcastChannel. Either way this
 * tab invalidates its incident queries and refetches at once instead of waiting for its
 * next poll.
 */
import { useEffect } from 'react'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import { newChangeId } from '@/lib/outbox/new-id'

export const MOCK_STORE_KEY = 'vigil.mock.v1'
const OUTBOX_KEYS = ['vigil.outbox.v1', 'vigil.outbox.meta.v1']
export const INCIDENT_CHANNEL = 'vigil.incidents'

/** Channels in one tab hear each other; a tab's own announcements are not news to it. */
const TAB_ID = newChangeId()

/** Bursts of writes (a flush of the outbox, a scenario switch) become one refetch. */
const COALESCE_MS = 150

/**
 * The mock world is saved on every request that changes anything — including the
 * simulator's fault counter, which ticks on reads. Only a change to the incident store
 * is news here; reacting to the rest would make two tabs refetch each other forever.
 */
export function incidentsChanged(oldValue: string | null, newValue: string | null): boolean {
  return dbPart(oldValue) !== dbPart(newValue)
}

function dbPart(raw: string | null): string {
  if (raw === null) return ''
  try {
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed === 'object' && parsed !== null && 'db' in parsed) return JSON.stringify(parsed.db)
    return raw
  } catch {
    return raw
  }
}

/** Tells the other tabs that an incident changed (no-op where BroadcastChannel is missing). */
export function announceIncidentChange(incidentId: string): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(INCIDENT_CHANNEL)
  try {
    channel.postMessage({ type: 'incident-changed', incidentId, from: TAB_ID })
  } finally {
    channel.close()
  }
}

/** Starts listening; returns the function that stops. For the hook below, and for tests. */
export function startIncidentSync(queryClient: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const invalidate = () => {
    if (timer !== null) return
    timer = setTimeout(() => {
      timer = null
      void queryClient.invalidateQueries({ queryKey: incidentQueries.all() })
    }, COALESCE_MS)
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key === null) invalidate()
    else if (event.key === MOCK_STORE_KEY) {
      if (incidentsChanged(event.oldValue, event.newValue)) invalidate()
    } else if (OUTBOX_KEYS.includes(event.key)) invalidate()
  }
  window.addEventListener('storage', onStorage)
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(INCIDENT_CHANNEL)
  if (channel) {
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data
      if (typeof data === 'object' && data !== null && 'from' in data && data.from === TAB_ID) return
      invalidate()
    }
  }
  return () => {
    window.removeEventListener('storage', onStorage)
    channel?.close()
    if (timer !== null) clearTimeout(timer)
  }
}

/** Mount once (the app shell, or a page that needs it): other tabs' changes refetch here. */
export function useIncidentSync(): void {
  const queryClient = useQueryClient()
  useEffect(() => startIncidentSync(queryClient), [queryClient])
}
