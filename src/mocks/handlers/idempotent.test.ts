import { apiFetch, apiRequest, type ApiError } from '@/api/client'
import { incident as incidentSchema, timelineResponse, type Incident } from '@/api/schemas'
import { createHandlers } from './all'
import { server } from '../node'
import { createWorld, STORAGE_KEY } from '../world'
import { seedIncident, setMockNow } from '../../../test/mock-backend'

const NOW = Date.parse('2026-11-27T12:00:00Z')

beforeEach(() => {
  setMockNow(NOW)
})

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError)
const timeline = async (id: string) => (await apiFetch(`/api/incidents/${id}/timeline`, timelineResponse)).events

/** The raw answer to a write, so status, body and ETag can be compared as sent. */
async function send(method: 'POST' | 'PATCH', path: string, body: unknown, headers: Record<string, string>) {
  const response = await fetch(path, {
    method,
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  })
  return { status: response.status, etag: response.headers.get('ETag'), body: await response.text() }
}

const writes: [string, 'POST' | 'PATCH', string, (i: Incident) => unknown, boolean][] = [
  ['a PATCH', 'PATCH', '', () => ({ title: 'Renamed', actor: 'tom' }), true],
  ['an acknowledgement', 'POST', '/acknowledge', () => ({ actor: 'tom' }), true],
  ['an escalation', 'POST', '/escalate', () => ({ reason: 'no answer' }), true],
  ['a checklist tick', 'POST', '/checklist', () => ({ stepId: 'triage.assess', done: true }), true],
  ['a note', 'POST', '/notes', () => ({ text: 'Restarted the STT worker' }), false],
  ['a message', 'POST', '/messages', () => ({ template: 'status-update', text: 'Still investigating' }), false],
]

test.each(writes)('%s sent again with its Idempotency-Key gets the first answer and records nothing new', async (_case, method, suffix, body, guarded) => {
  const incident = seedIncident()
  const headers = { 'Idempotency-Key': `key-${suffix}`, ...(guarded ? { 'If-Match': `"${incident.version}"` } : {}) }
  const path = `/api/incidents/${incident.id}${suffix}`
  const first = await send(method, path, body(incident), headers)
  const eventsAfterFirst = (await timeline(incident.id)).length

  const retry = await send(method, path, body(incident), headers)

  expect(first.status).toBeLessThan(300)
  expect(retry).toEqual(first)
  expect(first.etag).toBe(`"${incident.version + 1}"`)
  expect(await timeline(incident.id)).toHaveLength(eventsAfterFirst)
  expect((await apiFetch(`/api/incidents/${incident.id}`, incidentSchema)).version).toBe(incident.version + 1)
})

test('without a key each request counts: two notes are two entries', async () => {
  const incident = seedIncident()
  for (let i = 0; i < 2; i++) await send('POST', `/api/incidents/${incident.id}/notes`, { text: 'Looking' }, {})
  expect((await timeline(incident.id)).filter((e) => e.kind === 'note')).toHaveLength(2)
})

test('the same key with another body, on another endpoint or after a declaration is a 422', async () => {
  const incident = seedIncident()
  const notes = `/api/incidents/${incident.id}/notes`
  expect((await send('POST', notes, { text: 'first' }, { 'Idempotency-Key': 'k1' })).status).toBe(201)

  const otherBody = await send('POST', notes, { text: 'second' }, { 'Idempotency-Key': 'k1' })
  expect(otherBody.status).toBe(422)
  expect(JSON.parse(otherBody.body)).toEqual({ message: expect.stringMatching(/Idempotency-Key/) as unknown })
  expect((await send('POST', `/api/incidents/${incident.id}/messages`, { template: 'resolution', text: 'first' }, { 'Idempotency-Key': 'k1' })).status).toBe(422)

  const declaration = { title: 'LiveKit down', severity: 'P2', impact: 'Rooms fail', services: [] }
  expect((await send('POST', '/api/incidents', declaration, { 'Idempotency-Key': 'k2' })).status).toBe(201)
  expect((await send('POST', notes, { text: 'third' }, { 'Idempotency-Key': 'k2' })).status).toBe(422)
  expect((await timeline(incident.id)).filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['first'])
})

