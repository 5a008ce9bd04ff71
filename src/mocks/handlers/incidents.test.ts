import { apiFetch, apiRequest, type ApiError, type RequestOptions } from '@/api/client'
import {
  incident as incidentSchema,
  incidentsResponse,
  timelineEvent,
  timelineResponse,
  type DeclareIncidentRequest,
  type Incident,
} from '@/api/schemas'
import { advanceMockNow, seedIncident, setMockNow } from '../../../test/mock-backend'

const NOW = Date.parse('2026-11-27T12:00:00Z')
const MINUTE = 60_000
const at = (ms: number) => new Date(ms).toISOString()

beforeEach(() => {
  setMockNow(NOW)
})

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError)

const DECLARATION: DeclareIncidentRequest = {
  title: 'Voice agent not responding',
  severity: 'P2',
  impact: 'Callers hear silence',
  services: ['stt', 'tts'],
  alertIds: ['error-rate-critical:stt', 'service-down:tts'],
  actor: 'priya',
}

function declare(body: unknown = DECLARATION, key: string = crypto.randomUUID()) {
  return apiRequest('/api/incidents', incidentSchema, { method: 'POST', body, headers: { 'Idempotency-Key': key } })
}

/** A change guarded by the version the caller last read. */
function change(path: string, version: number | null, body: unknown = {}, method: RequestOptions['method'] = 'POST') {
  const headers: Record<string, string> = version === null ? {} : { 'If-Match': `"${version}"` }
  return apiRequest(path, incidentSchema, { method, body, headers })
}

const patch = (id: string, version: number | null, body: unknown) => change(`/api/incidents/${id}`, version, body, 'PATCH')
const timeline = async (id: string) => (await apiFetch(`/api/incidents/${id}/timeline`, timelineResponse)).events

// ---------------------------------------------------------------- declaration

test('declaring creates an investigating incident with an INC id, a version ETag and a timeline', async () => {
  const { data, status, headers } = await declare()

  expect(status).toBe(201)
  expect(data).toMatchObject({
    id: 'INC-10001',
    title: 'Voice agent not responding',
    severity: 'P2',
    status: 'investigating',
    services: ['stt', 'tts'],
    assignee: null,
    escalationLevel: 1,
    declaredAt: at(NOW),
    acknowledgedAt: null,
    alertIds: ['error-rate-critical:stt', 'service-down:tts'],
    version: 1,
  })
  expect(headers.get('ETag')).toBe('"1"')
  expect((await timeline(data.id)).map((e) => [e.kind, e.text, e.actor])).toEqual([
    ['declared', 'Declared P2 — Voice agent not responding', 'priya'],
    ['alert', 'Alert linked: STT error rate > 10 % (error-rate-critical:stt)', 'system'],
    ['alert', 'Alert linked: TTS down > 1 min (service-down:tts)', 'system'],
  ])
})

test('ids increase with each declaration', async () => {
  const first = await declare()
  const second = await declare({ ...DECLARATION, title: 'Database connection lost' })
  expect([first.data.id, second.data.id]).toEqual(['INC-10001', 'INC-10002'])
})

test('the same Idempotency-Key returns the same incident and never a second one', async () => {
  const first = await declare(DECLARATION, 'key-1')
  const retry = await declare(DECLARATION, 'key-1')

  expect(retry.status).toBe(200)
  expect(retry.data).toEqual(first.data)
  expect((await apiFetch('/api/incidents', incidentsResponse)).incidents).toHaveLength(1)
})

test('reusing an Idempotency-Key for a different declaration is refused', async () => {
  await declare(DECLARATION, 'key-1')
  expect(await failure(declare({ ...DECLARATION, title: 'Something else' }, 'key-1'))).toMatchObject({ details: { status: 422 } })
})

test('a declaration without an Idempotency-Key is refused', async () => {
  const error = await failure(apiRequest('/api/incidents', incidentSchema, { method: 'POST', body: DECLARATION }))
  expect(error).toMatchObject({ kind: 'http', details: { status: 400, body: { message: expect.stringMatching(/Idempotency-Key/) as unknown } } })
})

