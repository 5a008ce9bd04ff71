import { ApiError } from '@/api/client'
import { addNote, declareIncident, etagOf, fetchIncident } from '@/api/incidents'
import { controlSimulator } from '@/api/simulator'
import { classifyFailure, deliver } from './deliver'

test.each([
  [new ApiError('network', 'reset'), 'retry'],
  [new ApiError('timeout', 'slow'), 'retry'],
  [new ApiError('malformed', 'half a body'), 'retry'],
  [new ApiError('aborted', 'tab closed'), 'retry'],
  [new ApiError('schema', 'unexpected'), 'reject'],
  [new ApiError('http', '', { status: 500 }), 'retry'],
  [new ApiError('http', '', { status: 503 }), 'retry'],
  [new ApiError('http', '', { status: 429 }), 'retry'],
  [new ApiError('http', '', { status: 408 }), 'retry'],
  [new ApiError('http', '', { status: 412 }), 'conflict'],
  [new ApiError('http', '', { status: 428 }), 'missing-version'],
  [new ApiError('http', '', { status: 400 }), 'reject'],
  [new ApiError('http', '', { status: 404 }), 'reject'],
  [new ApiError('http', '', { status: 422 }), 'reject'],
  [new Error('bug'), 'reject'],
] as const)('%s is classed %s', (error, expected) => {
  expect(classifyFailure(error)).toBe(expected)
})

let n = 0
const anIncident = () => {
  n += 1
  return declareIncident({ title: 'DB pool exhausted', severity: 'P2', impact: '', services: ['database'] }, `deliver-test-${n}`)
}

test('a saved change reports the incident and its new version', async () => {
  const incident = await anIncident()
  const result = await deliver('x1', { method: 'PATCH', path: `/api/incidents/${incident.id}`, body: { status: 'identified' }, ifMatch: etagOf(1) }, [
    { path: 'status', base: 'investigating', yours: 'identified' },
  ])
  expect(result).toMatchObject({ kind: 'saved', version: 2, incident: { status: 'identified' } })
})

test('a note reports the version from the ETag', async () => {
  const incident = await anIncident()
  const result = await deliver('x2', { method: 'POST', path: `/api/incidents/${incident.id}/notes`, body: { text: 'hi' } }, [])
  expect(result).toEqual({ kind: 'saved', incident: null, version: 2 })
})

test('a 412 caused by an unrelated change is sent again on the current version', async () => {
  const incident = await anIncident()
  await addNote(incident.id, { text: 'colleague was here' })
  const result = await deliver('x3', { method: 'PATCH', path: `/api/incidents/${incident.id}`, body: { assignee: 'tom' }, ifMatch: etagOf(1) }, [
    { path: 'assignee', base: null, yours: 'tom' },
  ])
  expect(result).toMatchObject({ kind: 'saved', version: 3, incident: { assignee: 'tom' } })
})

test('a 412 on a field someone else changed is a conflict carrying their version', async () => {
  const incident = await anIncident()
  await deliver('x4', { method: 'PATCH', path: `/api/incidents/${incident.id}`, body: { assignee: 'ana' }, ifMatch: etagOf(1) }, [])
  const result = await deliver('x5', { method: 'PATCH', path: `/api/incidents/${incident.id}`, body: { assignee: 'tom' }, ifMatch: etagOf(1) }, [
    { path: 'assignee', base: null, yours: 'tom' },
  ])
  expect(result).toMatchObject({ kind: 'conflict', current: { assignee: 'ana', version: 2 } })
  expect((await fetchIncident(incident.id)).assignee).toBe('ana')
})

test('a change sent without a version is reported as the bug it is', async () => {
  const incident = await anIncident()
  const result = await deliver('x6', { method: 'PATCH', path: `/api/incidents/${incident.id}`, body: { assignee: 'tom' } }, [])
  expect(result).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/without a version \(HTTP 428\)\. That is a bug/) as unknown })
})

test('a 503 is to be retried, with the server\'s Retry-After', async () => {
  const incident = await anIncident()
  await controlSimulator({ faults: { rate: 1, status: 503 } })
  const result = await deliver('x7', { method: 'POST', path: `/api/incidents/${incident.id}/notes`, body: { text: 'hi' } }, [])
  expect(result).toEqual({ kind: 'retry', message: expect.stringMatching(/HTTP 503/) as unknown, retryAfterMs: 1000 })
})
