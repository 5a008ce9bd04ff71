import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { discardChanges, writesOf } from './incident-writes'
import { persistChanges } from './persist-changes'

/**
 * Mount once, around everything that makes changes (app/providers.tsx does): restores the
 * unsaved changes of the last visit and keeps them stored, asks before the page is left
 * while a change is unsent, and stops sending once the app is gone.
 */
export function useIncidentWrites(): void {
  const client = useQueryClient()
  useEffect(() => {
    const stopPersisting = persistChanges(client)
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (writesOf(client).some((m) => m.state.status === 'pending' || m.state.status === 'error')) event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      stopPersisting()
      // Stored, they are not lost: whatever mounts next restores and sends them.
      discardChanges(client, writesOf(client).flatMap((m) => (m.state.variables === undefined ? [] : [m.state.variables.key])))
    }
  }, [client])
}