test.each([
  ['no title', { ...DECLARATION, title: '' }, 'title'],
  ['a blank title', { ...DECLARATION, title: '   ' }, 'title'],
  ['an unknown severity', { ...DECLARATION, severity: 'P0' }, 'severity'],
  ['services that are not a list', { ...DECLARATION, services: 'stt' }, 'services'],
  ['no impact', { title: 'x', severity: 'P1', services: [] }, 'impact'],
  ['an unknown field', { ...DECLARATION, priority: 'high' }, 'priority'],
  ['a NUL character in a service', { ...DECLARATION, services: ['stt', 'tts\u0000'] }, 'services.1'],
  ['a body that is not an object', ['stt'], ''],
])('a declaration with %s is a 422 naming the field', async (_case, body, field) => {
  const error = await failure(declare(body))
  expect(error).toMatchObject({ kind: 'http', details: { status: 422, body: { field } } })
  const message = (error?.details.body as { message: string }).message
  expect(message).toContain(field === '' ? 'The request body' : `\`${field}\``)
  expect(error?.message).toMatch(/^The request was invalid \(HTTP 422\)/)
})

test('a declaration that is not JSON is a 400, with the words of one', async () => {
  const response = await fetch('/api/incidents', {
    method: 'POST',
    body: '{"title": "Voice agent',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
  })
  expect(response.status).toBe(400)
  expect(await response.json()).toEqual({ message: 'The request body is not valid JSON.' })
})

// ---------------------------------------------------------------- reads

test('the list is every incident, newest first', async () => {
  seedIncident({ id: 'INC-20000', declaredAt: at(NOW - 60 * MINUTE), status: 'resolved', rootCause: 'x', resolution: 'y' })
  await declare()
  const { incidents } = await apiFetch('/api/incidents', incidentsResponse)

  expect(incidents.map((i) => i.id)).toEqual(['INC-20001', 'INC-20000'])
})

test('one incident comes with its ETag; an unknown one is a 404', async () => {
  const seeded = seedIncident({ version: 7 })
  const { data, headers } = await apiRequest(`/api/incidents/${seeded.id}`, incidentSchema)

  expect(data).toEqual(seeded)
  expect(headers.get('ETag')).toBe('"7"')
  expect(await failure(apiFetch('/api/incidents/INC-99999', incidentSchema))).toMatchObject({ details: { status: 404 } })
  expect(await failure(apiFetch('/api/incidents/INC-99999/timeline', timelineResponse))).toMatchObject({ details: { status: 404 } })
})

// ---------------------------------------------------------------- PATCH and concurrency

test('a change needs If-Match (428) and a current one (412 with the current incident)', async () => {
  const { data } = await declare()

  expect(await failure(patch(data.id, null, { impact: 'All callers' }))).toMatchObject({ details: { status: 428 } })

  const first = await patch(data.id, 1, { impact: 'All callers', actor: 'tom' })
  expect(first.data.version).toBe(2)
  expect(first.headers.get('ETag')).toBe('"2"')

  const stale = await failure(patch(data.id, 1, { impact: 'Some callers', actor: 'priya' }))
  expect(stale).toMatchObject({ kind: 'http', details: { status: 412 } })
  const body = incidentSchema.safeParse((stale?.details.body as { current: unknown }).current)
  expect(body.success && body.data).toMatchObject({ impact: 'All callers', version: 2 })
})

test('If-Match accepts weak tags and *', async () => {
  const { data } = await declare()
  const weak = await apiRequest(`/api/incidents/${data.id}`, incidentSchema, {
    method: 'PATCH',
    body: { impact: 'a' },
    headers: { 'If-Match': 'W/"1"' },
  })
  expect(weak.data.version).toBe(2)
  const any = await apiRequest(`/api/incidents/${data.id}`, incidentSchema, { method: 'PATCH', body: { impact: 'b' }, headers: { 'If-Match': '*' } })
  expect(any.data.version).toBe(3)
})

