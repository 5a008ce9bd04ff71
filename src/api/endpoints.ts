/**
 * The HTTP side of the contract in one table: every endpoint either backend (the MSW mock
 * and the Vigil server) answers, with its query parameters, the headers it reads, the body
 * it takes, what it answers on success and the errors it may answer. The bodies are the
 * zod schemas of schemas.ts; scripts/openapi.ts publishes the table as openapi.json and
 * the contract suite (test/contract) checks both backends against it.
 */
import * as z from 'zod/mini'
import type { $ZodType } from 'zod/v4/core'
import { serverEvent } from './events'
import { runbooksResponse } from './runbooks'
import {
  acknowledgeRequest,
  alertHistoryResponse,
  alertsResponse,
  checklistRequest,
  declareIncidentRequest,
  errorGroupsResponse,
  escalateRequest,
  healthResponse,
  incident,
  incidentsResponse,
  logsResponse,
  messageRequest,
  messageTemplate,
  metricsResponse,
  noteRequest,
  patchIncidentRequest,
  rosterResponse,
  simulatorControl,
  simulatorState,
  timelineEvent,
  timelineResponse,
} from './schemas'
import { sessionResponse } from './session'

// ---------------------------------------------------------------- error bodies

/** Every error answers at least this: a sentence a person can read. */
export const problem = z.object({ message: z.string() })

/** 412: the change was made on an older version; `current` is the incident as it is now. */
export const conflictProblem = z.object({ message: z.string(), current: incident })

/** 409 and a rule's 422 (a status change the lifecycle refuses): the incident when the rule looked at it. */
export const refusalProblem = z.object({ message: z.string(), current: z.optional(incident) })

/**
 * 422 for a body that breaks the schema: `field` is the dotted path of the first offending
 * value ("title", "followUps.0.text"), '' for the body as a whole; `message` names it.
 */
export const validationProblem = z.object({ message: z.string(), field: z.string() })
export type ValidationProblem = z.infer<typeof validationProblem>

/** Any 422: a schema violation (with `field`) or a refusal by a rule or by the idempotency check. */
export const unprocessableProblem = z.union([validationProblem, refusalProblem])

// ---------------------------------------------------------------- bodies only this table defines

/** Posts the exact text to Slack and records it on the timeline, as a message would be. */
export const slackPostRequest = z.strictObject({
  template: messageTemplate,
  text: messageRequest.shape.text,
  actor: messageRequest.shape.actor,
})
export type SlackPostRequest = z.infer<typeof slackPostRequest>

/** GET /healthz and /readyz: `{ "status": "ok" }` / `{ "status": "ready" }`. */
export const probeResponse = z.object({ status: z.string() })

// ---------------------------------------------------------------- the table's vocabulary

export type HttpMethod = 'GET' | 'POST' | 'PATCH'
export type RequestHeader = 'If-Match' | 'If-None-Match' | 'Idempotency-Key'
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 502 | 503

export interface QueryParameter {
  name: string
  required: boolean
  description: string
  type: 'string' | 'integer' | 'date-time'
}

export interface HeaderUse {
  name: RequestHeader
  required: boolean
}

export interface SuccessResponse {
  status: 200 | 201 | 304
  description: string
  /** null: no body (a 304). */
  body: $ZodType | null
  contentType?: 'application/json' | 'text/event-stream'
  /** The answer carries an ETag: the incident's version ("3"), or the list's weak tag. */
  etag?: boolean
}

export interface Endpoint {
  /** Unique and stable: the OpenAPI operationId. */
  operationId: string
  method: HttpMethod
  /** OpenAPI style: /api/incidents/{id}. */
  path: string
  summary: string
  description?: string
  tag: 'telemetry' | 'incidents' | 'runbooks' | 'simulator' | 'session' | 'events' | 'probes'
  query: readonly QueryParameter[]
  headers: readonly HeaderUse[]
  request: $ZodType | null
  responses: readonly SuccessResponse[]
  errors: readonly ErrorStatus[]
  /** What an error means on this endpoint, where the catalogue's words are too general. */
  errorNotes?: Partial<Record<ErrorStatus, string>>
}

