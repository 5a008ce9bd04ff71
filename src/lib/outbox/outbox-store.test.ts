import {
  changeSaved,
  discardChanges,
  hasPendingOnKey,
  OUTBOX_META_STORAGE_KEY,
  OUTBOX_STORAGE_KEY,
  outboxSnapshot,
  parseSidecar,
  pausedKeys,
  queueChange,
  queueFailedChange,
  reportProblem,
  resolveProblem,
  retryAllNow,
  subscribeOutbox,
  type NewChange,
} from './outbox-store'
import { resetStoredFallback } from './storage'

beforeEach(() => {
  localStorage.clear()
  resetStoredFallback()
})

const change = (id: string, key = 'incident:INC-1'): NewChange => ({
  id,
  key,
  request: { method: 'PATCH', path: '/api/incidents/INC-1', body: { status: 'identified' }, ifMatch: '"1"' },
  meta: { incidentId: 'INC-1', summary: 'Status → Identified', stake: [{ path: 'status', base: 'investigating', yours: 'identified' }] },
})

test('a queued change is in localStorage, with its meta, and survives a reload', () => {
  queueChange(change('a'), 1_000)
  expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toContain('"id":"a"')
  expect(localStorage.getItem(OUTBOX_META_STORAGE_KEY)).toContain('Status → Identified')
  const snap = outboxSnapshot()
  expect(snap.box.entries.map((e) => e.id)).toEqual(['a'])
  expect(snap.meta.a?.summary).toBe('Status → Identified')
  // The snapshot is the same object until something changes (useSyncExternalStore needs that).
  expect(outboxSnapshot()).toBe(snap)
})

test('a failed first attempt is queued with its backoff; Retry now makes everything due', () => {
  queueFailedChange(change('a'), 'HTTP 503', 1_000, 30_000)
  const [entry] = outboxSnapshot().box.entries
  expect(entry).toMatchObject({ attempts: 1, lastError: 'HTTP 503' })
  expect(entry?.nextAttemptAt).toBeGreaterThanOrEqual(31_000)

  retryAllNow(2_000)
  expect(outboxSnapshot().box.entries[0]?.nextAttemptAt).toBe(2_000)
})

test('saving removes the change and its meta; storage is emptied when nothing is left', () => {
  queueChange(change('a'), 1_000)
  changeSaved('a')
  expect(outboxSnapshot().box.entries).toEqual([])
  expect(localStorage.getItem(OUTBOX_STORAGE_KEY)).toBeNull()
  expect(localStorage.getItem(OUTBOX_META_STORAGE_KEY)).toBeNull()
})

test('a conflict leaves the queue, pauses its key, and a newer change on that key must wait', () => {
  queueChange(change('a'), 1_000)
  const snapBefore = outboxSnapshot()
  expect(hasPendingOnKey(snapBefore, 'incident:INC-1')).toBe(true)
  expect(hasPendingOnKey(snapBefore, 'incident:INC-1:note')).toBe(false)

  reportProblem({ ...change('a'), kind: 'conflict', message: '412', current: null, at: 2_000 })
  const snap = outboxSnapshot()
  expect(snap.box.entries).toEqual([])
  expect(snap.problems.map((p) => p.id)).toEqual(['a'])
  expect(pausedKeys(snap)).toEqual(new Set(['incident:INC-1']))
  expect(hasPendingOnKey(snap, 'incident:INC-1')).toBe(true)

  resolveProblem('a')
  expect(outboxSnapshot().problems).toEqual([])
})

test('Discard drops queued changes and problems, all or the ones named', () => {
  queueChange(change('a'), 1)
  queueChange(change('b', 'incident:INC-1:note'), 1)
  reportProblem({ ...change('c', 'incident:INC-2'), kind: 'rejected', message: '422', current: null, at: 1 })
  discardChanges(['b'])
  expect(outboxSnapshot().box.entries.map((e) => e.id)).toEqual(['a'])
  discardChanges()
  expect(outboxSnapshot().box.entries).toEqual([])
  expect(outboxSnapshot().problems).toEqual([])
})

test('subscribers hear changes from this tab and, through the storage event, from others', () => {
  const heard = vi.fn()
  const unsubscribe = subscribeOutbox(heard)
  queueChange(change('a'), 1)
  expect(heard).toHaveBeenCalled()

  heard.mockClear()
  window.dispatchEvent(new StorageEvent('storage', { key: OUTBOX_STORAGE_KEY, newValue: null }))
  expect(heard).toHaveBeenCalledTimes(1)
  unsubscribe()
  window.dispatchEvent(new StorageEvent('storage', { key: OUTBOX_STORAGE_KEY, newValue: null }))
  expect(heard).toHaveBeenCalledTimes(1)
})

test('when localStorage refuses writes the outbox still works, in memory', () => {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  queueChange(change('a'), 1)
  expect(outboxSnapshot().box.entries.map((e) => e.id)).toEqual(['a'])
})

test.each([
  ['nothing', null],
  ['not JSON', '{oops'],
  ['another version', JSON.stringify({ version: 9, meta: {}, problems: [] })],
  ['a list', '[]'],
])('a sidecar that is %s reads as empty', (_, text) => {
  expect(parseSidecar(text)).toEqual({ meta: {}, problems: [] })
})

test('one bad record in the sidecar does not lose the others', () => {
  const good = change('a').meta
  const text = JSON.stringify({
    version: 1,
    meta: { a: good, b: { incidentId: '', summary: 1 } },
    problems: [{ id: 'x', kind: 'weird' }],
  })
  expect(parseSidecar(text)).toEqual({ meta: { a: good }, problems: [] })
})
