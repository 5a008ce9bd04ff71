import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  EMPTY_OUTBOX,
  backoffDelayMs,
  deserialize,
  discard,
  due,
  enqueue,
  nextDueAt,
  recordFailure,
  recordSuccess,
  serialize,
  type NewOutboxEntry,
  type Outbox,
  type OutboxEntry,
} from './outbox'

const NOW = Date.UTC(2026, 10, 27, 10, 0)
const S = 1_000

const note = (id: string, text: string, key = 'incident:INC-1:note'): NewOutboxEntry => ({
  id,
  key,
  request: { method: 'POST', path: '/api/incidents/INC-1/notes', body: { text } },
})
const statusChange = (id: string, status: string): NewOutboxEntry => ({
  id,
  key: 'incident:INC-1:status',
  request: { method: 'PATCH', path: '/api/incidents/INC-1', body: { status }, ifMatch: '7' },
})
const fixed = (r: number) => () => r

/** Freezes a value all the way down, so a test fails if a function mutates its input. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

function boxOf(...entries: [NewOutboxEntry, number][]): Outbox {
  return deepFreeze(entries.reduce<Outbox>((box, [e, at]) => enqueue(box, e, at), EMPTY_OUTBOX))
}

function entry(box: Outbox, id: string): OutboxEntry {
  const found = box.entries.find((e) => e.id === id)
  if (!found) throw new Error(`no entry ${id}`)
  return found
}

// ---------------------------------------------------------------- enqueue

test('enqueue adds an entry that is due at once, and leaves the old outbox alone', () => {
  const before = deepFreeze(EMPTY_OUTBOX)
  const after = enqueue(before, statusChange('a', 'mitigated'), NOW)
  expect(before.entries).toEqual([])
  expect(after.entries).toEqual([
    {
      id: 'a',
      key: 'incident:INC-1:status',
      request: { method: 'PATCH', path: '/api/incidents/INC-1', body: { status: 'mitigated' }, ifMatch: '7' },
      attempts: 0,
      nextAttemptAt: NOW,
      lastError: null,
      createdAt: NOW,
    },
  ])
})

test('enqueue appends in order', () => {
  const box = boxOf([note('a', 'one'), NOW], [note('b', 'two'), NOW + 1], [statusChange('c', 'identified'), NOW + 2])
  expect(box.entries.map((e) => e.id)).toEqual(['a', 'b', 'c'])
})

test('enqueuing an existing id replaces it in place, keeps its creation time and starts its retries over', () => {
  const failed = recordFailure(boxOf([note('a', 'typo'), NOW], [note('b', 'two'), NOW]), 'a', 'HTTP 503', NOW + S, null, fixed(0.5))
  const edited = enqueue(deepFreeze(failed), note('a', 'fixed'), NOW + 10 * S)
  expect(edited.entries.map((e) => e.id)).toEqual(['a', 'b'])
  expect(entry(edited, 'a')).toEqual({
    id: 'a',
    key: 'incident:INC-1:note',
    request: { method: 'POST', path: '/api/incidents/INC-1/notes', body: { text: 'fixed' } },
    attempts: 0,
    nextAttemptAt: NOW + 10 * S,
    lastError: null,
    createdAt: NOW,
  })
  expect(entry(failed, 'a').attempts).toBe(1)
})

// ---------------------------------------------------------------- due and nextDueAt

test.each<[string, Outbox, number, string[]]>([
  ['an empty outbox', EMPTY_OUTBOX, NOW, []],
  ['a new entry, at its enqueue time', boxOf([note('a', 'x'), NOW]), NOW, ['a']],
  ['a new entry, one ms before its enqueue time', boxOf([note('a', 'x'), NOW]), NOW - 1, []],
  [
    'two entries on one key: only the oldest goes',
    boxOf([note('a', 'one'), NOW], [note('b', 'two'), NOW]),
    NOW,
    ['a'],
  ],
  [
    'entries on different keys go together, in queue order',
    boxOf([statusChange('s', 'mitigated'), NOW], [note('a', 'one'), NOW], [note('b', 'two', 'incident:INC-2:note'), NOW]),
    NOW,
    ['s', 'a', 'b'],
  ],
])('due: %s', (_name, box, now, expected) => {
  expect(due(box, now).map((e) => e.id)).toEqual(expected)
})

test.each([
  ['one ms before the retry', -1, []],
  ['exactly at the retry', 0, ['a']],
  ['one ms after the retry', 1, ['a']],
] as const)('a failed entry is due %s', (_name, offset, expected) => {
  // random 0.5 on the first failure: half of the 1 s base.
  const box = recordFailure(boxOf([note('a', 'x'), NOW]), 'a', 'timeout', NOW, undefined, fixed(0.5))
  expect(entry(box, 'a').nextAttemptAt).toBe(NOW + 500)
  expect(due(box, NOW + 500 + offset).map((e) => e.id)).toEqual(expected)
})

test('an entry waiting behind a backing-off head of its key is not due, while another key is', () => {
  let box = boxOf([note('a', 'one'), NOW], [note('b', 'two'), NOW], [statusChange('s', 'identified'), NOW])
  box = recordFailure(box, 'a', 'HTTP 500', NOW, 30 * S, fixed(0))
  expect(due(box, NOW + S).map((e) => e.id)).toEqual(['s'])
  expect(due(box, NOW + 30 * S).map((e) => e.id)).toEqual(['a', 's'])
  // Once the head lands, the next entry on its key is due.
  box = recordSuccess(box, 'a')
  expect(due(box, NOW + 30 * S).map((e) => e.id)).toEqual(['b', 's'])
})

test.each<[string, Outbox, number | null]>([
  ['empty', EMPTY_OUTBOX, null],
  ['one new entry', boxOf([note('a', 'x'), NOW + 5]), NOW + 5],
  ['the earliest key head wins', boxOf([note('a', 'x'), NOW + 9], [statusChange('s', 'identified'), NOW + 3]), NOW + 3],
])('nextDueAt when %s', (_name, box, expected) => {
  expect(nextDueAt(box)).toBe(expected)
})

test('nextDueAt ignores entries queued behind a head', () => {
  const box = recordFailure(boxOf([note('a', 'one'), NOW], [note('b', 'two'), NOW]), 'a', 'HTTP 502', NOW, 20 * S, fixed(0))
  expect(nextDueAt(box)).toBe(NOW + 20 * S)
})

// ---------------------------------------------------------------- backoff

// The ceiling after the n-th failure is min(60 s, 1 s · 2^(n−1)); full jitter picks in [0, ceiling).
test.each([
  [1, 1 * S],
  [2, 2 * S],
  [3, 4 * S],
  [4, 8 * S],
  [5, 16 * S],
  [6, 32 * S],
  [7, 60 * S],
  [8, 60 * S],
  [50, 60 * S],
  [5000, 60 * S],
])('after failure %i the backoff window is %i ms', (attempts, ceiling) => {
  expect(backoffDelayMs(attempts, fixed(0))).toBe(0)
  expect(backoffDelayMs(attempts, fixed(0.5))).toBe(ceiling / 2)
  expect(backoffDelayMs(attempts, fixed(0.999999))).toBe(Math.floor(0.999999 * ceiling))
  expect(backoffDelayMs(attempts, fixed(0.999999))).toBeLessThan(ceiling)
})

test.each([
  ['1 (outside [0, 1))', 1, 2 * S],
  ['above 1', 7, 2 * S],
  ['negative', -3, 0],
  ['NaN', Number.NaN, 0],
  ['Infinity', Number.POSITIVE_INFINITY, 0],
])('a random source returning %s is clamped', (_name, r, expected) => {
  expect(backoffDelayMs(2, fixed(r))).toBe(expected)
})

test('jitter stays inside [0, window) for every attempt, and actually varies', () => {
  // A deterministic LCG stands in for Math.random so the run is repeatable.
  let seed = 42
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) % 2 ** 32
    return seed / 2 ** 32
  }
  for (let attempts = 1; attempts <= 12; attempts++) {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1))
    const delays = Array.from({ length: 200 }, () => backoffDelayMs(attempts, random))
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...delays)).toBeLessThan(ceiling)
    expect(new Set(delays).size).toBeGreaterThan(100)
    // Full jitter spreads over the whole window, not just its top half.
    expect(Math.min(...delays)).toBeLessThan(ceiling * 0.1)
    expect(Math.max(...delays)).toBeGreaterThan(ceiling * 0.9)
  }
})

test('repeated failures grow the wait to the cap and count every attempt', () => {
  let box = boxOf([note('a', 'x'), NOW])
  const waits: number[] = []
  let now = NOW
  for (let i = 0; i < 9; i++) {
    box = deepFreeze(recordFailure(box, 'a', `HTTP 503 #${i + 1}`, now, undefined, fixed(0.5)))
    waits.push(entry(box, 'a').nextAttemptAt - now)
    now = entry(box, 'a').nextAttemptAt
  }
  expect(waits).toEqual([0.5, 1, 2, 4, 8, 16, 30, 30, 30].map((s) => s * S))
  expect(entry(box, 'a')).toMatchObject({ attempts: 9, lastError: 'HTTP 503 #9', createdAt: NOW })
})

// Retry-After is a floor under the jittered wait, never a ceiling.
test.each<[string, number | null | undefined, number, number]>([
  ['no Retry-After', undefined, 0.5, 500],
  ['a null Retry-After', null, 0.5, 500],
  ['Retry-After longer than the jitter', 5 * S, 0.5, 5 * S],
  ['Retry-After shorter than the jitter', 100, 0.5, 500],
  ['Retry-After of 0', 0, 0.5, 500],
  ['Retry-After with zero jitter', 2 * S, 0, 2 * S],
  ['Retry-After far beyond the cap', 10 * 60 * S, 0.9, 10 * 60 * S],
  ['a negative Retry-After (ignored)', -5 * S, 0.5, 500],
  ['a NaN Retry-After (ignored)', Number.NaN, 0.5, 500],
])('recordFailure with %s waits %i ms after the first failure', (_name, retryAfterMs, r, wait) => {
  const box = recordFailure(boxOf([note('a', 'x'), NOW]), 'a', 'HTTP 429', NOW, retryAfterMs, fixed(r))
  expect(entry(box, 'a')).toMatchObject({ attempts: 1, lastError: 'HTTP 429', nextAttemptAt: NOW + wait })
})

test('Retry-After is honoured at the cap too: never earlier than the server asked', () => {
  let box = boxOf([note('a', 'x'), NOW])
  for (let i = 0; i < 10; i++) box = recordFailure(box, 'a', 'HTTP 503', NOW, undefined, fixed(0.5))
  for (const r of [0, 0.3, 0.999]) {
    const next = recordFailure(box, 'a', 'HTTP 503', NOW, 45 * S, fixed(r))
    expect(entry(next, 'a').nextAttemptAt).toBeGreaterThanOrEqual(NOW + 45 * S)
    expect(entry(next, 'a').nextAttemptAt).toBe(NOW + Math.max(45 * S, Math.floor(r * BACKOFF_CAP_MS)))
  }
})

test('recordFailure changes only the failed entry and not its input', () => {
  const before = boxOf([note('a', 'one'), NOW], [statusChange('s', 'mitigated'), NOW])
  const after = recordFailure(before, 's', 'HTTP 412', NOW, undefined, fixed(0))
  expect(after.entries[0]).toBe(before.entries[0])
  expect(entry(before, 's')).toMatchObject({ attempts: 0, lastError: null })
  expect(entry(after, 's')).toMatchObject({ attempts: 1, lastError: 'HTTP 412' })
})

test.each([
  ['recordFailure', (box: Outbox) => recordFailure(box, 'nope', 'x', NOW, undefined, fixed(0))],
  ['recordSuccess', (box: Outbox) => recordSuccess(box, 'nope')],
  ['discard', (box: Outbox) => discard(box, 'nope')],
])('%s with an unknown id returns the same outbox', (_name, change) => {
  const box = boxOf([note('a', 'x'), NOW])
  expect(change(box)).toBe(box)
})

test.each([
  ['recordSuccess', recordSuccess],
  ['discard', discard],
])('%s removes just that entry', (_name, remove) => {
  const box = boxOf([note('a', 'one'), NOW], [note('b', 'two'), NOW], [statusChange('s', 'resolved'), NOW])
  const after = remove(box, 'b')
  expect(after.entries.map((e) => e.id)).toEqual(['a', 's'])
  expect(box.entries.map((e) => e.id)).toEqual(['a', 'b', 's'])
})

// ---------------------------------------------------------------- storage

test('serialize then deserialize gives back the same outbox', () => {
  let box = boxOf(
    [note('a', 'Restarted the STT pod'), NOW],
    [statusChange('s', 'mitigated'), NOW + 1],
    [{ id: 'd', key: 'incident:INC-1:followup:f1', request: { method: 'DELETE', path: '/api/x', body: undefined } }, NOW + 2],
  )
  box = recordFailure(box, 's', 'HTTP 503: Service Unavailable', NOW + 5, 3 * S, fixed(0.1))
  const restored = deserialize(serialize(box))
  expect(restored).toEqual(box)
  expect(entry(restored, 's').request.ifMatch).toBe('7')
  expect('ifMatch' in entry(restored, 'a').request).toBe(false)
})

test('an empty outbox survives the round trip', () => {
  expect(deserialize(serialize(EMPTY_OUTBOX))).toEqual(EMPTY_OUTBOX)
})

test.each<[string, string | null | undefined]>([
  ['null (nothing stored)', null],
  ['undefined', undefined],
  ['an empty string', ''],
  ['not JSON', 'not json at all'],
  ['truncated JSON', '{"version":1,"entries":[{"id":"a"'],
  ['JSON null', 'null'],
  ['a number', '42'],
  ['a string', '"outbox"'],
  ['an array', '[]'],
  ['an object without entries', '{"version":1}'],
  ['entries that are not an array', '{"version":1,"entries":{"a":1}}'],
  ['another storage version', '{"version":2,"entries":[]}'],
  ['no version', '{"entries":[]}'],
  ['a prototype-pollution attempt', '{"__proto__":{"polluted":true},"version":1,"entries":"x"}'],
])('deserialize of %s gives an empty outbox', (_name, text) => {
  expect(deserialize(text)).toEqual(EMPTY_OUTBOX)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
})

const valid = {
  id: 'a',
  key: 'incident:INC-1:note',
  request: { method: 'POST', path: '/api/incidents/INC-1/notes', body: { text: 'hi' } },
  attempts: 2,
  nextAttemptAt: NOW,
  lastError: 'HTTP 500',
  createdAt: NOW - S,
}

test.each<[string, unknown]>([
  ['not an object', 'a'],
  ['null', null],
  ['no id', { ...valid, id: undefined }],
  ['an empty id', { ...valid, id: '' }],
  ['a numeric id', { ...valid, id: 7 }],
  ['no key', { ...valid, key: undefined }],
  ['negative attempts', { ...valid, attempts: -1 }],
  ['fractional attempts', { ...valid, attempts: 1.5 }],
  ['attempts as text', { ...valid, attempts: '2' }],
  ['nextAttemptAt as a date string', { ...valid, nextAttemptAt: '2026-11-27T10:00:00Z' }],
  ['no createdAt', { ...valid, createdAt: undefined }],
  ['lastError as a number', { ...valid, lastError: 500 }],
  ['no request', { ...valid, request: undefined }],
  ['a GET request', { ...valid, request: { ...valid.request, method: 'GET' } }],
  ['a lower-case method', { ...valid, request: { ...valid.request, method: 'post' } }],
  ['an empty path', { ...valid, request: { ...valid.request, path: '' } }],
  ['a numeric ifMatch', { ...valid, request: { ...valid.request, ifMatch: 7 } }],
])('an entry with %s is dropped, and its valid neighbours kept', (_name, bad) => {
  const good2 = { ...valid, id: 'b', lastError: null, request: { ...valid.request, ifMatch: '3' } }
  const text = JSON.stringify({ version: 1, entries: [valid, bad, good2] })
  expect(deserialize(text).entries).toEqual([valid, good2])
})

test('an outbox whose every entry is invalid comes back empty', () => {
  expect(deserialize(JSON.stringify({ version: 1, entries: [{ id: 'a' }, 3, null] }))).toEqual(EMPTY_OUTBOX)
})

test('a repeated id in storage keeps its first entry', () => {
  const text = JSON.stringify({ version: 1, entries: [valid, { ...valid, attempts: 9 }] })
  expect(deserialize(text).entries).toEqual([valid])
})

test('unknown properties in storage are not carried into the outbox', () => {
  const text = JSON.stringify({ version: 1, entries: [{ ...valid, extra: 1, request: { ...valid.request, x: 2 } }] })
  expect(deserialize(text).entries).toEqual([valid])
})