test('every field change is on the timeline with its actor, and the version bumps once', async () => {
  const { data } = await declare()
  advanceMockNow(3 * MINUTE)
  const { data: changed } = await patch(data.id, 1, {
    severity: 'P1',
    severityReason: 'all callers affected',
    assignee: 'priya',
    status: 'identified',
    actor: 'tom',
  })

  expect(changed).toMatchObject({ severity: 'P1', assignee: 'priya', status: 'identified', version: 2, updatedAt: at(NOW + 3 * MINUTE) })
  const events = (await timeline(data.id)).slice(3)
  expect(events.map((e) => [e.kind, e.text, e.actor])).toEqual([
    ['severity', 'Severity P2 → P1: all callers affected', 'tom'],
    ['assignee', 'Assigned to Priya Raman', 'tom'],
    ['acknowledged', 'Acknowledged', 'tom'],
    ['status', 'Status investigating → identified', 'tom'],
  ])
})

test('a change that changes nothing keeps the version', async () => {
  const { data } = await declare()
  const { data: same } = await patch(data.id, 1, { title: data.title, status: 'investigating' })
  expect(same.version).toBe(1)
  expect(await timeline(data.id)).toHaveLength(3)
})

test('an unknown assignee is refused', async () => {
  const { data } = await declare()
  expect(await failure(patch(data.id, 1, { assignee: 'mallory' }))).toMatchObject({ details: { status: 422 } })
})

test('a PATCH with an unknown field, a bad status or a bad follow-up is a 422 naming the field, and changes nothing', async () => {
  const { data } = await declare()
  expect(await failure(patch(data.id, 1, { status: 'done' }))).toMatchObject({ details: { status: 422, body: { field: 'status' } } })
  expect(await failure(patch(data.id, 1, { version: 2 }))).toMatchObject({ details: { status: 422, body: { field: 'version' } } })
  const followUps = [{ id: 'f1', text: 7, owner: '', due: null, done: false }]
  expect(await failure(patch(data.id, 1, { followUps }))).toMatchObject({ details: { status: 422, body: { field: 'followUps.0.text' } } })
  expect((await apiFetch(`/api/incidents/${data.id}`, incidentSchema)).version).toBe(1)
})

test('attaching and detaching a playbook names it by its title on the timeline; an unknown slug by the slug', async () => {
  const { data } = await declare()
  const attached = await patch(data.id, 1, { playbooks: ['database-connection-lost', 'disk-full'], actor: 'priya' })
  await patch(data.id, attached.data.version, { playbooks: ['disk-full'], actor: 'tom' })
  expect((await timeline(data.id)).filter((e) => e.kind === 'playbook').map((e) => [e.text, e.actor])).toEqual([
    ['Playbook attached: Database Connection Lost', 'priya'],
    ['Playbook attached: disk-full', 'priya'],
    ['Playbook detached: Database Connection Lost', 'tom'],
  ])
})

test('a follow-up added without an owner is written without empty brackets', async () => {
  const { data } = await declare()
  await patch(data.id, data.version, { followUps: [{ id: 'f1', text: 'Add a quota alert', owner: '', due: null, done: false }] })
  expect((await timeline(data.id)).filter((e) => e.kind === 'follow-up').map((e) => e.text)).toEqual(['Follow-up added: Add a quota alert'])
})

test('editing a follow-up in place says what it was and what changed; an edit with a tick gets both entries', async () => {
  const { data } = await declare()
  const item = { id: 'f1', text: 'Add a quota alert', owner: '@ana', due: null, done: false }
  let version = (await patch(data.id, data.version, { followUps: [item] })).data.version

  const edits = [
    { ...item, text: 'Alert on OpenAI quota at 80 %' },
    { ...item, text: 'Alert on OpenAI quota at 80 %', owner: '@tom', due: '2026-12-04' },
    { ...item, text: 'Alert on OpenAI quota at 75 %', owner: '', due: '2026-12-04', done: true },
  ]
  for (const edited of edits) {
    const saved = await patch(data.id, version, { followUps: [edited], actor: 'priya' })
    expect(saved.data.followUps).toEqual([edited])
    expect(saved.data.version).toBe(version + 1)
    version = saved.data.version
  }
  // Saving the same list again changes nothing and says nothing.
  expect((await patch(data.id, version, { followUps: [edits[2]] })).data.version).toBe(version)

  expect((await timeline(data.id)).filter((e) => e.kind === 'follow-up').map((e) => e.text)).toEqual([
    'Follow-up added: Add a quota alert (@ana)',
    'Follow-up updated: Alert on OpenAI quota at 80 % (was “Add a quota alert”)',
    'Follow-up updated: Alert on OpenAI quota at 80 % — owner @ana → @tom, due none → 2026-12-04',
    'Follow-up updated: Alert on OpenAI quota at 75 % (was “Alert on OpenAI quota at 80 %”) — owner @tom → nobody',
    'Follow-up done: Alert on OpenAI quota at 75 %',
  ])
})

