import type { TimelineEvent } from '@/api/schemas'
import { orderEvents } from './timeline-order'

const ev = (id: string, at: string): TimelineEvent => ({ id, incidentId: 'INC-1', at, actor: 'system', kind: 'note', text: id })

test('events come oldest first, and events at the same instant keep the order they came in', () => {
  const events = [
    ev('c', '2026-11-27T10:05:00.000Z'),
    ev('a', '2026-11-27T10:00:00.000Z'),
    ev('b1', '2026-11-27T10:02:00+00:00'),
    ev('b2', '2026-11-27T11:02:00+01:00'),
  ]
  expect(orderEvents(events).map((e) => e.id)).toEqual(['a', 'b1', 'b2', 'c'])
})
