/**
 * One change feed per process: notices from PostgreSQL (LISTEN, so a change made through
 * any server process on the same database arrives here) and from this process's own
 * alert watcher, fanned out to every open event stream. When the LISTEN connection was
 * lost, listeners are told to resync, since notices sent meanwhile are gone.
 */
import { CHANGES_CHANNEL, type ChangeNotice } from './db/incident-repository'
import type { Database } from './db/database'

export type FeedMessage = ChangeNotice | { type: 'resync' }
export type FeedListener = (message: FeedMessage) => void

export interface ChangeFeed {
  subscribe(listener: FeedListener): () => void
  /** Sends to this process's listeners only (alert states are computed per process). */
  publishLocal(message: FeedMessage): void
  readonly listeners: number
  close(): Promise<void>
}

export async function createChangeFeed(db: Database, onNotice: (message: FeedMessage) => void = () => undefined): Promise<ChangeFeed> {
  const listeners = new Set<FeedListener>()
  const publishLocal = (message: FeedMessage) => {
    onNotice(message)
    for (const listener of listeners) listener(message)
  }
  const unlisten = await db.listen(
    CHANGES_CHANNEL,
    (payload) => {
      const message = parseNotice(payload)
      if (message !== null) publishLocal(message)
    },
    () => {
      publishLocal({ type: 'resync' })
    },
  )
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    publishLocal,
    get listeners() {
      return listeners.size
    },
    async close() {
      listeners.clear()
      await unlisten()
    },
  }
}

function parseNotice(payload: string): ChangeNotice | null {
  try {
    const value: unknown = JSON.parse(payload)
    if (typeof value !== 'object' || value === null || !('type' in value)) return null
    if (value.type === 'alerts') return { type: 'alerts' }
    if (value.type === 'incident' && 'id' in value && 'version' in value && typeof value.id === 'string' && typeof value.version === 'number') {
      return { type: 'incident', id: value.id, version: value.version }
    }
    return null
  } catch {
    return null
  }
}
