/**
 * The change feed's wire format: GET /api/events answers `text/event-stream`. It opens with
 * the comment `: connected` and an `event: hello` message, then sends one `event: change`
 * message per change, its `data:` one JSON object parsed with `changeNotice` below. A
 * `: ping` comment every 15 s keeps proxies from closing an idle stream. Both backends (the
 * server and the MSW mock) write it; the SPA reads it (src/lib/live-updates).
 */
import * as z from 'zod/mini'
import { id } from './schemas'

export const EVENTS_PATH = '/api/events'
/** The SSE `event:` name of the greeting every connection starts with. */
export const HELLO_EVENT = 'hello'
/** The SSE `event:` name of every change notice. */
export const CHANGE_EVENT = 'change'

const incidentChanged = z.object({ type: z.literal('incident'), id, version: z.int().check(z.nonnegative()) })
const alertsChanged = z.object({ type: z.literal('alerts') })
/** The server may have missed changes (its LISTEN connection dropped, the store was replaced): refetch it all. */
const resync = z.object({ type: z.literal('resync') })

/**
 * One `event: change` message's data: `incident` (it or its timeline changed and is now at
 * `version`, so a client that holds that version can skip the refetch), `alerts` (alert
 * states or the simulator changed) or `resync`. Any other `type` fails, and is ignored.
 */
export const changeNotice = z.discriminatedUnion('type', [incidentChanged, alertsChanged, resync])
export type ChangeNotice = z.infer<typeof changeNotice>

/** Any message's data on the stream: the greeting or a change. */
export const serverEvent = z.discriminatedUnion('type', [z.object({ type: z.literal('hello') }), incidentChanged, alertsChanged, resync])
export type ServerEvent = z.infer<typeof serverEvent>

/** One SSE message as it goes on the wire (the data is one JSON line, so it never needs splitting). */
export function formatServerSentEvent(event: string, data: ServerEvent): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}
