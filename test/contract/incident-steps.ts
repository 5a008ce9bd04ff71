/**
 * The few incident moves most contract tests make, over HTTP only. Every test declares
 * its own incidents (the server-postgres target shares one database between files).
 */
import { expect } from 'vitest'
import { incident, timelineResponse, type DeclareIncidentRequest, type Incident, type TimelineEvent } from '@/api/schemas'
import { call, expectBody, type ContractTarget } from './target'

export const newKey = (): string => crypto.randomUUID()

export function declaration(overrides: Partial<DeclareIncidentRequest> = {}): DeclareIncidentRequest {
  return {
    title: `Contract suite ${newKey().slice(0, 8)}`,
    severity: 'P3',
    impact: 'Some callers hear silence',
    services: ['stt'],
    ...overrides,
  }
}

/** Declares a fresh incident and checks the answer: 201, an INC id, version 1 as the ETag. */
export async function declare(target: ContractTarget, overrides: Partial<DeclareIncidentRequest> = {}): Promise<Incident> {
  const answer = await call(target, 'POST', '/api/incidents', { body: declaration(overrides), headers: { 'Idempotency-Key': newKey() } })
  const declared = expectBody(answer, 201, incident)
  expect(answer.headers.get('ETag')).toBe(`"${declared.version}"`)
  return declared
}

export async function getIncident(target: ContractTarget, id: string): Promise<Incident> {
  return expectBody(await call(target, 'GET', `/api/incidents/${encodeURIComponent(id)}`), 200, incident)
}

export async function timeline(target: ContractTarget, id: string): Promise<TimelineEvent[]> {
  return expectBody(await call(target, 'GET', `/api/incidents/${encodeURIComponent(id)}/timeline`), 200, timelineResponse).events
}

/** A PATCH on `version` (If-Match), with an optional Idempotency-Key. */
export function patch(target: ContractTarget, id: string, version: number, body: unknown, key?: string) {
  const headers: Record<string, string> = { 'If-Match': `"${version}"` }
  if (key !== undefined) headers['Idempotency-Key'] = key
  return call(target, 'PATCH', `/api/incidents/${encodeURIComponent(id)}`, { body, headers })
}