// ---------------------------------------------------------------- lifecycle

test('a forbidden transition is a 409 and changes nothing', async () => {
  const { data } = await declare()
  const error = await failure(patch(data.id, 1, { status: 'closed' }))

  expect(error).toMatchObject({ details: { status: 409 } })
  expect((await apiFetch(`/api/incidents/${data.id}`, incidentSchema)).status).toBe('investigating')
})

test('resolving needs a root cause and a resolution (422), which may come with the change', async () => {
  const { data } = await declare()
  const refused = await failure(patch(data.id, 1, { status: 'resolved', rootCause: 'OpenAI outage' }))
  expect(refused).toMatchObject({ details: { status: 422, body: { message: expect.stringMatching(/Resolution/) as unknown } } })

  const { data: resolved } = await patch(data.id, 1, {
    status: 'resolved',
    rootCause: 'OpenAI API outage',
    resolution: 'Switched to the fallback provider',
  })
  expect(resolved).toMatchObject({ status: 'resolved', acknowledgedAt: at(NOW), mitigatedAt: at(NOW), resolvedAt: at(NOW) })
  expect((await timeline(data.id)).slice(3).map((e) => e.text)).toEqual([
    'Root cause: OpenAI API outage',
    'Resolution: Switched to the fallback provider',
    'Acknowledged',
    'Status investigating → resolved',
  ])
})

test('the lifecycle sets its timestamps and re-opening clears what no longer holds', async () => {
  const { data } = await declare()
  advanceMockNow(MINUTE)
  const identified = (await patch(data.id, 1, { status: 'identified' })).data
  advanceMockNow(MINUTE)
  const mitigated = (await patch(data.id, identified.version, { status: 'mitigated', rootCause: 'quota', resolution: 'new key' })).data
  advanceMockNow(MINUTE)
  const resolved = (await patch(data.id, mitigated.version, { status: 'resolved' })).data
  advanceMockNow(MINUTE)
  const closed = (await patch(data.id, resolved.version, { status: 'closed' })).data

  expect(closed).toMatchObject({
    acknowledgedAt: at(NOW + MINUTE),
    mitigatedAt: at(NOW + 2 * MINUTE),
    resolvedAt: at(NOW + 3 * MINUTE),
    closedAt: at(NOW + 4 * MINUTE),
  })

  const reopened = (await patch(data.id, closed.version, { status: 'investigating' })).data
  expect(reopened).toMatchObject({
    status: 'investigating',
    acknowledgedAt: at(NOW + MINUTE),
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
  })
})

// ---------------------------------------------------------------- acknowledge and escalate

test('acknowledging sets acknowledgedAt once; a second acknowledgement is a harmless no-op', async () => {
  const { data } = await declare()
  expect(await failure(change(`/api/incidents/${data.id}/acknowledge`, null))).toMatchObject({ details: { status: 428 } })

  advanceMockNow(2 * MINUTE)
  const acked = await change(`/api/incidents/${data.id}/acknowledge`, 1, { actor: 'priya' })
  expect(acked.data).toMatchObject({ acknowledgedAt: at(NOW + 2 * MINUTE), version: 2 })

  advanceMockNow(MINUTE)
  // A second responder still holding version 1 acknowledges too: nothing changes, no conflict.
  const again = await change(`/api/incidents/${data.id}/acknowledge`, 1, { actor: 'tom' })
  expect(again.status).toBe(200)
  expect(again.data).toMatchObject({ acknowledgedAt: at(NOW + 2 * MINUTE), version: 2 })
  expect((await timeline(data.id)).filter((e) => e.kind === 'acknowledged').map((e) => e.actor)).toEqual(['priya'])
})

