/**
 * Sends what waits in the outbox. One timer, set to the moment the next change is due
 * (the core's nextDueAt), never a polling loop; "Retry now", the browser coming back
 * online and the tab becoming visible again re-check at once.
 *
 * Only one tab of the browser sends: the outbox is shared through localStorage, and two
 * tabs sending the same queued note would post it twice. The tabs elect a sender with
 * the Web Locks API; when the sender closes, the lock passes to another tab. Without
 * Web Locks (old browsers, jsdom) every tab sends.
 */
import type { QueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { due, nextDueAt, type Outbox, type OutboxEntry } from '@/domain/outbox'
import { announceIncidentChange } from '@/lib/incident-sync'
import { deliver, type Delivery } from './deliver'
import { draftSaved } from './drafts'
import {
  changeFailed,
  changeSaved,
  outboxSnapshot,
  pausedKeys,
  reportProblem,
  retryAllNow,
  subscribeOutbox,
  type ChangeMeta,
  type OutboxSnapshot,
} from './outbox-store'
import { rebaseQueued } from './rebase'

const LOCK_NAME = 'vigil.outbox.sender'
/** setTimeout misbehaves past 2^31 − 1 ms; no backoff is that long, but a clock jump can be. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Puts a saved incident in the cache unless the cache already holds a newer version. */
export function cacheSavedIncident(queryClient: QueryClient, saved: Incident): void {
  queryClient.setQueryData(incidentQueries.detail(saved.id).queryKey, (old) => (old !== undefined && old.version > saved.version ? old : saved))
}

/** What every successful save does, first attempt or retry: cache, draft, other tabs. */
export function settleSaved(queryClient: QueryClient, id: string, meta: ChangeMeta, body: unknown, delivery: Extract<Delivery, { kind: 'saved' }>): void {
  if (delivery.incident !== null) cacheSavedIncident(queryClient, delivery.incident)
  if (meta.draftKey !== undefined) draftSaved(meta.draftKey, id, textOf(body))
  announceIncidentChange(meta.incidentId)
}

function textOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string' ? body.text : ''
}

/** Meta for an entry written by an older Vigil that kept none: enough to show and judge it. */
function fallbackMeta(entry: OutboxEntry): ChangeMeta {
  const incidentId = /^incident:([^:]+)/.exec(entry.key)?.[1] ?? ''
  return { incidentId, summary: `${entry.request.method} ${entry.request.path}`, stake: [] }
}

interface Runner {
  users: number
  client: QueryClient
  stop: () => void
}

let running: Runner | null = null

/**
 * Starts the (single) runner, or joins it if one runs; returns the function that leaves.
 * The runner stops when the last user leaves.
 */
export function startOutboxRunner(queryClient: QueryClient): () => void {
  if (running === null) {
    const runner: Runner = { users: 0, client: queryClient, stop: () => undefined }
    runner.stop = createRunner(() => runner.client)
    running = runner
  }
  const runner = running
  runner.users += 1
  runner.client = queryClient
  let left = false
  return () => {
    if (left) return
    left = true
    runner.users -= 1
    if (runner.users === 0) {
      runner.stop()
      if (running === runner) running = null
    }
  }
}

function createRunner(client: () => QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  let leader = false
  let stopped = false
  /** Keys whose head is being sent: nothing else on them goes until it is back. */
  const inflight = new Set<string>()

  const sendable = (snap: OutboxSnapshot): Outbox => {
    const paused = pausedKeys(snap)
    return { entries: snap.box.entries.filter((e) => !paused.has(e.key) && !inflight.has(e.key)) }
  }

  const schedule = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (!leader || stopped) return
    const at = nextDueAt(sendable(outboxSnapshot()))
    if (at === null) return
    timer = setTimeout(flush, Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())))
  }

  const sendOne = async (entry: OutboxEntry, meta: ChangeMeta) => {
    const delivery = await deliver(entry.id, entry.request, meta.stake)
    if (stopped && delivery.kind !== 'saved') return
    // Discarded while it was on its way: only a save still needs recording.
    const stillQueued = outboxSnapshot().box.entries.some((e) => e.id === entry.id)
    const now = Date.now()
    switch (delivery.kind) {
      case 'saved':
        changeSaved(entry.id, (box) => rebaseQueued(box, entry.key, entry.request.ifMatch, delivery.version))
        settleSaved(client(), entry.id, meta, entry.request.body, delivery)
        break
      case 'retry':
        changeFailed(entry.id, delivery.message, now, delivery.retryAfterMs)
        return
      case 'conflict':
      case 'rejected':
        if (!stillQueued) return
        reportProblem({
          id: entry.id,
          kind: delivery.kind,
          key: entry.key,
          request: entry.request,
          meta,
          message: delivery.message,
          current: delivery.current,
          at: now,
        })
        break
    }
    void client().invalidateQueries({ queryKey: incidentQueries.all() })
  }

  const flush = () => {
    timer = null
    if (!leader || stopped) return
    const snap = outboxSnapshot()
    for (const entry of due(sendable(snap), Date.now())) {
      inflight.add(entry.key)
      void sendOne(entry, snap.meta[entry.id] ?? fallbackMeta(entry)).finally(() => {
        inflight.delete(entry.key)
        schedule()
      })
    }
    schedule()
  }

  const onOnline = () => {
    retryAllNow(Date.now())
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') schedule()
  }

  const unsubscribe = subscribeOutbox(schedule)
  window.addEventListener('online', onOnline)
  document.addEventListener('visibilitychange', onVisible)
  const resign = elect(() => {
    leader = true
    schedule()
  })

  return () => {
    stopped = true
    leader = false
    if (timer !== null) clearTimeout(timer)
    unsubscribe()
    window.removeEventListener('online', onOnline)
    document.removeEventListener('visibilitychange', onVisible)
    resign()
  }
}

/** Calls `onLeader` once this tab holds the sender lock; returns the function that gives it up. */
function elect(onLeader: () => void): () => void {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) {
    onLeader()
    return () => undefined
  }
  const controller = new AbortController()
  let release: (() => void) | null = null
  navigator.locks
    .request(LOCK_NAME, { signal: controller.signal }, () => {
      onLeader()
      // Held until this tab stops sending.
      return new Promise<void>((resolve) => {
        release = resolve
      })
    })
    .catch(() => undefined)
  return () => {
    controller.abort()
    release?.()
  }
}
