/**
 * localStorage as the outbox needs it: never throws (private mode, a full disk, a
 * blocked origin), falls back to memory for this tab when writing fails, and tells
 * subscribers when a key changes — in this tab directly, in other tabs through the
 * browser's `storage` event. Every tab of the browser therefore sees one outbox.
 */

type Listener = () => void

const memory = new Map<string, string>()
/** Keys whose last write failed: this tab keeps them in memory from then on. */
const memoryOnly = new Set<string>()
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
  if (memoryOnly.has(key)) return memory.get(key) ?? null
  try {
    return storage()?.getItem(key) ?? memory.get(key) ?? null
  } catch {
    return memory.get(key) ?? null
  }
}

/** Writes (null removes) and notifies this tab's subscribers of `key`. */
export function writeStored(key: string, value: string | null): void {
  const store = storage()
  try {
    if (store === null) throw new Error('no storage')
    if (value === null) store.removeItem(key)
    else store.setItem(key, value)
    memoryOnly.delete(key)
    memory.delete(key)
  } catch {
    memoryOnly.add(key)
    if (value === null) memory.delete(key)
    else memory.set(key, value)
  }
  notify(key)
}

function notify(key: string): void {
  for (const l of listeners.get(key) ?? []) l()
}

function onStorage(event: StorageEvent): void {
  // key null: another tab cleared all of localStorage.
  if (event.key === null) {
    for (const key of listeners.keys()) notify(key)
    return
  }
  notify(event.key)
}

let attached = false

function totalListeners(): number {
  let n = 0
  for (const set of listeners.values()) n += set.size
  return n
}

/** Calls `listener` whenever `key` changes, in this tab or another. */
export function subscribeStored(key: string, listener: Listener): () => void {
  let set = listeners.get(key)
  if (set === undefined) {
    set = new Set()
    listeners.set(key, set)
  }
  set.add(listener)
  if (!attached && typeof window !== 'undefined') {
    window.addEventListener('storage', onStorage)
    attached = true
  }
  return () => {
    set.delete(listener)
    if (set.size === 0) listeners.delete(key)
    if (attached && totalListeners() === 0) {
      window.removeEventListener('storage', onStorage)
      attached = false
    }
  }
}

/** For tests: forget the in-memory fallback. */
export function resetStoredFallback(): void {
  memory.clear()
  memoryOnly.clear()
}