test('escalation pages each level in turn up to L4, then refuses', async () => {
  const { data } = await declare()
  let version = data.version
  const texts: string[] = []
  for (const [level, assignee] of [[2, 'ana'], [3, 'mei'], [4, 'daniel']] as const) {
    const { data: escalated, headers } = await change(`/api/incidents/${data.id}/escalate`, version, { actor: 'priya' })
    expect(escalated).toMatchObject({ escalationLevel: level, assignee })
    expect(headers.get('ETag')).toBe(`"${escalated.version}"`)
    version = escalated.version
  }
  for (const e of await timeline(data.id)) if (e.kind === 'escalated') texts.push(e.text)
  expect(texts).toEqual([
    'Escalated to L2 Senior engineer — paged Ana Silva',
    'Escalated to L3 Engineering lead — paged Mei Chen',
    'Escalated to L4 CTO/VP Engineering — paged Daniel Okafor',
  ])

  const refused = await failure(change(`/api/incidents/${data.id}/escalate`, version, { reason: 'still down' }))
  expect(refused).toMatchObject({ details: { status: 400 } })
  expect((await apiFetch(`/api/incidents/${data.id}`, incidentSchema)).escalationLevel).toBe(4)
})

test('an escalation reason is recorded; a stale escalation is a 412', async () => {
  const { data } = await declare()
  await change(`/api/incidents/${data.id}/escalate`, 1, { reason: 'no answer in 15 min', actor: 'tom' })
  expect((await timeline(data.id)).at(-1)?.text).toBe('Escalated to L2 Senior engineer — paged Ana Silva: no answer in 15 min')
  expect(await failure(change(`/api/incidents/${data.id}/escalate`, 1))).toMatchObject({ details: { status: 412 } })
})

// ---------------------------------------------------------------- notes, checklist, messages

test('a note is a 201 timeline event and bumps the incident version', async () => {
  const { data } = await declare()
  advanceMockNow(MINUTE)
  const note = await apiRequest(`/api/incidents/${data.id}/notes`, timelineEvent, {
    method: 'POST',
    body: { text: '<img src=x onerror=alert(1)> restarted the STT worker', actor: 'tom' },
  })

  expect(note.status).toBe(201)
  expect(note.data).toMatchObject({
    incidentId: data.id,
    kind: 'note',
    actor: 'tom',
    at: at(NOW + MINUTE),
    text: '<img src=x onerror=alert(1)> restarted the STT worker',
  })
  expect(note.headers.get('ETag')).toBe('"2"')
  expect((await apiFetch(`/api/incidents/${data.id}`, incidentSchema)).version).toBe(2)
})

test.each([
  ['empty', ''],
  ['longer than 10,000 characters', 'x'.repeat(10_001)],
  ['holding a NUL character', 'restarted\u0000 the worker'],
  ['holding half a surrogate pair', 'on fire \ud83d'],
])('a note that is %s is a 422 naming its text', async (_case, text) => {
  const { data } = await declare()
  const error = await failure(apiFetch(`/api/incidents/${data.id}/notes`, timelineEvent, { method: 'POST', body: { text } }))
  expect(error).toMatchObject({ details: { status: 422, body: { field: 'text' } } })
  expect(await timeline(data.id)).toHaveLength(3)
})

test('a note on an unknown incident is a 404', async () => {
  const error = await failure(apiFetch('/api/incidents/INC-99999/notes', timelineEvent, { method: 'POST', body: { text: 'hi' } }))
  expect(error).toMatchObject({ details: { status: 404 } })
})