/** What each header means; its use (required or not) is per endpoint. */
export const REQUEST_HEADERS: Record<RequestHeader, { description: string; example: string }> = {
  'If-Match': {
    description:
      'The version the change was made on, as the incident\'s ETag gave it ("3"; W/"3" and * are accepted). ' +
      'Missing: 428. Not the current version: 412 with the current incident.',
    example: '"3"',
  },
  'If-None-Match': {
    description: 'The ETag of the copy the client holds: when it is still current the answer is a bodyless 304.',
    example: 'W/"incidents-42"',
  },
  'Idempotency-Key': {
    description:
      'A unique key per change (at most 255 characters). A retry with the same key and body gets the first ' +
      'successful answer again (same status, body and ETag) and changes nothing; the same key with a different ' +
      'request is a 422. Refusals are not remembered, so a refused change may be sent again with its key.',
    example: '4f7c1a52-0f1e-4d6b-9a51-2f4f0b7c9e10',
  },
}

/** What each error status means anywhere in this API, and the body it comes with. */
export const ERRORS: Record<ErrorStatus, { description: string; body: $ZodType; retryAfter?: boolean }> = {
  400: {
    description: 'The body is not JSON, or a query parameter or header is missing or malformed.',
    body: problem,
  },
  401: { description: 'Under proxy authentication: the request did not come through the proxy with an identity.', body: problem },
  403: { description: 'A write from a page of another origin (its Origin header is not this server).', body: problem },
  404: { description: 'Nothing by that id (or no such endpoint).', body: problem },
  409: { description: 'The incident\'s status cannot change that way from where it is.', body: refusalProblem },
  412: { description: 'Someone else changed the incident first; `current` is how it is now.', body: conflictProblem },
  413: { description: 'The body is larger than the server accepts.', body: problem },
  415: { description: 'The body is not sent as application/json.', body: problem },
  422: {
    description:
      'The body breaks the schema (`field` names the first offending value; no string may hold U+0000 or half ' +
      'a surrogate pair), ' +
      'a rule refuses the change (`current` may come with it), or an Idempotency-Key is reused for another request.',
    body: unprocessableProblem,
  },
  428: { description: 'A change sent without If-Match.', body: problem },
  429: { description: 'Too many requests: wait as long as Retry-After says.', body: problem, retryAfter: true },
  502: { description: 'An upstream the server relies on refused or failed.', body: problem },
  503: { description: 'Unavailable for now: try again after Retry-After.', body: problem, retryAfter: true },
}

// ---------------------------------------------------------------- building blocks

/** Every /api endpoint may answer these: the proxy's refusal and the two "come back later". */
const ANY_API: readonly ErrorStatus[] = [401, 429, 503]
const READ: readonly ErrorStatus[] = ANY_API
const READ_WITH_QUERY: readonly ErrorStatus[] = [400, ...ANY_API]
/** What any write may answer before it is even looked at. */
const WRITE: readonly ErrorStatus[] = [400, 401, 403, 413, 415, 422, 429, 503]

const json = (status: 200 | 201, description: string, body: $ZodType, etag = false): SuccessResponse => ({
  status,
  description,
  body,
  contentType: 'application/json',
  ...(etag ? { etag } : {}),
})

const IF_MATCH: HeaderUse = { name: 'If-Match', required: true }
const IDEMPOTENCY_KEY: HeaderUse = { name: 'Idempotency-Key', required: false }

const range = (maxDays: number): QueryParameter[] => [
  { name: 'from', required: true, type: 'date-time', description: 'Start of the range: ISO 8601 with an offset.' },
  {
    name: 'to',
    required: true,
    type: 'date-time',
    description: `End of the range: ISO 8601 with an offset, not before \`from\`, at most ${maxDays} days after it.`,
  },
]

