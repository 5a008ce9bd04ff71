/**
 * Incidents: queries and the requests that change them. Every change to an incident
 * carries its version as If-Match, so a stale write is refused (412) instead of
 * silently overwriting someone else's edit.
 */
import { queryOptions, replaceEqualDeep } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiConditionalGet, apiFetch, apiRequest } from './client'
import { NOTHING_SET_ASIDE, noteSetAside, parseItems, setAsideOfList, shareNotedList, type LenientList, type SetAside } from './lenient-list'
import {
  incident,
  timelineEvent,
  type AcknowledgeRequest,
  type ChecklistRequest,
  type DeclareIncidentRequest,
  type EscalateRequest,
  type Incident,
  type MessageRequest,
  type NoteRequest,
  type PatchIncidentRequest,
  type TimelineEvent,
} from './schemas'

/** A status longer than this is not a word a backend would send: the incident is set aside. */
const MAX_STATUS_LENGTH = 40

export const incidentQueries = {
  all: () => ['incidents'] as const,
  list: () =>
    queryOptions({
      queryKey: [...incidentQueries.all(), 'list'] as const,
      queryFn: ({ signal, client, queryKey }) => fetchIncidentList(client.getQueryData<Incident[]>(queryKey), signal),
      structuralSharing: shareTaggedList,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => fetchIncident(id, signal),
    }),
  timeline: (id: string) =>
    queryOptions({
      queryKey: [...incidentQueries.all(), 'timeline', id] as const,
      queryFn: ({ signal }) => fetchTimeline(id, signal),
      structuralSharing: shareNotedList,
    }),
}

/**
 * The ETag each list answer came with, keyed by the very array the query cached. Keyed by
 * the object, not the URL: a new QueryClient (or a list someone else wrote into the cache)
 * has no tag, so it can never be told "unchanged" about data it does not hold.
 */
const listTags = new WeakMap<object, string>()

/** What the list left out of each answer, keyed like listTags by the array the cache keeps. */
const listSetAside = new WeakMap<object, SetAside>()

/** The incidents an answer set aside (bad or repeated), for the panel that shows `incidents`. */
export function setAsideOf(incidents: readonly Incident[]): SetAside {
  return listSetAside.get(incidents) ?? NOTHING_SET_ASIDE
}

/** The list's frame, strict; its incidents are parsed one by one. */
const incidentsEnvelope = z.object({ incidents: z.array(z.unknown()) })

/**
 * An incident as the app reads it, in the list, on its page and in every write's answer.
 * A level above L4 is shown as sent ("L5"; the escalation rules already refuse to step
 * from a level they do not know). A status this client does not know ("monitoring") is
 * kept as sent: it is shown as unknown, counts as open (the wall, the P1 takeover, alert
 * coverage) and offers no status change (src/domain/incident-status.ts). Hiding it
 * instead would hide a live P1 because a newer backend added a word.
 */
const shownIncident = z.extend(incident, {
  escalationLevel: z.int().check(z.gte(1)),
  status: z.string().check(z.minLength(1), z.maxLength(MAX_STATUS_LENGTH)),
})

/** The incidents of a list answer whose frame parsed, one by one. */
export function readIncidents(raw: readonly unknown[]): LenientList<Incident> {
  return parseItems(raw, shownIncident, (i) => i.id)
}

/** The timeline's frame, strict; its events are parsed one by one. */
const timelineEnvelope = z.object({ events: z.array(z.unknown()) })

/** The events of a timeline answer whose frame parsed, one by one: a bad one is set aside, a repeated id shown once. */
export function readTimeline(raw: readonly unknown[]): LenientList<TimelineEvent> {
  return parseItems(raw, timelineEvent, (e) => e.id)
}

/**
 * An incident's timeline, as a plain array (what it set aside is noted beside it: see
 * timelineSetAsideOf), so one malformed event never blanks the whole story.
 */
export async function fetchTimeline(id: string, signal?: AbortSignal): Promise<TimelineEvent[]> {
  const answer = await apiFetch(`/api/incidents/${encodeURIComponent(id)}/timeline`, timelineEnvelope, { signal })
  const { items, setAside } = readTimeline(answer.events)
  return noteSetAside(items, setAside)
}

/** The events a timeline answer set aside (bad or repeated), for the panel that shows `events`. */
export function timelineSetAsideOf(events: readonly TimelineEvent[]): SetAside {
  return setAsideOfList(events)
}

