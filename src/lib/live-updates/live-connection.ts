/**
 * One live-update connection kept alive: opens the EventSource, passes on each change,
 * and when the stream fails closes it and reconnects with backoff. Closing it ourselves
 * matters: left alone, the browser retries every 3 s (or whatever `retry:` said) forever,
 * hammering a server that is down. No React here; use-live-updates.ts wraps it.
 */
import { CHANGE_EVENT, type ChangeNotice } from '@/api/events'
import type { LiveConnection } from './connection-state'
import type { EventSourceConstructor, EventSourceLike } from './event-source-like'
import { parseChange } from './parse-change'
import { reconnectDelayMs } from './reconnect-delay'

/** An attempt with no answer in this long (a hung proxy, a server that never writes headers) has failed. */
export const CONNECT_TIMEOUT_MS = 10_000
/**
 * A connection that stayed open this long was healthy: the next drop starts the backoff
 * at 1 s again. One that drops sooner keeps doubling, so a server that accepts and then
 * falls over at once is not reconnected to (and resynced against) every second.
 */
export const STABLE_CONNECTION_MS = 30_000

export interface LiveConnectionOptions {
  url: string
  EventSource: EventSourceConstructor
  onState(state: LiveConnection): void
  onChange(notice: ChangeNotice): void
  /** The stream opened again after a drop: changes may have been missed meanwhile. */
  onReconnect(): void
  random?: () => number
  now?: () => number
}

/** Connects now; returns the function that closes the stream and cancels every timer. */
export function connectLiveUpdates(options: LiveConnectionOptions): () => void {
  const now = options.now ?? Date.now
  let source: EventSourceLike | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let connectTimer: ReturnType<typeof setTimeout> | null = null
  let failures = 0
  let openedAt: number | null = null
  let downSince: number | null = null

  const clearConnectTimer = () => {
    if (connectTimer !== null) clearTimeout(connectTimer)
    connectTimer = null
  }

  const fail = (failed: EventSourceLike) => {
    // A late event from a source already given up on changes nothing.
    if (failed !== source) return
    failed.close()
    source = null
    clearConnectTimer()
    if (openedAt !== null && now() - openedAt >= STABLE_CONNECTION_MS) failures = 0
    openedAt = null
    downSince ??= now()
    options.onState({ kind: 'down', sinceMs: downSince })
    retryTimer = setTimeout(open, reconnectDelayMs(failures, options.random))
    failures += 1
  }

  function open(): void {
    retryTimer = null
    const attempt = new options.EventSource(options.url)
    source = attempt
    if (downSince === null) options.onState({ kind: 'connecting' })
    connectTimer = setTimeout(() => {
      fail(attempt)
    }, CONNECT_TIMEOUT_MS)
    attempt.addEventListener('open', () => {
      if (attempt !== source) return
      clearConnectTimer()
      openedAt = now()
      const wasDown = downSince !== null
      downSince = null
      options.onState({ kind: 'live', sinceMs: openedAt })
      if (wasDown) options.onReconnect()
    })
    attempt.addEventListener(CHANGE_EVENT, (event) => {
      if (attempt !== source || !(event instanceof MessageEvent)) return
      const notice = parseChange(event.data)
      if (notice !== null) options.onChange(notice)
    })
    attempt.addEventListener('error', () => {
      fail(attempt)
    })
  }

  open()
  return () => {
    const current = source
    source = null
    current?.close()
    clearConnectTimer()
    if (retryTimer !== null) clearTimeout(retryTimer)
    retryTimer = null
  }
}
