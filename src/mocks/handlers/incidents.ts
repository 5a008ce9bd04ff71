/**
 * The incident service: declaration (idempotent by Idempotency-Key), reads with ETags,
 * changes guarded by If-Match, and the timeline. Every other write honours an
 * Idempotency-Key too (idempotent.ts). The rules live in ../db.ts; this file maps HTTP
 * onto them.
 */
import { http, HttpResponse } from 'msw'
import {
  acknowledgeRequest,
  checklistRequest,
  declareIncidentRequest,
  escalateRequest,
  incident as incidentSchema,
  incidentsResponse,
  messageRequest,
  noteRequest,
  patchIncidentRequest,
  timelineEvent,
  timelineResponse,
  type Incident,
  type KnownIncident,
} from '@/api/schemas'
import { isIncidentStatus } from '@/domain/incident-status'
import {
  acknowledgeIncident,
  addNote,
  declareIncident,
  escalateIncident,
  etag,
  getIncident,
  listEtag,
  listIncidents,
  patchIncident,
  recordMessage,
  setChecklistStep,
  timelineOf,
  type DbResult,
  type Recorded,
} from '../db'
import type { World } from '../world'
import { idempotent, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotent'
import { dateHeader, problem, readBody, reply } from './respond'

/**
 * The mock sends only what the contract allows. The app's Incident type is wider (it
 * shows a status it does not know), but a backend never writes one: a test that seeds
 * one gets a failed request, not a mock that quietly breaks the contract.
 */
function assertWritable(incident: Incident): asserts incident is KnownIncident {
  if (!isIncidentStatus(incident.status)) throw new Error(`The mock holds ${incident.id} in status "${incident.status}", which the contract does not allow.`)
}

function assertAllWritable(incidents: Incident[]): asserts incidents is KnownIncident[] {
  for (const incident of incidents) assertWritable(incident)
}

export function incidentHandlers(world: World) {
  const incidentReply = (incident: Incident, status = 200) => {
    assertWritable(incident)
    return reply(world, incidentSchema, incident, { status, headers: { ETag: etag(incident) } })
  }

  const fromResult = (result: DbResult<Incident>) =>
    result.ok
      ? incidentReply(result.value)
      : problem(world, result.status, result.message, result.current ? { current: result.current } : {})

  const eventReply = (result: DbResult<Recorded>) =>
    result.ok
      ? reply(world, timelineEvent, result.value.event, { status: 201, headers: { ETag: etag(result.value.incident) } })
      : problem(world, result.status, result.message)

  const ifMatch = (request: Request) => request.headers.get('If-Match')

  return [
    // The list is polled: when the client's copy is current (If-None-Match), a bodyless 304
    // spares both sides sorting, serialising and parsing every incident again.
    http.get('/api/incidents', ({ request }) => {
      const db = world.read().db
      const tag = listEtag(db)
      if (clientHolds(request.headers.get('If-None-Match'), tag)) {
        return new HttpResponse(null, { status: 304, headers: { ...dateHeader(world), ETag: tag } })
      }
      const incidents = listIncidents(db)
      assertAllWritable(incidents)
      return reply(world, incidentsResponse, { incidents }, { headers: { ETag: tag } })
    }),

    http.post('/api/incidents', async ({ request }) => {
      const key = request.headers.get('Idempotency-Key')?.trim() ?? ''
      if (key === '') return problem(world, 400, 'Send an Idempotency-Key header so a retried declaration cannot create a second incident.')
      if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) return problem(world, 400, `The Idempotency-Key is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`)
      const body = await readBody(world, request, declareIncidentRequest)
      if (!body.ok) return body.response
      const result = world.update((s) => declareIncident(s.db, body.data, { nowMs: world.now(), idempotencyKey: key }))
      if (!result.ok) return problem(world, result.status, result.message)
      return incidentReply(result.value.incident, result.value.created ? 201 : 200)
    }),

    http.get('/api/incidents/:id', ({ params }) => {
      const found = getIncident(world.read().db, String(params.id))
      return found ? incidentReply(found) : problem(world, 404, `No incident ${String(params.id)}.`)
    }),

    http.patch('/api/incidents/:id', idempotent(world, async ({ request, params }) => {
      const body = await readBody(world, request, patchIncidentRequest)
      if (!body.ok) return body.response
      return fromResult(world.update((s) => patchIncident(s.db, String(params.id), ifMatch(request), body.data, world.now())))
    })),

    http.post('/api/incidents/:id/acknowledge', idempotent(world, async ({ request, params }) => {
      const body = await readBody(world, request, acknowledgeRequest)
      if (!body.ok) return body.response
      return fromResult(world.update((s) => acknowledgeIncident(s.db, String(params.id), ifMatch(request), body.data.actor, world.now())))
    })),

    http.post('/api/incidents/:id/escalate', idempotent(world, async ({ request, params }) => {
      const body = await readBody(world, request, escalateRequest)
      if (!body.ok) return body.response
      return fromResult(world.update((s) => escalateIncident(s.db, String(params.id), ifMatch(request), body.data, world.now())))
    })),

    http.post('/api/incidents/:id/checklist', idempotent(world, async ({ request, params }) => {
      const body = await readBody(world, request, checklistRequest)
      if (!body.ok) return body.response
      return fromResult(world.update((s) => setChecklistStep(s.db, String(params.id), ifMatch(request), body.data, world.now())))
    })),

    http.post('/api/incidents/:id/notes', idempotent(world, async ({ request, params }) => {
      const body = await readBody(world, request, noteRequest)
      if (!body.ok) return body.response
      return eventReply(world.update((s) => addNote(s.db, String(params.id), body.data, world.now())))
    })),

    http.post('/api/incidents/:id/messages', idempotent(world, async ({ request, params }) => {
      const body = await readBody(world, request, messageRequest)
      if (!body.ok) return body.response
      return eventReply(world.update((s) => recordMessage(s.db, String(params.id), body.data, world.now())))
    })),

    http.get('/api/incidents/:id/timeline', ({ params }) => {
      const db = world.read().db
      const incidentId = String(params.id)
      const found = getIncident(db, incidentId)
      if (!found) return problem(world, 404, `No incident ${incidentId}.`)
      return reply(world, timelineResponse, { events: timelineOf(db, incidentId) }, { headers: { ETag: etag(found) } })
    }),
  ]
}

/** Whether If-None-Match names `tag` (or `*`): weak comparison, as RFC 9110 asks for GET. */
function clientHolds(header: string | null, tag: string): boolean {
  if (header === null) return false
  const opaque = (t: string) => t.trim().replace(/^W\//, '')
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(tag))
}
