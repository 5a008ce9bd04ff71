/**
 * The endpoint table (endpoints.ts) as an OpenAPI 3.1 document. Bodies are converted by
 * zod's own JSON Schema conversion: requests as what a client may send (io 'input'),
 * responses as what a backend answers (io 'output'). Every body gets a named component, so
 * the incident is written once and referenced. The text is canonical (keys sorted, two
 * spaces, a final newline) so the committed openapi.json can be compared byte for byte
 * with a fresh rendering (test/contract/openapi.test.ts).
 */
import * as z from 'zod/mini'
import type { $ZodType } from 'zod/v4/core'
import {
  ENDPOINTS,
  ERRORS,
  REQUEST_HEADERS,
  conflictProblem,
  probeResponse,
  problem,
  refusalProblem,
  slackPostRequest,
  unprocessableProblem,
  validationProblem,
  type Endpoint,
  type ErrorStatus,
} from './endpoints'
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

/** The contract's own version: raise it when the wire contract changes. */
export const API_VERSION = '1.0.0'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** Component names of the bodies clients send (converted as input). */
const REQUEST_SCHEMAS: readonly (readonly [string, $ZodType])[] = [
  ['DeclareIncidentRequest', declareIncidentRequest],
  ['PatchIncidentRequest', patchIncidentRequest],
  ['AcknowledgeRequest', acknowledgeRequest],
  ['EscalateRequest', escalateRequest],
  ['ChecklistRequest', checklistRequest],
  ['NoteRequest', noteRequest],
  ['MessageRequest', messageRequest],
  ['SlackPostRequest', slackPostRequest],
  ['SimulatorControl', simulatorControl],
]

