import type { TimelineEvent } from '@/api/schemas'

/** How often an open timeline asks for news (others' notes, alerts, their changes). */
export const TIMELINE_REFRESH_MS = 7_000

/**
 * Events oldest first. The backend already sends them in order, but a real one may not,
 * and a timeline out of order tells the wrong story; events at the same instant keep the
 * order they came in (a status change and the acknowledgement it implied).
 */
export function orderEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((event, index) => ({ event, index, at: Date.parse(event.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ event }) => event)
}
