/**
 * Requests to a running Vigil server from the test process, as the app's own pages would
 * send them (JSON, the server's Origin on writes), each answer parsed with the contract.
 */
import { randomUUID } from 'node:crypto'
import { safeParse } from 'zod/mini'
import type { $ZodType, output } from 'zod/v4/core'
import { etagOf } from '@/api/incidents'
import { incident, timelineResponse, type Incident, type TimelineEvent } from '@/api/schemas'
import type { VigilServer } from './serve'

export interface Answer {
  method: string
  path: string
  status: number
  text: string
  json: unknown
}

/** One request; writes carry Content-Type: application/json and the server's Origin. */
export async function request(
  server: Pick<VigilServer, 'baseURL' | 'origin'>,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const write = method !== 'GET'
  const response = await fetch(new URL(path, server.baseURL), {
    method,
    headers: {
      Accept: 'application/json',
      ...(write ? { 'Content-Type': 'application/json', Origin: server.origin } : {}),
      ...options.headers,
    },
    body: write ? JSON.stringify(options.body ?? {}) : null,
    signal: AbortSignal.timeout(15_000),
  })
  const text = await response.text()
  let json: unknown
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown)
  } catch {
    json = undefined
  }
  return { method, path, status: response.status, text, json }
}

/** The body parsed with `schema`, after checking the answer is a 2xx. */
export function expect2xx<S extends $ZodType>(answer: Answer, schema: S): output<S> {
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${answer.method} ${answer.path}: expected a 2xx, got ${answer.status}: ${answer.text.slice(0, 500)}`)
  }
  const parsed = safeParse(schema, answer.json)
  if (!parsed.success) {
    throw new Error(`${answer.method} ${answer.path}: the ${answer.status} body breaks the contract: ${answer.text.slice(0, 500)}`)
  }
  return parsed.data
}

const at = (id: string, tail = '') => `/api/incidents/${encodeURIComponent(id)}${tail}`

export async function getIncident(server: VigilServer, id: string): Promise<Incident> {
  return expect2xx(await request(server, 'GET', at(id)), incident)
}

export async function getTimeline(server: VigilServer, id: string): Promise<TimelineEvent[]> {
  return expect2xx(await request(server, 'GET', at(id, '/timeline')), timelineResponse).events
}

export function declareThroughApi(server: VigilServer, body: { title: string; severity: string; impact: string; services: string[] }): Promise<Answer> {
  return request(server, 'POST', '/api/incidents', { body, headers: { 'Idempotency-Key': randomUUID() } })
}

/** PATCH on the incident's `version` (If-Match). */
export function patchThroughApi(server: VigilServer, id: string, version: number, body: unknown): Promise<Answer> {
  return request(server, 'PATCH', at(id), { body, headers: { 'If-Match': etagOf(version), 'Idempotency-Key': randomUUID() } })
}

export function acknowledgeThroughApi(server: VigilServer, id: string, version: number): Promise<Answer> {
  return request(server, 'POST', at(id, '/acknowledge'), { body: {}, headers: { 'If-Match': etagOf(version), 'Idempotency-Key': randomUUID() } })
}

export function tickThroughApi(server: VigilServer, id: string, version: number, stepId: string): Promise<Answer> {
  return request(server, 'POST', at(id, '/checklist'), {
    body: { stepId, done: true },
    headers: { 'If-Match': etagOf(version), 'Idempotency-Key': randomUUID() },
  })
}

export function noteThroughApi(server: VigilServer, id: string, text: string): Promise<Answer> {
  return request(server, 'POST', at(id, '/notes'), { body: { text }, headers: { 'Idempotency-Key': randomUUID() } })
}