/** Component names of the bodies backends answer (converted as output). */
const RESPONSE_SCHEMAS: readonly (readonly [string, $ZodType])[] = [
  ['Incident', incident],
  ['IncidentList', incidentsResponse],
  ['TimelineEvent', timelineEvent],
  ['Timeline', timelineResponse],
  ['MetricsResponse', metricsResponse],
  ['HealthResponse', healthResponse],
  ['AlertsResponse', alertsResponse],
  ['AlertHistoryResponse', alertHistoryResponse],
  ['LogsResponse', logsResponse],
  ['ErrorGroupsResponse', errorGroupsResponse],
  ['RosterResponse', rosterResponse],
  ['RunbooksResponse', runbooksResponse],
  ['SessionResponse', sessionResponse],
  ['SimulatorState', simulatorState],
  ['ServerEvent', serverEvent],
  ['ProbeResponse', probeResponse],
  ['Problem', problem],
  ['ConflictProblem', conflictProblem],
  ['RefusalProblem', refusalProblem],
  ['ValidationProblem', validationProblem],
  ['UnprocessableProblem', unprocessableProblem],
]

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` })

/** The OpenAPI document for `endpoints` (the contract's table by default). */
export function openApiDocument(endpoints: readonly Endpoint[] = ENDPOINTS): JsonObject {
  const names = new Map<$ZodType, string>([...REQUEST_SCHEMAS, ...RESPONSE_SCHEMAS].map(([name, schema]) => [schema, name]))
  const nameOf = (schema: $ZodType, where: string): string => {
    const name = names.get(schema)
    if (name === undefined) throw new Error(`${where}: its schema has no component name; add it to src/api/openapi.ts.`)
    return name
  }

  const errorResponses: JsonObject = {}
  for (const status of Object.keys(ERROR_NAMES).map(Number) as ErrorStatus[]) {
    errorResponses[ERROR_NAMES[status]] = errorAnswer(status, ERRORS[status].description, (schema) => nameOf(schema, `HTTP ${status}`))
  }

  const paths: JsonObject = {}
  for (const endpoint of endpoints) {
    const where = `${endpoint.method} ${endpoint.path}`
    const item = (paths[endpoint.path] ??= {}) as JsonObject
    const method = endpoint.method.toLowerCase()
    if (item[method] !== undefined) throw new Error(`${where} is in the table twice.`)
    item[method] = operation(endpoint, (schema) => nameOf(schema, where))
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Vigil API',
      version: API_VERSION,
      description:
        'The wire contract of Vigil, the incident dashboard: what the MSW mock backend and the Vigil server both ' +
        'answer. Generated from src/api/endpoints.ts and the zod schemas by `npm run openapi`; do not edit by hand. ' +
        'Timestamps are ISO 8601 with an offset. Every response carries a Date header; errors answer at least ' +
        '{ "message": string }. Writes take application/json.',
    },
    tags: [
      { name: 'telemetry', description: 'Metrics, health, alerts, logs and error groups.' },
      { name: 'incidents', description: 'Incidents, their timeline and changes, and the on-call roster.' },
      { name: 'runbooks', description: 'Playbooks served beyond the built-in ones.' },
      { name: 'session', description: 'Who you are and what this backend offers.' },
      { name: 'simulator', description: 'Steering the simulated telemetry (when the backend simulates).' },
      { name: 'events', description: 'The change feed.' },
      { name: 'probes', description: 'Liveness and readiness for orchestrators.' },
    ],
    paths,
    components: {
      schemas: { ...components(REQUEST_SCHEMAS, 'input'), ...components(RESPONSE_SCHEMAS, 'output') },
      responses: errorResponses,
      headers: {
        ETag: {
          description: 'An incident\'s version ("3"), to send back as If-Match; or the list\'s weak tag, for If-None-Match.',
          schema: { type: 'string' },
        },
        RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
      },
    },
  }
}

/** The document as committed: canonical JSON with a final newline. */
export function renderOpenApi(endpoints: readonly Endpoint[] = ENDPOINTS): string {
  return `${JSON.stringify(sortKeys(openApiDocument(endpoints)), null, 2)}\n`
}

function operation(endpoint: Endpoint, nameOf: (schema: $ZodType) => string): JsonObject {
  const parameters: Json[] = [
    ...[...endpoint.path.matchAll(/\{(\w+)\}/g)].map(
      ([, name]): JsonObject => ({
        name: name ?? '',
        in: 'path',
        required: true,
        description: name === 'id' ? 'The incident id (INC-12345).' : name ?? '',
        schema: { type: 'string' },
      }),
    ),
    ...endpoint.query.map(
      (q): JsonObject => ({
        name: q.name,
        in: 'query',
        required: q.required,
        description: q.description,
        schema: q.type === 'date-time' ? { type: 'string', format: 'date-time' } : { type: q.type },
      }),
    ),
    ...endpoint.headers.map(
      (h): JsonObject => ({
        name: h.name,
        in: 'header',
        required: h.required,
        description: REQUEST_HEADERS[h.name].description,
        schema: { type: 'string' },
        example: REQUEST_HEADERS[h.name].example,
      }),
    ),
  ]

  const responses: JsonObject = {}
  for (const r of endpoint.responses) {
    const answer: JsonObject = { description: r.description }
    if (r.etag === true) answer.headers = { ETag: { $ref: '#/components/headers/ETag' } }
    if (r.body !== null) answer.content = { [r.contentType ?? 'application/json']: { schema: ref(nameOf(r.body)) } }
    responses[String(r.status)] = answer
  }
  for (const status of [...endpoint.errors].sort((a, b) => a - b)) responses[String(status)] = errorResponse(endpoint, status, nameOf)

  const op: JsonObject = {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    responses,
  }
  if (endpoint.description !== undefined) op.description = endpoint.description
  if (parameters.length > 0) op.parameters = parameters
  if (endpoint.request !== null) {
    // An empty body reads as {}: where {} is a valid request, the body may be left out.
    op.requestBody = {
      required: !z.safeParse(endpoint.request, {}).success,
      content: { 'application/json': { schema: ref(nameOf(endpoint.request)) } },
    }
  }
  return op
}

/** Shared error answers, referenced by status wherever an endpoint has no words of its own for it. */
const ERROR_NAMES: Record<ErrorStatus, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'ContentTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableContent',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
}

function errorResponse(endpoint: Endpoint, status: ErrorStatus, nameOf: (schema: $ZodType) => string): JsonObject {
  const note = endpoint.errorNotes?.[status]
  return note === undefined ? { $ref: `#/components/responses/${ERROR_NAMES[status]}` } : errorAnswer(status, note, nameOf)
}

function errorAnswer(status: ErrorStatus, description: string, nameOf: (schema: $ZodType) => string): JsonObject {
  const error = ERRORS[status]
  const answer: JsonObject = { description, content: { 'application/json': { schema: ref(nameOf(error.body)) } } }
  if (error.retryAfter === true) answer.headers = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
  return answer
}

/** Named JSON Schemas: a registered schema inside another becomes a $ref to its component. */
function components(entries: readonly (readonly [string, $ZodType])[], io: 'input' | 'output'): JsonObject {
  const registry = z.registry<{ id: string }>()
  for (const [name, schema] of entries) registry.add(schema, { id: name })
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    // Refinements (e.g. "values match from, to and step") have no JSON Schema form; the rest still says a lot.
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    // An RFC 3339 date-time always has an offset, which is all zod's long pattern adds.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern
    },
  })
  const out: JsonObject = {}
  for (const [name, schema] of Object.entries(schemas)) {
    // Components live inside the document: no dialect or id of their own.
    const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>
    out[name] = rest as Json
  }
  return out
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const sorted: JsonObject = {}
  for (const key of Object.keys(value).sort()) {
    const v = value[key]
    if (v !== undefined) sorted[key] = sortKeys(v)
  }
  return sorted
}