/**
 * The incident list, asked for conditionally: while nothing changed (304) the answer is
 * `held` itself, the same array, so nothing is parsed and structural sharing and every
 * memo downstream have nothing to do. Polled every 10 s with 10,000 incidents, the full
 * parse and compare was a 140–226 ms main-thread task each time.
 */
export async function fetchIncidentList(held: Incident[] | undefined, signal?: AbortSignal): Promise<Incident[]> {
  const etag = held === undefined ? undefined : listTags.get(held)
  const copy = held === undefined || etag === undefined ? null : { data: { incidents: held }, etag }
  const answer = await apiConditionalGet('/api/incidents', incidentsEnvelope, copy, { signal })
  if (answer.status === 304 && held !== undefined) return held
  const { items, setAside } = readIncidents(answer.data.incidents)
  if (answer.etag !== null) listTags.set(items, answer.etag)
  listSetAside.set(items, setAside)
  return items
}

/**
 * TanStack's structural sharing, carrying the answer's tag over to the array the cache
 * keeps: after a change that array is a new one (old incidents reused), and after an
 * answer equal to what was held it is the held one. Without this the tag would stay on
 * an array nobody holds, and every later poll would fetch the whole list again.
 */
function shareTaggedList(held: unknown, answer: unknown): unknown {
  const kept = replaceEqualDeep(held, answer)
  if (typeof answer !== 'object' || answer === null || typeof kept !== 'object' || kept === null) return kept
  const tag = listTags.get(answer)
  if (tag !== undefined) listTags.set(kept, tag)
  const setAside = listSetAside.get(answer)
  if (setAside !== undefined) listSetAside.set(kept, setAside)
  return kept
}

export async function fetchIncident(id: string, signal?: AbortSignal): Promise<Incident> {
  return apiFetch(`/api/incidents/${encodeURIComponent(id)}`, shownIncident, { signal })
}

/** The If-Match value for an incident at `version`. */
export function etagOf(version: number): string {
  return `"${version}"`
}

/** Declares an incident. The same idempotency key always yields the same incident. */
export async function declareIncident(body: DeclareIncidentRequest, idempotencyKey: string): Promise<Incident> {
  return apiFetch('/api/incidents', shownIncident, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } })
}

const path = (id: string, suffix = '') => `/api/incidents/${encodeURIComponent(id)}${suffix}`

export async function patchIncident(id: string, version: number, body: PatchIncidentRequest): Promise<Incident> {
  return apiFetch(path(id), shownIncident, { method: 'PATCH', body, headers: { 'If-Match': etagOf(version) } })
}

export async function acknowledgeIncident(id: string, version: number, body: AcknowledgeRequest = {}): Promise<Incident> {
  return apiFetch(path(id, '/acknowledge'), shownIncident, { method: 'POST', body, headers: { 'If-Match': etagOf(version) } })
}

export async function escalateIncident(id: string, version: number, body: EscalateRequest = {}): Promise<Incident> {
  return apiFetch(path(id, '/escalate'), shownIncident, { method: 'POST', body, headers: { 'If-Match': etagOf(version) } })
}

export async function setChecklistStep(id: string, version: number, body: ChecklistRequest): Promise<Incident> {
  return apiFetch(path(id, '/checklist'), shownIncident, { method: 'POST', body, headers: { 'If-Match': etagOf(version) } })
}

/** Notes only append, so they need no version; the answer's ETag is the incident's new version. */
export async function addNote(id: string, body: NoteRequest) {
  const r = await apiRequest(path(id, '/notes'), timelineEvent, { method: 'POST', body })
  return { event: r.data, version: versionFromEtag(r.headers.get('ETag')) }
}

export async function postMessage(id: string, body: MessageRequest) {
  const r = await apiRequest(path(id, '/messages'), timelineEvent, { method: 'POST', body })
  return { event: r.data, version: versionFromEtag(r.headers.get('ETag')) }
}

export function versionFromEtag(etag: string | null): number | null {
  const m = etag?.match(/^(?:W\/)?"(\d+)"$/)
  return m?.[1] === undefined ? null : Number(m[1])
}

/** The body of a 412: the incident as the server has it now. */
export const conflictBody = z.object({ message: z.string(), current: shownIncident })
