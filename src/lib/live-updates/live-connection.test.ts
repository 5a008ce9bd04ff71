import type { ChangeNotice } from '@/api/events'
import type { LiveConnection } from './connection-state'
import { createFakeEventSources } from './fake-event-source'
import { CONNECT_TIMEOUT_MS, connectLiveUpdates, STABLE_CONNECTION_MS } from './live-connection'

const START = Date.parse('2026-11-27T12:00:00Z')

beforeEach(() => {
  vi.useFakeTimers({ now: START })
})

afterEach(() => {
  vi.useRealTimers()
})

function connect(options: { random?: () => number } = {}) {
  const sources = createFakeEventSources()
  const states: LiveConnection[] = []
  const changes: ChangeNotice[] = []
  let reconnects = 0
  const disconnect = connectLiveUpdates({
    url: 'https://vigil.example/api/events',
    EventSource: sources.EventSource,
    onState: (s) => states.push(s),
    onChange: (n) => changes.push(n),
    onReconnect: () => {
      reconnects += 1
    },
    random: options.random ?? (() => 1),
  })
  return { sources, states, changes, reconnects: () => reconnects, disconnect }
}

/** Advances until the next source opens; returns how long that took. */
function waitForNextAttempt(sources: ReturnType<typeof createFakeEventSources>): number {
  const before = sources.opened.length
  const from = Date.now()
  for (let step = 0; step < 120 && sources.opened.length === before; step += 1) vi.advanceTimersByTime(250)
  expect(sources.opened.length).toBe(before + 1)
  return Date.now() - from
}

test('it opens the stream at the given URL and says it is connecting, then live', () => {
  const { sources, states } = connect()

  expect(sources.latest().url).toBe('https://vigil.example/api/events')
  expect(states).toEqual([{ kind: 'connecting' }])
  sources.latest().open()
  expect(states.at(-1)).toEqual({ kind: 'live', sinceMs: START })
})

test('a server that stays down is retried after 1, 2, 4, 8, 16, 30, 30 s, closing each failed source', () => {
  const { sources } = connect({ random: () => 1 })
  const waits: number[] = []
  for (let n = 0; n < 7; n += 1) {
    const failing = sources.latest()
    failing.fail()
    expect(failing.closed).toBe(true)
    waits.push(waitForNextAttempt(sources))
  }

  expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000])
})

test('the waits are jittered into the upper half of each step', () => {
  const { sources } = connect({ random: () => 0 })
  const waits: number[] = []
  for (let n = 0; n < 3; n += 1) {
    sources.latest().fail()
    waits.push(waitForNextAttempt(sources))
  }

  expect(waits).toEqual([500, 1_000, 2_000])
})

test('nothing is retried before its time, and the browser\'s own retry never runs (the source is closed)', () => {
  const { sources } = connect()
  sources.latest().fail()

  vi.advanceTimersByTime(999)
  expect(sources.opened).toHaveLength(1)
  expect(sources.opened[0]?.closed).toBe(true)
  vi.advanceTimersByTime(1)
  expect(sources.opened).toHaveLength(2)
})

test('down since the first drop until the stream opens again, then one resync', () => {
  const { sources, states, reconnects } = connect()
  sources.latest().open()
  expect(reconnects()).toBe(0)

  vi.advanceTimersByTime(5_000)
  sources.latest().fail()
  const droppedAt = Date.now()
  waitForNextAttempt(sources)
  sources.latest().fail()
  waitForNextAttempt(sources)

  expect(states.slice(2)).toEqual([
    { kind: 'down', sinceMs: droppedAt },
    { kind: 'down', sinceMs: droppedAt },
  ])
  sources.latest().open()
  expect(states.at(-1)).toEqual({ kind: 'live', sinceMs: Date.now() })
  expect(reconnects()).toBe(1)
})

test('a connection that held for a while starts the backoff over; one that drops at once keeps doubling', () => {
  const { sources } = connect()
  sources.latest().fail()
  expect(waitForNextAttempt(sources)).toBe(1_000)
  sources.latest().open()
  sources.latest().fail()
  expect(waitForNextAttempt(sources)).toBe(2_000)

  sources.latest().open()
  vi.advanceTimersByTime(STABLE_CONNECTION_MS)
  sources.latest().fail()
  expect(waitForNextAttempt(sources)).toBe(1_000)
})

test('an attempt with no answer in time is given up and retried', () => {
  const { sources, states } = connect()
  const hung = sources.latest()

  vi.advanceTimersByTime(CONNECT_TIMEOUT_MS)

  expect(hung.closed).toBe(true)
  expect(states.at(-1)).toEqual({ kind: 'down', sinceMs: START + CONNECT_TIMEOUT_MS })
  expect(waitForNextAttempt(sources)).toBe(1_000)
})

test('change messages that parse are passed on; bad JSON, unknown types and other events are skipped', () => {
  const { sources, changes } = connect()
  const source = sources.latest()
  source.open()

  source.send('hello', '{"type":"hello"}')
  source.send('change', 'not json {')
  source.send('change', '{"type":"meteor"}')
  source.send('change', '{"type":"incident","id":"INC-10001"}')
  source.send('change', '{"type":"incident","id":"INC-10001","version":-1}')
  source.send('message', '{"type":"alerts"}')
  source.send('change', '{"type":"incident","id":"INC-10001","version":7,"extra":true}')
  source.send('change', '{"type":"alerts"}')
  source.send('change', '{"type":"resync"}')

  expect(changes).toEqual([{ type: 'incident', id: 'INC-10001', version: 7 }, { type: 'alerts' }, { type: 'resync' }])
})

test('disconnecting closes the stream and leaves no timer, whether live or waiting to retry', () => {
  const live = connect()
  live.sources.latest().open()
  live.disconnect()
  expect(live.sources.latest().closed).toBe(true)
  expect(vi.getTimerCount()).toBe(0)

  const waiting = connect()
  waiting.sources.latest().fail()
  expect(vi.getTimerCount()).toBe(1)
  waiting.disconnect()
  expect(vi.getTimerCount()).toBe(0)
  vi.advanceTimersByTime(60_000)
  expect(waiting.sources.opened).toHaveLength(1)
})

test('events from a source already given up on change nothing', () => {
  const { sources, states, changes } = connect()
  const first = sources.latest()
  vi.advanceTimersByTime(CONNECT_TIMEOUT_MS)
  waitForNextAttempt(sources)
  const stateCount = states.length

  // A real closed EventSource fires nothing; guard anyway against one that does.
  first.dispatchEvent(new Event('open'))
  first.dispatchEvent(new MessageEvent('change', { data: '{"type":"alerts"}' }))
  first.dispatchEvent(new Event('error'))

  expect(states).toHaveLength(stateCount)
  expect(changes).toEqual([])
  expect(sources.opened).toHaveLength(2)
})