/** A change guarded by If-Match that answers the incident as it now is. */
function incidentChange(op: string, suffix: string, summary: string, request: $ZodType, description?: string): Endpoint {
  return {
    operationId: op,
    method: 'POST',
    path: `/api/incidents/{id}${suffix}`,
    summary,
    ...(description === undefined ? {} : { description }),
    tag: 'incidents',
    query: [],
    headers: [IF_MATCH, IDEMPOTENCY_KEY],
    request,
    responses: [json(200, 'The incident as it now is; its ETag is the new version.', incident, true)],
    errors: [...WRITE, 404, 412, 428],
  }
}

/** A change that only appends to the timeline (no If-Match: two notes never conflict). */
function timelineAppend(op: string, suffix: string, summary: string, request: $ZodType, description: string): Endpoint {
  return {
    operationId: op,
    method: 'POST',
    path: `/api/incidents/{id}${suffix}`,
    summary,
    description,
    tag: 'incidents',
    query: [],
    headers: [IDEMPOTENCY_KEY],
    request,
    responses: [json(201, 'The timeline event recorded; the ETag is the incident\'s new version.', timelineEvent, true)],
    errors: [...WRITE, 404],
  }
}

// ---------------------------------------------------------------- the endpoints

export const ENDPOINTS: readonly Endpoint[] = [
  // ---- telemetry
  {
    operationId: 'getMetrics',
    method: 'GET',
    path: '/api/metrics',
    summary: 'Metric series over a range, on a step grid',
    description:
      'values[i] is the sample at from + i × step (null: nothing recorded). Nothing is made up past now: a range ' +
      'reaching into the future ends at now. At most 92 days and 60,481 samples per series.',
    tag: 'telemetry',
    query: [
      { name: 'metrics', required: true, type: 'string', description: 'Comma-separated metric ids (stt.latency.p95,…).' },
      ...range(92),
      {
        name: 'step',
        required: true,
        type: 'integer',
        description: 'Seconds between samples; rounded up to a whole multiple of the 10-second base step.',
      },
    ],
    headers: [],
    request: null,
    responses: [json(200, 'One series per requested metric.', metricsResponse)],
    errors: READ_WITH_QUERY,
  },
  {
    operationId: 'getHealth',
    method: 'GET',
    path: '/api/health',
    summary: 'Each component up, degraded or down, with the rule that decided it',
    tag: 'telemetry',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'One entry per component.', healthResponse)],
    errors: READ,
  },
  {
    operationId: 'getAlerts',
    method: 'GET',
    path: '/api/alerts',
    summary: 'Every alert rule instance and its state now',
    tag: 'telemetry',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'Every rule instance, firing or not.', alertsResponse)],
    errors: READ,
  },
  {
    operationId: 'getAlertHistory',
    method: 'GET',
    path: '/api/alerts/history',
    summary: 'The spans each alert was pending, firing or without data over a range',
    tag: 'telemetry',
    query: range(7),
    headers: [],
    request: null,
    responses: [json(200, 'Spans clipped to the range.', alertHistoryResponse)],
    errors: READ_WITH_QUERY,
  },
  {
    operationId: 'getLogs',
    method: 'GET',
    path: '/api/logs',
    summary: 'The tail of the agent\'s log, newest first, filtered',
    tag: 'telemetry',
    query: [
      { name: 'limit', required: false, type: 'integer', description: 'Lines to answer, 1–1000 (default 100).' },
      { name: 'level', required: false, type: 'string', description: 'One level or several, comma-separated: DEBUG, INFO, WARN, ERROR.' },
      { name: 'service', required: false, type: 'string', description: 'Only this service\'s lines (at most 50 characters).' },
      { name: 'q', required: false, type: 'string', description: 'Text the line contains (message, service or error type; at most 200 characters).' },
    ],
    headers: [],
    request: null,
    responses: [json(200, 'The matching lines.', logsResponse)],
    errors: READ_WITH_QUERY,
  },
  {
    operationId: 'getErrorGroups',
    method: 'GET',
    path: '/api/errors',
    summary: 'Errors grouped by service and error_type over a range',
    tag: 'telemetry',
    query: range(31),
    headers: [],
    request: null,
    responses: [json(200, 'Error counts per service and error type.', errorGroupsResponse)],
    errors: READ_WITH_QUERY,
  },

  // ---- people and playbooks
  {
    operationId: 'getRoster',
    method: 'GET',
    path: '/api/roster',
    summary: 'The escalation path: who is on call at each level',
    tag: 'incidents',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'Levels L1–L4 with their people and who is on call.', rosterResponse)],
    errors: READ,
  },
  {
    operationId: 'getRunbooks',
    method: 'GET',
    path: '/api/runbooks',
    summary: 'Playbooks served beyond the four built into the app',
    description: 'A served playbook with the slug of a built-in one replaces it only when it says `overrides: true`.',
    tag: 'runbooks',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'The served playbooks (often none).', runbooksResponse)],
    errors: READ,
  },
  {
    operationId: 'getSession',
    method: 'GET',
    path: '/api/session',
    summary: 'Who the server says you are, and whether Slack posting and the simulator are available',
    tag: 'session',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'The identity (null without proxy authentication) and what is available.', sessionResponse)],
    errors: READ,
  },

  // ---- incidents
  {
    operationId: 'listIncidents',
    method: 'GET',
    path: '/api/incidents',
    summary: 'Every incident, newest declaration first',
    description: 'Poll with If-None-Match: while nothing changed the answer is a bodyless 304.',
    tag: 'incidents',
    query: [],
    headers: [{ name: 'If-None-Match', required: false }],
    request: null,
    responses: [
      json(200, 'The list, with a weak ETag naming its content.', incidentsResponse, true),
      { status: 304, description: 'The list is unchanged since the ETag the client sent.', body: null, etag: true },
    ],
    errors: READ,
  },
  {
    operationId: 'declareIncident',
    method: 'POST',
    path: '/api/incidents',
    summary: 'Declare an incident',
    description:
      'Idempotency-Key is required: a retry with the same key and body answers 200 with the incident the first ' +
      'request created (as it is now) instead of creating a second one. Titles and actors are trimmed.',
    tag: 'incidents',
    query: [],
    headers: [{ name: 'Idempotency-Key', required: true }],
    request: declareIncidentRequest,
    responses: [
      json(201, 'Declared: an INC-nnnnn id, status investigating, version 1 (the ETag).', incident, true),
      json(200, 'A retry: the incident this Idempotency-Key already declared.', incident, true),
    ],
    errors: WRITE,
    errorNotes: { 400: 'The body is not JSON, or the Idempotency-Key is missing or longer than 255 characters.' },
  },
  {
    operationId: 'getIncident',
    method: 'GET',
    path: '/api/incidents/{id}',
    summary: 'One incident',
    tag: 'incidents',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'The incident; its ETag is its version, to send back as If-Match.', incident, true)],
    errors: [...READ, 404],
  },
  {
    operationId: 'patchIncident',
    method: 'PATCH',
    path: '/api/incidents/{id}',
    summary: 'Change fields of an incident (status, severity, assignee, title, …)',
    description:
      'Everything is checked before anything changes: a refused PATCH changes nothing. A PATCH that changes ' +
      'nothing keeps the version. Every change is written on the timeline. Titles are trimmed.',
    tag: 'incidents',
    query: [],
    headers: [IF_MATCH, IDEMPOTENCY_KEY],
    request: patchIncidentRequest,
    responses: [json(200, 'The incident as it now is; its ETag is the new version.', incident, true)],
    errors: [...WRITE, 404, 409, 412, 428],
    errorNotes: {
      409: 'The status cannot go from the current one to the one asked for.',
      422: 'The body breaks the schema, the new status needs a root cause and a resolution, or the assignee is not on the roster.',
    },
  },
  incidentChange(
    'acknowledgeIncident',
    '/acknowledge',
    'Acknowledge an incident (stops its response clock)',
    acknowledgeRequest,
    'Acknowledging an acknowledged incident is a harmless 200 that changes nothing, whatever version If-Match names.',
  ),
  {
    ...incidentChange(
      'escalateIncident',
      '/escalate',
      'Escalate to the next level and page its on-call person',
      escalateRequest,
      'The paged person becomes the assignee. An incident already at L4 is refused.',
    ),
    errorNotes: { 400: 'The body is not JSON, or the incident is already at L4, the top of the escalation path.' },
  },
  incidentChange('setChecklistStep', '/checklist', 'Tick or untick a checklist step', checklistRequest,
    'Ticking a ticked step (or unticking an unticked one) changes nothing.'),
  timelineAppend('addNote', '/notes', 'Add a note to the timeline', noteRequest, 'The text is stored exactly as sent.'),
  timelineAppend(
    'recordMessage',
    '/messages',
    'Record a message as posted (copied by hand)',
    messageRequest,
    'The exact text goes on the timeline; a status update restarts the status-update clock.',
  ),
  {
    ...timelineAppend(
      'postSlackMessage',
      '/messages/slack',
      'Post a message to Slack and record it',
      slackPostRequest,
      'Posts the exact text to the configured Slack webhook, then records it on the timeline as a message.',
    ),
    errors: [...WRITE, 404, 502],
    errorNotes: {
      502: 'Slack refused the message or could not be reached; the message says why. Nothing is recorded.',
      503: 'Slack posting is not configured on this server (see GET /api/session).',
    },
  },
  {
    operationId: 'getTimeline',
    method: 'GET',
    path: '/api/incidents/{id}/timeline',
    summary: 'An incident\'s timeline, in time order',
    tag: 'incidents',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'Every event; the ETag is the incident\'s version.', timelineResponse, true)],
    errors: [...READ, 404],
  },

  // ---- simulator
  {
    operationId: 'getSimulator',
    method: 'GET',
    path: '/api/simulator',
    summary: 'The simulator\'s scenario, seed and injected faults',
    tag: 'simulator',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'The simulator\'s state.', simulatorState)],
    errors: [...READ, 404],
    errorNotes: { 404: 'This backend reads real metrics: there is no simulator.' },
  },
  {
    operationId: 'controlSimulator',
    method: 'POST',
    path: '/api/simulator',
    summary: 'Switch the scenario, set the seed, inject faults (faults: null ends them)',
    description:
      'A scenario starts its lead time in the past so its history and alerts already show. While faults are set, ' +
      'that share of the other /api calls fail the chosen way; this endpoint itself never does.',
    tag: 'simulator',
    query: [],
    headers: [],
    request: simulatorControl,
    responses: [json(200, 'The simulator\'s state after the change.', simulatorState)],
    errors: [...WRITE, 404],
    errorNotes: { 404: 'This backend reads real metrics: there is no simulator.' },
  },

  // ---- change feed and probes
  {
    operationId: 'streamEvents',
    method: 'GET',
    path: '/api/events',
    summary: 'Server-Sent Events: what changed, as it happens',
    description:
      'Opens with an `event: hello` message (data {"type":"hello"}), then one `event: change` message per change, ' +
      'its data one JSON object: {"type":"incident","id","version"} (it or its timeline changed, now at that version), ' +
      '{"type":"alerts"} (alert states or the simulator changed) or {"type":"resync"} (changes may have been missed: ' +
      'refetch everything). Comment lines keep the stream open. See src/api/events.ts.',
    tag: 'events',
    query: [],
    headers: [],
    request: null,
    responses: [{ status: 200, description: 'A stream of events that stays open.', body: serverEvent, contentType: 'text/event-stream' }],
    errors: READ,
  },
  {
    operationId: 'getLiveness',
    method: 'GET',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    tag: 'probes',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'Alive.', probeResponse)],
    errors: [],
  },
  {
    operationId: 'getReadiness',
    method: 'GET',
    path: '/readyz',
    summary: 'Readiness: the database answers and the server takes traffic',
    tag: 'probes',
    query: [],
    headers: [],
    request: null,
    responses: [json(200, 'Ready.', probeResponse)],
    errors: [503],
    errorNotes: { 503: 'Not ready (starting, shutting down, or the database does not answer).' },
  },
]
