import { apiFetch, apiRequest } from '@/api/client'
import { changeNotice, EVENTS_PATH, type ChangeNotice } from '@/api/events'
import { incident as incidentSchema, simulatorState, timelineEvent } from '@/api/schemas'
import { versionFromEtag } from '@/api/incidents'
import { getResponse } from 'msw'
import { insertIncident } from '../db'
import { createHandlers } from './all'
import { world } from '../node'
import { changesBetween, createWorld, freshWorldState, MAX_INCIDENT_NOTICES, STORAGE_KEY, type World, type WorldState } from '../world'
import { givenFaults, seedIncident, setMockNow } from '../../../test/mock-backend'

const NOW = Date.parse('2026-11-27T12:00:00Z')

beforeEach(() => {
  setMockNow(NOW)
  localStorage.clear()
})

interface Message {
  event: string
  data: string
  comments: string[]
}

/** GET /api/events with fetch, read message by message the way EventSource frames them. */
async function openStream(signal?: AbortSignal) {
  const response = await fetch(EVENTS_PATH, { headers: { Accept: 'text/event-stream' }, ...(signal ? { signal } : {}) })
  if (response.body === null) throw new Error('the stream has no body')
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  async function next(): Promise<Message> {
    // Comments are not messages: they are kept for the message that follows them.
    const message: Message = { event: 'message', data: '', comments: [] }
    for (;;) {
      const end = buffered.indexOf('\n\n')
      if (end >= 0) {
        const block = buffered.slice(0, end)
        buffered = buffered.slice(end + 2)
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) message.comments.push(line.slice(1).trim())
          else if (line.startsWith('event:')) message.event = line.slice(6).trim()
          else if (line.startsWith('data:')) message.data += line.slice(5).trim()
        }
        if (message.data !== '' || message.event !== 'message') return message
        continue
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('the stream ended')
      buffered += value
    }
  }
  /** The next change message, parsed with the contract. */
  async function nextChange(): Promise<ChangeNotice> {
    const message = await next()
    expect(message.event).toBe('change')
    return changeNotice.parse(JSON.parse(message.data))
  }
  return { response, next, nextChange, close: () => reader.cancel() }
}

/** Counts the world's open subscriptions, to see a closed stream let go of its listener. */
function countSubscriptions(w: World): () => number {
  let open = 0
  const subscribe = w.subscribe.bind(w)
  vi.spyOn(w, 'subscribe').mockImplementation((listener) => {
    open += 1
    const stop = subscribe(listener)
    return () => {
      open -= 1
      stop()
    }
  })
  return () => open
}

// ---------------------------------------------------------------- the stream

test('the stream is text/event-stream and opens with a comment and a hello', async () => {
  const stream = await openStream()

  expect(stream.response.status).toBe(200)
  expect(stream.response.headers.get('Content-Type')).toMatch(/^text\/event-stream/)
  const hello = await stream.next()
  expect(hello.comments).toEqual(['connected'])
  expect(hello).toMatchObject({ event: 'hello', data: '{"type":"hello"}' })
  await stream.close()
})

test('a note added through the API arrives as an incident message with its new version', async () => {
  const seeded = seedIncident({ title: 'LLM slow' })
  const stream = await openStream()
  await stream.next()

  const note = await apiRequest(`/api/incidents/${seeded.id}/notes`, timelineEvent, { method: 'POST', body: { text: 'Looking' } })

  const version = versionFromEtag(note.headers.get('ETag'))
  expect(version).toBe(seeded.version + 1)
  expect(await stream.nextChange()).toEqual({ type: 'incident', id: seeded.id, version })
  await stream.close()
})

test('a declaration arrives as an incident message', async () => {
  const stream = await openStream()
  await stream.next()

  const declared = await apiFetch('/api/incidents', incidentSchema, {
    method: 'POST',
    body: { title: 'TTS down', severity: 'P2', impact: 'No voice', services: ['tts'] },
    headers: { 'Idempotency-Key': 'k-1' },
  })

  expect(await stream.nextChange()).toEqual({ type: 'incident', id: declared.id, version: declared.version })
  await stream.close()
})

test('switching the scenario arrives as an alerts message', async () => {
  const stream = await openStream()
  await stream.next()

  await apiFetch('/api/simulator', simulatorState, { method: 'POST', body: { scenario: 'openai-outage' } })

  expect(await stream.nextChange()).toEqual({ type: 'alerts' })
  await stream.close()
})

test('every open stream hears the same change', async () => {
  const seeded = seedIncident()
  const first = await openStream()
  const second = await openStream()
  await first.next()
  await second.next()

  await apiFetch(`/api/incidents/${seeded.id}/notes`, timelineEvent, { method: 'POST', body: { text: 'Both' } })

  const expected = { type: 'incident', id: seeded.id, version: seeded.version + 1 }
  expect(await first.nextChange()).toEqual(expected)
  expect(await second.nextChange()).toEqual(expected)
  await first.close()
  await second.close()
})

