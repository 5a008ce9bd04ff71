/**
 * GET /api/events on the mock backend: the world's change notices as Server-Sent Events,
 * in the server's wire format (src/api/events.ts), so dev, vitest and the browser tests run
 * the same live-update client as production.
 *
 * A plain streaming response rather than MSW's sse(): sse() refuses to be constructed
 * where EventSource is missing (msw/node on Node 20, i.e. vitest) and only matches
 * requests whose Accept is exactly `text/event-stream`, so a test reading the stream with
 * fetch() would miss it. In the browser both end the same way: the page hands the worker
 * the ReadableStream (transferred) and it streams to the EventSource (checked in Chromium:
 * messages arrive, other tabs' changes too, the stream outlives 40 s of silence, and
 * EventSource.close() cancels it here). The Content-Type must start with
 * `text/event-stream`: for those the worker does not clone the response, a clone that
 * would buffer the endless body and keep the page's close from reaching us.
 *
 * No `: ping` comments: they keep proxies from closing idle streams, and nothing stands
 * between the page and the worker; leaving them out also leaves no timer to leak.
 */
import { http, HttpResponse } from 'msw'
import { CHANGE_EVENT, EVENTS_PATH, formatServerSentEvent, HELLO_EVENT } from '@/api/events'
import type { World } from '../world'
import { dateHeader } from './respond'

export function eventHandlers(world: World) {
  return [http.get(EVENTS_PATH, ({ request }) => new HttpResponse(changeStream(world, request.signal), { headers: streamHeaders(world) }))]
}

function streamHeaders(world: World): Record<string, string> {
  return { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', ...dateHeader(world) }
}

/**
 * The greeting, then one `change` message per notice, until the reader cancels (the page's
 * EventSource closed; in the browser that is the only signal that reaches the handler) or
 * the request is aborted (msw/node, when the client's fetch is).
 */
function changeStream(world: World, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let stop: (() => void) | null = null
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text))
      }
      const unsubscribe = world.subscribe((notice) => {
        write(formatServerSentEvent(CHANGE_EVENT, notice))
      })
      const onAbort = () => {
        stop?.()
        controller.close()
      }
      stop = () => {
        if (!open) return
        open = false
        unsubscribe()
        signal.removeEventListener('abort', onAbort)
      }
      if (signal.aborted) {
        onAbort()
        return
      }
      signal.addEventListener('abort', onAbort)
      write(`: connected\n\n${formatServerSentEvent(HELLO_EVENT, { type: 'hello' })}`)
    },
    cancel() {
      stop?.()
    },
  })
}
