/**
 * localStorage as drafts and unsaved changes need it: never throws (private mode, a full
 * disk, a blocked origin), keeps a key in memory for this tab once writing it fails, and
 * tells subscribers when a key changes — in this tab directly, in other tabs through the
 * browser's `storage` event.
 */

type Listener = () => void

/** Keys whose last write failed, with the value this tab keeps for them instead. */
const memory = new Map<string, string | null>()
const listeners = new Map<string, Set<Listener>>()

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Reading window.localStorage itself throws when storage is blocked.
    return null
  }
}

export function readStored(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null
  try {
    return storage()?.getItem(key) ?? null
  } catch {
    return null
  }
}

/** Writes (null removes) and notifies this tab's subscribers of `key`. */
export function writeStored(key: string, value: string | null): void {
  try {
    const store = storage()
    if (store === null) throw new Error('no storage')
    if (value === null) store.removeItem(key)
    else store.setItem(key, value)
    memory.delete(key)
  } catch {
    memory.set(key, value)
  }
  notify(key)
}

function notify(key: string | null): void {
  // key null: another tab cleared all of localStorage.
  for (const [k, set] of listeners) if (key === null || k === key) for (const l of set) l()
}

let attached = false

/** Calls `listener` whenever `key` changes, in this tab or another. */
export function subscribeStored(key: string, listener: Listener): () => void {
  const set = listeners.get(key) ?? new Set()
  listeners.set(key, set.add(listener))
  // Attached once, for the tab's life: it costs nothing while no key is listened to.
  if (!attached && typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      notify(event.key)
    })
    attached = true
  }
  return () => {
    set.delete(listener)
    if (set.size === 0) listeners.delete(key)
  }
}