test('checklist steps tick and untick, each on the timeline; a repeated tick changes nothing', async () => {
  const { data } = await declare()
  const path = `/api/incidents/${data.id}/checklist`
  expect(await failure(change(path, null, { stepId: 'triage.assess', done: true }))).toMatchObject({ details: { status: 428 } })

  const ticked = (await change(path, 1, { stepId: 'triage.assess', done: true, actor: 'priya' })).data
  expect(ticked).toMatchObject({ checklist: ['triage.assess'], version: 2 })
  const again = (await change(path, 2, { stepId: 'triage.assess', done: true })).data
  expect(again.version).toBe(2)
  const unticked = (await change(path, 2, { stepId: 'triage.assess', done: false, actor: 'priya' })).data
  expect(unticked).toMatchObject({ checklist: [], version: 3 })

  expect((await timeline(data.id)).filter((e) => e.kind === 'checklist').map((e) => e.text)).toEqual([
    'Checked: Triage — Assess: Determine severity level',
    'Unchecked: Triage — Assess: Determine severity level',
  ])
})

test('the timeline names playbook and post-incident steps in the runbook\'s words, and an unknown step by its id', async () => {
  const { data } = await declare()
  const path = `/api/incidents/${data.id}/checklist`
  let version = data.version
  for (const stepId of ['playbook.rate-limiting.add-api-keys', 'post-incident-checklist.create-report', 'playbook.disk-full.free-space']) {
    version = (await change(path, version, { stepId, done: true })).data.version
  }
  expect((await timeline(data.id)).filter((e) => e.kind === 'checklist').map((e) => e.text)).toEqual([
    'Checked: Rate Limiting Triggered — Add more API keys (load balance)',
    'Checked: Post-incident checklist — Create incident report',
    'Checked: playbook.disk-full.free-space',
  ])
})

test('a posted message is logged with its exact text; a status update restarts the update clock', async () => {
  const { data } = await declare()
  const text = '[P2] Voice agent not responding - UPDATE\nStatus: Mitigated\nETA: 5 minutes'
  advanceMockNow(4 * MINUTE)
  const posted = await apiRequest(`/api/incidents/${data.id}/messages`, timelineEvent, {
    method: 'POST',
    body: { template: 'status-update', text, actor: 'priya' },
  })

  expect(posted.status).toBe(201)
  expect(posted.data).toMatchObject({ kind: 'message', text, actor: 'priya' })
  expect(posted.headers.get('ETag')).toBe('"2"')
  expect((await apiFetch(`/api/incidents/${data.id}`, incidentSchema)).lastStatusUpdateAt).toBe(at(NOW + 4 * MINUTE))

  await apiFetch(`/api/incidents/${data.id}/messages`, timelineEvent, { method: 'POST', body: { template: 'internal-alert', text: 'x' } })
  expect((await apiFetch(`/api/incidents/${data.id}`, incidentSchema)).lastStatusUpdateAt).toBe(at(NOW + 4 * MINUTE))
  const unknownTemplate = failure(
    apiFetch(`/api/incidents/${data.id}/messages`, timelineEvent, { method: 'POST', body: { template: 'tweet', text: 'x' } }),
  )
  expect(await unknownTemplate).toMatchObject({ details: { status: 422, body: { field: 'template' } } })
})

test('the timeline is in time order, including events of a seeded past', async () => {
  const seeded: Incident = seedIncident({
    declaredAt: at(NOW - 30 * MINUTE),
    acknowledgedAt: at(NOW - 25 * MINUTE),
    severity: 'P1',
    title: 'LiveKit down',
  })
  await apiFetch(`/api/incidents/${seeded.id}/notes`, timelineEvent, { method: 'POST', body: { text: 'later' } })
  const events = await timeline(seeded.id)

  expect(events.map((e) => e.text)).toEqual(['Declared P1 — LiveKit down', 'Acknowledged', 'later'])
  const times = events.map((e) => Date.parse(e.at))
  expect(times).toEqual([...times].sort((a, b) => a - b))
})

// ---------------------------------------------------------------- the list's ETag

/** GET /api/incidents as a browser sends it, with If-None-Match when `etag` is given. */
const getList = (etag?: string) => fetch('/api/incidents', { headers: etag === undefined ? {} : { 'If-None-Match': etag } })