test('a stream the reader cancels lets go of the world', async () => {
  // Straight to the handlers: msw/node's fetch interceptor tees every mocked body for its
  // 'response' event, so a reader's cancel never reaches the source there (abort does, below).
  // In the browser the worker hands the page's cancel on to this stream.
  const w = createWorld({ now: () => NOW })
  const open = countSubscriptions(w)
  const response = await getResponse(createHandlers(w), new Request(`http://localhost${EVENTS_PATH}`), { baseUrl: 'http://localhost' })
  const reader = response?.body?.getReader()
  expect((await reader?.read())?.done).toBe(false)
  expect(open()).toBe(1)

  await reader?.cancel()

  expect(open()).toBe(0)
  // A change after the close reaches no closed stream (writing to one would throw here).
  expect(() => w.update((s) => insertIncident(s.db, {}, NOW))).not.toThrow()
})

test('a stream whose request is aborted lets go of the world', async () => {
  const open = countSubscriptions(world)
  const abort = new AbortController()
  const stream = await openStream(abort.signal)
  await stream.next()

  abort.abort()

  await vi.waitFor(() => {
    expect(open()).toBe(0)
  })
})

test('injected faults fail the stream like any call', async () => {
  givenFaults(1, 503)

  const response = await fetch(EVENTS_PATH, { headers: { Accept: 'text/event-stream' } })

  expect(response.status).toBe(503)
  expect(response.headers.get('Content-Type')).toMatch(/json/)
})

test('a stream held up by an injected timeout leaves no timer behind once the client gives up', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    givenFaults(1, 'timeout')
    const abort = new AbortController()
    const answer = fetch(EVENTS_PATH, { signal: abort.signal }).then(
      () => 'answered',
      () => 'aborted',
    )
    await vi.waitFor(() => {
      expect(vi.getTimerCount()).toBe(1)
    })

    abort.abort()

    expect(await answer).toBe('aborted')
    await vi.waitFor(() => {
      expect(vi.getTimerCount()).toBe(0)
    })
  } finally {
    vi.useRealTimers()
  }
})

// ---------------------------------------------------------------- the world's change signal

test('a world tells its listeners what an update changed, and stops when they leave', () => {
  const w = createWorld({ now: () => NOW })
  const heard: ChangeNotice[] = []
  const stop = w.subscribe((n) => heard.push(n))

  const added = w.update((s) => insertIncident(s.db, { title: 'A' }, NOW))
  w.update((s) => {
    s.sim.seed = 7
  })
  stop()
  w.update((s) => insertIncident(s.db, { title: 'B' }, NOW))

  expect(heard).toEqual([{ type: 'incident', id: added.id, version: added.version }, { type: 'alerts' }])
})

test('an update that changes nothing the feed speaks of is not announced', () => {
  const w = createWorld({ now: () => NOW })
  w.update((s) => {
    s.sim.faults = { rate: 0.5, status: 503 }
  })
  const heard: ChangeNotice[] = []
  w.subscribe((n) => heard.push(n))

  // The fault counter ticks on reads: announcing it would make every client refetch forever.
  w.update((s) => {
    s.sim.faultCalls += 1
  })
  w.update(() => undefined)

  expect(heard).toEqual([])
})

test('another tab\'s change is announced when its storage event arrives', () => {
  const here = createWorld({ storage: localStorage, now: () => NOW })
  const there = createWorld({ storage: localStorage, now: () => NOW })
  here.read()
  const heard: ChangeNotice[] = []
  const stop = here.subscribe((n) => heard.push(n))

  const oldValue = localStorage.getItem(STORAGE_KEY)
  const added = there.update((s) => insertIncident(s.db, { title: 'From the other tab' }, NOW))
  // jsdom, like browsers, sends no storage event to the document that wrote: play the other tab's.
  window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, oldValue, newValue: localStorage.getItem(STORAGE_KEY) }))

  expect(heard).toEqual([{ type: 'incident', id: added.id, version: added.version }])
  stop()
  there.update((s) => {
    s.sim.seed = 3
  })
  window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
  expect(heard).toHaveLength(1)
})

test('another tab\'s change read before its storage event is announced once, not lost', () => {
  const here = createWorld({ storage: localStorage, now: () => NOW })
  const there = createWorld({ storage: localStorage, now: () => NOW })
  const heard: ChangeNotice[] = []
  here.subscribe((n) => heard.push(n))

  there.update((s) => {
    s.sim.seed = 11
  })
  here.read()
  window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))

  expect(heard).toEqual([{ type: 'alerts' }])
})

test('a reset, or too many incidents at once, is announced as one resync', () => {
  const before = freshWorldState(NOW)
  insertIncident(before.db, {}, NOW)
  const many: WorldState = structuredClone(before)
  for (let n = 0; n <= MAX_INCIDENT_NOTICES; n += 1) insertIncident(many.db, {}, NOW)

  expect(changesBetween(before, freshWorldState(NOW))).toEqual([{ type: 'resync' }])
  expect(changesBetween(before, many)).toEqual([{ type: 'resync' }])
  expect(changesBetween(before, structuredClone(before))).toEqual([])
})
