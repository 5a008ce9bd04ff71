import type { Outbox, OutboxEntry } from '@/domain/outbox'
import { rebaseQueued } from './rebase'

const entry = (id: string, key: string, ifMatch?: string): OutboxEntry => ({
  id,
  key,
  request: { method: 'PATCH', path: `/api/incidents/${key}`, body: {}, ...(ifMatch === undefined ? {} : { ifMatch }) },
  attempts: 0,
  nextAttemptAt: 0,
  lastError: null,
  createdAt: 0,
})

test('changes behind ours on the same key, based on the same version, move to the version our save made', () => {
  const box: Outbox = { entries: [entry('b', 'incident:A', '"3"'), entry('c', 'incident:A', '"4"'), entry('d', 'incident:B', '"3"')] }
  const rebased = rebaseQueued(box, 'incident:A', '"3"', 4)
  expect(rebased.entries.map((e) => [e.id, e.request.ifMatch])).toEqual([
    ['b', '"4"'],
    // Based on a colleague's version: the server must still check it.
    ['c', '"4"'],
    // Another incident's queue is not ours to touch.
    ['d', '"3"'],
  ])
})

test.each([
  ['the saved change was not versioned', undefined, 4],
  ['the save did not report a version', '"3"', null],
  ['nothing waits on that version', '"9"', 10],
] as const)('the outbox is returned unchanged when %s', (_, from, to) => {
  const box: Outbox = { entries: [entry('b', 'incident:A', '"3"')] }
  expect(rebaseQueued(box, 'incident:A', from, to)).toBe(box)
})