async function listTag(): Promise<string> {
  const tag = (await getList()).headers.get('ETag')
  if (tag === null) throw new Error('GET /api/incidents sent no ETag.')
  return tag
}

test('the list comes with a weak ETag; If-None-Match naming it gets a bodyless 304 with the same tag', async () => {
  seedIncident()
  const full = await getList()
  const tag = full.headers.get('ETag')
  expect(full.status).toBe(200)
  expect(tag).toMatch(/^W\/"incidents-\d+"$/)
  expect(incidentsResponse.parse(await full.json()).incidents).toHaveLength(1)

  const again = await getList(tag ?? '')
  expect(again.status).toBe(304)
  expect(again.headers.get('ETag')).toBe(tag)
  expect(again.headers.get('Date')).toBe(new Date(NOW).toUTCString())
  expect(await again.text()).toBe('')
})

test.each([
  ['the tag among others', (tag: string) => `W/"incidents-0", ${tag}`],
  ['the tag compared weakly (without W/)', (tag: string) => tag.replace(/^W\//, '')],
  ['*', () => '*'],
])('If-None-Match with %s is a 304', async (_case, header) => {
  seedIncident()
  expect((await getList(header(await listTag()))).status).toBe(304)
})

test('If-None-Match with a tag that is not the current one gets the full list', async () => {
  seedIncident()
  const response = await getList('W/"incidents-999999"')
  expect(response.status).toBe(200)
  expect(incidentsResponse.parse(await response.json()).incidents).toHaveLength(1)
})

const mutations: [string, (incident: Incident) => Promise<unknown>][] = [
  ['a declaration', () => declare()],
  ['a seeded incident', () => Promise.resolve(seedIncident({ title: 'Seeded later' }))],
  ['seeding through the simulator', () => fetch('/api/simulator', { method: 'POST', body: JSON.stringify({ seedIncidents: 3 }) })],
  ['a patch', (i) => patch(i.id, i.version, { title: 'Renamed' })],
  ['an acknowledgement', (i) => change(`/api/incidents/${i.id}/acknowledge`, i.version)],
  ['an escalation', (i) => change(`/api/incidents/${i.id}/escalate`, i.version, { reason: 'no answer' })],
  ['a checklist tick', (i) => change(`/api/incidents/${i.id}/checklist`, i.version, { stepId: 'triage.assess', done: true })],
  ['a note', (i) => apiRequest(`/api/incidents/${i.id}/notes`, timelineEvent, { method: 'POST', body: { text: 'Looking' } })],
  [
    'a message',
    (i) => apiRequest(`/api/incidents/${i.id}/messages`, timelineEvent, { method: 'POST', body: { template: 'internal-alert', text: 'FYI' } }),
  ],
]

test.each(mutations)('after %s the old tag gets 200 and the list under a new tag', async (_case, mutate) => {
  const incident = seedIncident()
  const before = await listTag()
  const response = await mutate(incident)
  if (response instanceof Response) expect(response.ok).toBe(true)

  const after = await getList(before)
  expect(after.status).toBe(200)
  expect(after.headers.get('ETag')).not.toBe(before)
  expect(incidentsResponse.parse(await after.json()).incidents.length).toBeGreaterThan(0)
})

test.each([
  ['a refused change (stale If-Match)', (i: Incident) => failure(patch(i.id, i.version + 5, { title: 'Lost update' }))],
  ['a second acknowledgement', (i: Incident) => change(`/api/incidents/${i.id}/acknowledge`, i.version)],
  ['a patch that changes nothing', (i: Incident) => patch(i.id, i.version, { title: i.title })],
  ['reading the incident and its timeline', (i: Incident) => Promise.all([apiFetch(`/api/incidents/${i.id}`, incidentSchema), timeline(i.id)])],
])('%s keeps the tag: the list did not change', async (_case, act) => {
  const incident = seedIncident({ acknowledgedAt: at(NOW - MINUTE) })
  const before = await listTag()
  await act(incident)
  expect((await getList(before)).status).toBe(304)
})
