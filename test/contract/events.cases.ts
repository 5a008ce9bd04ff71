/**
 * The change feed, GET /api/events: a text/event-stream that greets with hello and then
 * announces each change. Both backends serve it (the mock from its world's changes).
 */
import { serverEvent, type ServerEvent } from '@/api/events'
import { declare } from './incident-steps'
import { call, type ContractTarget } from './target'

/**
 * Reads Server-Sent Events from GET /api/events until `until` accepts one (or `timeoutMs`
 * passes): each event's data lines joined, parsed as JSON and checked with the contract.
 */
async function readEvents(
  target: ContractTarget,
  until: (event: ServerEvent, all: ServerEvent[]) => boolean,
  options: { timeoutMs?: number; onOpen?: () => Promise<void> } = {},
): Promise<{ contentType: string | null; events: ServerEvent[] }> {
  const abort = new AbortController()
  const timer = setTimeout(() => { abort.abort(); }, options.timeoutMs ?? 5000)
  const events: ServerEvent[] = []
  const response = await fetch(new URL('/api/events', target.baseUrl), { headers: { Accept: 'text/event-stream' }, signal: abort.signal })
  const contentType = response.headers.get('Content-Type')
  try {
    expect(response.status).toBe(200)
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader()
    if (reader === undefined) throw new Error('GET /api/events answered without a body.')
    let buffer = ''
    let opened = false
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value
      const blocks = buffer.split(/\r?\n\r?\n/)
      buffer = blocks.pop() ?? ''
      for (const block of blocks) {
        const data = block
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
        if (data.length === 0) continue // a comment (keep-alive) or an event without data
        const event = serverEvent.parse(JSON.parse(data.join('\n')))
        events.push(event)
        if (until(event, events)) return { contentType, events }
        if (!opened && options.onOpen) {
          opened = true
          await options.onOpen()
        }
      }
    }
    throw new Error(`The event stream ended before the event looked for: ${JSON.stringify(events)}`)
  } catch (e) {
    if (abort.signal.aborted) throw new Error(`No such event within the time allowed; got ${JSON.stringify(events)}`)
    throw e
  } finally {
    clearTimeout(timer)
    abort.abort()
  }
}

export function eventCases(target: () => ContractTarget): void {
  describe('the change feed', () => {
    test('GET /api/events is an event stream that says hello first', async () => {
      const { contentType, events } = await readEvents(target(), () => true)
      expect(contentType).toMatch(/^text\/event-stream/)
      expect(events).toEqual([{ type: 'hello' }])
    })

    test('a declaration is announced with its id and version', async () => {
      let id = ''
      const { events } = await readEvents(target(), (e) => e.type === 'incident' && e.id === id, {
        // Declared once the stream is open (after hello), so the change cannot be missed.
        onOpen: async () => {
          id = (await declare(target())).id
        },
      })
      expect(events.at(-1)).toEqual({ type: 'incident', id, version: 1 })
    })

    test('a note is announced with the incident\'s new version', async () => {
      const declared = await declare(target())
      const noted = declared.version + 1
      // The declaration's own announcement may still be on its way (PostgreSQL delivers
      // NOTIFY after the commit), so wait for the version the note makes.
      const { events } = await readEvents(target(), (e) => e.type === 'incident' && e.id === declared.id && e.version === noted, {
        onOpen: async () => {
          await call(target(), 'POST', `/api/incidents/${declared.id}/notes`, { body: { text: 'Looking' } })
        },
      })
      expect(events.at(-1)).toEqual({ type: 'incident', id: declared.id, version: noted })
    })
  })
}
