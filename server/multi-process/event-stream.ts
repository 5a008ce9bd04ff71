/**
 * GET /api/events read the plain way, with fetch and a stream reader (no EventSource in
 * Node), each message stamped with performance.now() when its last byte arrived, so a test
 * can time how long a change takes to reach another process's stream.
 */
import { performance } from 'node:perf_hooks'

export interface StreamMessage {
  /** The SSE `event:` name ("hello", "change"). */
  event: string
  data: unknown
  /** performance.now() when the message was complete. */
  at: number
}

export interface EventStream {
  /** Every message so far, in arrival order. */
  readonly messages: readonly StreamMessage[]
  /** The first message (already received or still to come) that matches; rejects after timeoutMs. */
  waitFor(match: (message: StreamMessage) => boolean, timeoutMs: number): Promise<StreamMessage>
  close(): void
}

interface Waiter {
  match: (message: StreamMessage) => boolean
  resolve: (message: StreamMessage) => void
}

/** Opens the stream and resolves once its `hello` arrived: from then on every change reaches it. */
export async function openEventStream(baseUrl: string, timeoutMs = 10_000): Promise<EventStream> {
  const abort = new AbortController()
  const response = await fetch(`${baseUrl}/api/events`, { headers: { Accept: 'text/event-stream' }, signal: abort.signal })
  const type = response.headers.get('content-type') ?? ''
  if (response.status !== 200 || !type.startsWith('text/event-stream') || response.body === null) {
    abort.abort()
    throw new Error(`GET ${baseUrl}/api/events answered ${response.status} ${type}`)
  }

  const messages: StreamMessage[] = []
  const waiters = new Set<Waiter>()
  let ended: Error | null = null

  const deliver = (message: StreamMessage) => {
    messages.push(message)
    for (const waiter of waiters) {
      if (waiter.match(message)) {
        waiters.delete(waiter)
        waiter.resolve(message)
      }
    }
  }

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  void (async () => {
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        buffer += value
        // Messages end with a blank line; the server writes \n line ends.
        let end = buffer.indexOf('\n\n')
        while (end !== -1) {
          const message = parseMessage(buffer.slice(0, end), performance.now())
          buffer = buffer.slice(end + 2)
          if (message !== null) deliver(message)
          end = buffer.indexOf('\n\n')
        }
      }
      ended = new Error(`the event stream of ${baseUrl} ended`)
    } catch (error) {
      ended = error instanceof Error ? error : new Error(String(error))
    }
  })()

  const stream: EventStream = {
    messages,
    waitFor(match, waitMs) {
      const found = messages.find(match)
      if (found !== undefined) return Promise.resolve(found)
      if (ended !== null) return Promise.reject(ended)
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          match,
          resolve: (message) => {
            clearTimeout(timer)
            resolve(message)
          },
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          const seen = messages.map((m) => JSON.stringify(m.data)).slice(-10)
          reject(new Error(`no matching message on ${baseUrl}/api/events within ${waitMs} ms; the last ones: ${seen.join(' ')}`))
        }, waitMs)
        waiters.add(waiter)
      })
    },
    close() {
      abort.abort()
    },
  }
  try {
    await stream.waitFor((m) => m.event === 'hello', timeoutMs)
  } catch (error) {
    stream.close()
    throw error
  }
  return stream
}

/** One SSE message's lines: `event:`, `data:` (JSON here), and `:` comments, which carry nothing. */
function parseMessage(block: string, at: number): StreamMessage | null {
  let event = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'data') data.push(value)
  }
  if (data.length === 0) return null
  return { event, data: JSON.parse(data.join('\n')) as unknown, at }
}