test('JSON that differs only in spacing is the same request', async () => {
  const incident = seedIncident()
  const path = `/api/incidents/${incident.id}/notes`
  const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': 'spaced' }
  const first = await fetch(path, { method: 'POST', body: '{"text":"a"}', headers })
  const again = await fetch(path, { method: 'POST', body: '{ "text" : "a" }\n', headers })
  expect([first.status, again.status]).toEqual([201, 201])
  expect(await again.json()).toEqual(await first.json())
})

test('a refusal is not remembered: after a 412 the same key is sent again on the current version and saved', async () => {
  const incident = seedIncident({ version: 4 })
  const path = `/api/incidents/${incident.id}`
  const stale = await send('PATCH', path, { impact: 'All callers' }, { 'Idempotency-Key': 'outbox-1', 'If-Match': '"3"' })
  expect(stale.status).toBe(412)

  const current = await send('PATCH', path, { impact: 'All callers' }, { 'Idempotency-Key': 'outbox-1', 'If-Match': '"4"' })
  expect(current.status).toBe(200)
  expect(JSON.parse(current.body)).toMatchObject({ impact: 'All callers', version: 5 })
})

test('two copies of one request at once are applied once', async () => {
  const incident = seedIncident()
  const path = `/api/incidents/${incident.id}/notes`
  const answers = await Promise.all([1, 2, 3].map(() => send('POST', path, { text: 'once' }, { 'Idempotency-Key': 'burst' })))

  expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
  expect((await timeline(incident.id)).filter((e) => e.kind === 'note')).toHaveLength(1)
})

test('a key longer than 255 characters is a 400', async () => {
  const incident = seedIncident()
  const error = await failure(
    apiRequest(`/api/incidents/${incident.id}/notes`, timelineResponse, {
      method: 'POST',
      body: { text: 'x' },
      headers: { 'Idempotency-Key': 'k'.repeat(256) },
    }),
  )
  expect(error).toMatchObject({ details: { status: 400 } })
  expect(await timeline(incident.id)).toHaveLength(1)
})

test('remembered answers are saved with the world, and a world saved before them still loads', async () => {
  const storage = new Map<string, string>()
  const store = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) }
  const tab = createWorld({ storage: store, now: () => NOW })
  server.use(...createHandlers(tab))
  const declared = await send('POST', '/api/incidents', { title: 'DB down', severity: 'P1', impact: 'All', services: [] }, { 'Idempotency-Key': 'd' })
  const id = (JSON.parse(declared.body) as Incident).id
  const noted = await send('POST', `/api/incidents/${id}/notes`, { text: 'failing over' }, { 'Idempotency-Key': 'n' })

  // Another tab, reading what the first one saved, gives the same answer to the retry.
  server.resetHandlers()
  server.use(...createHandlers(createWorld({ storage: store, now: () => NOW })))
  expect(await send('POST', `/api/incidents/${id}/notes`, { text: 'failing over' }, { 'Idempotency-Key': 'n' })).toEqual(noted)

  // A world saved before answers were kept: its declaration keys have none, and it loads as it was.
  const saved = JSON.parse(storage.get(STORAGE_KEY) ?? '') as { db: { idempotency: { answer?: unknown }[] } }
  saved.db.idempotency = saved.db.idempotency.filter((e) => e.answer === undefined)
  storage.set(STORAGE_KEY, JSON.stringify(saved))
  server.resetHandlers()
  server.use(...createHandlers(createWorld({ storage: store, now: () => NOW })))
  expect((await apiFetch(`/api/incidents/${id}`, incidentSchema)).title).toBe('DB down')
  expect((await send('POST', '/api/incidents', { title: 'DB down', severity: 'P1', impact: 'All', services: [] }, { 'Idempotency-Key': 'd' })).status).toBe(200)
})
