import { conflictProblem, refusalProblem } from '@/api/endpoints'
import { incident, incidentsResponse, timelineEvent } from '@/api/schemas'
import { sessionResponse } from '@/api/session'
import { declaration, declare, getIncident, newKey, patch, timeline } from './incident-steps'
import { call, expectBody, expectProblem, type ContractTarget } from './target'

export function incidentCases(target: () => ContractTarget): void {
  describe('declaring', () => {
    test('answers 201 with an INC id, the incident as declared, version 1 as the ETag, and a timeline', async () => {
      const request = declaration({ severity: 'P2', services: ['stt', 'tts'], actor: 'priya' })
      const answer = await call(target(), 'POST', '/api/incidents', { body: request, headers: { 'Idempotency-Key': newKey() } })

      const declared = expectBody(answer, 201, incident)
      expect(declared.id).toMatch(/^INC-\d{5,}$/)
      expect(declared).toMatchObject({
        title: request.title,
        severity: 'P2',
        status: 'investigating',
        impact: request.impact,
        services: ['stt', 'tts'],
        assignee: null,
        escalationLevel: 1,
        acknowledgedAt: null,
        version: 1,
      })
      expect(answer.headers.get('ETag')).toBe('"1"')
      expect(await getIncident(target(), declared.id)).toEqual(declared)
      expect((await timeline(target(), declared.id)).map((e) => [e.kind, e.actor])).toEqual([['declared', 'priya']])
    })

    // Decided by the mock's behaviour: a replayed declaration is 200 (not a second 201) with the same incident.
    test('the same Idempotency-Key again answers 200 with the same incident, and declares nothing more', async () => {
      const key = newKey()
      const request = declaration()
      const first = expectBody(await call(target(), 'POST', '/api/incidents', { body: request, headers: { 'Idempotency-Key': key } }), 201, incident)
      const retry = await call(target(), 'POST', '/api/incidents', { body: request, headers: { 'Idempotency-Key': key } })

      expect(expectBody(retry, 200, incident)).toEqual(first)
      const { incidents } = expectBody(await call(target(), 'GET', '/api/incidents'), 200, incidentsResponse)
      expect(incidents.filter((i) => i.title === request.title)).toHaveLength(1)
    })

    test('without an Idempotency-Key it is a 400, and nothing is declared', async () => {
      const request = declaration()
      expectProblem(await call(target(), 'POST', '/api/incidents', { body: request }), 400)
      const { incidents } = expectBody(await call(target(), 'GET', '/api/incidents'), 200, incidentsResponse)
      expect(incidents.some((i) => i.title === request.title)).toBe(false)
    })

    test('the same key with a different declaration is a 422', async () => {
      const key = newKey()
      expectBody(await call(target(), 'POST', '/api/incidents', { body: declaration(), headers: { 'Idempotency-Key': key } }), 201, incident)
      expectProblem(await call(target(), 'POST', '/api/incidents', { body: declaration(), headers: { 'Idempotency-Key': key } }), 422)
    })
  })

  describe('changing an incident needs the version it was made on', () => {
    test('a PATCH without If-Match is a 428 and changes nothing', async () => {
      const declared = await declare(target())
      const answer = await call(target(), 'PATCH', `/api/incidents/${declared.id}`, { body: { impact: 'All callers' } })
      expectProblem(answer, 428)
      expect(await getIncident(target(), declared.id)).toEqual(declared)
    })

    test('a PATCH on the current version answers 200 with version n+1 as the ETag', async () => {
      const declared = await declare(target())
      const answer = await patch(target(), declared.id, declared.version, { impact: 'All callers', actor: 'tom' })

      const changed = expectBody(answer, 200, incident)
      expect(changed).toMatchObject({ impact: 'All callers', version: declared.version + 1 })
      expect(answer.headers.get('ETag')).toBe(`"${declared.version + 1}"`)
      expect((await timeline(target(), declared.id)).at(-1)).toMatchObject({ kind: 'impact', actor: 'tom' })
    })

    test('linking an alert to an open incident lists it and says so on the timeline; unlinking says so too', async () => {
      const declared = await declare(target())
      const linked = expectBody(await patch(target(), declared.id, declared.version, { alertIds: ['error-rate-critical:stt'], actor: 'ana' }), 200, incident)
      expect(linked.alertIds).toEqual(['error-rate-critical:stt'])
      expect((await timeline(target(), declared.id)).at(-1)).toMatchObject({
        kind: 'alert',
        actor: 'ana',
        text: 'Alert linked: STT error rate > 10 % (error-rate-critical:stt)',
      })
      const unlinked = expectBody(await patch(target(), declared.id, linked.version, { alertIds: [] }), 200, incident)
      expect(unlinked.alertIds).toEqual([])
      expect((await timeline(target(), declared.id)).at(-1)).toMatchObject({ kind: 'alert', text: 'Alert unlinked: STT error rate > 10 % (error-rate-critical:stt)' })
    })

    test('a PATCH on a stale version is a 412 carrying the current incident, and changes nothing', async () => {
      const declared = await declare(target())
      const current = expectBody(await patch(target(), declared.id, declared.version, { impact: 'All callers' }), 200, incident)

      const stale = expectBody(await patch(target(), declared.id, declared.version, { impact: 'Some callers' }), 412, conflictProblem)
      expect(stale.current).toEqual(current)
      expect(await getIncident(target(), declared.id)).toEqual(current)
    })

    test.each([
      ['acknowledge', {}],
      ['escalate', { reason: 'no answer' }],
      ['checklist', { stepId: 'triage.assess', done: true }],
    ])('POST …/%s without If-Match is a 428', async (action, body) => {
      const declared = await declare(target())
      expectProblem(await call(target(), 'POST', `/api/incidents/${declared.id}/${action}`, { body }), 428)
      expect((await getIncident(target(), declared.id)).version).toBe(declared.version)
    })
  })

  describe('the status lifecycle', () => {
    test('investigating → closed is refused with a 409 and changes nothing', async () => {
      const declared = await declare(target())
      const refused = expectBody(await patch(target(), declared.id, declared.version, { status: 'closed' }), 409, refusalProblem)
      expect(refused.message).not.toBe('')
      expect(await getIncident(target(), declared.id)).toEqual(declared)
    })

    test('resolving without a root cause and a resolution is a 422; with them it resolves', async () => {
      const declared = await declare(target())
      expectBody(await patch(target(), declared.id, declared.version, { status: 'resolved', rootCause: 'OpenAI outage' }), 422, refusalProblem)
      expect((await getIncident(target(), declared.id)).status).toBe('investigating')

      const body = { status: 'resolved', rootCause: 'OpenAI outage', resolution: 'Switched to Groq' }
      const resolved = expectBody(await patch(target(), declared.id, declared.version, body), 200, incident)
      expect(resolved).toMatchObject({ status: 'resolved', rootCause: 'OpenAI outage', resolution: 'Switched to Groq' })
      expect([resolved.acknowledgedAt, resolved.mitigatedAt, resolved.resolvedAt].every((t) => t !== null)).toBe(true)
    })

    test('the whole way to closed, step by step, and back to investigating', async () => {
      let current = await declare(target())
      const steps = [
        { status: 'identified' },
        { status: 'mitigated', rootCause: 'Quota exhausted', resolution: 'New API key' },
        { status: 'resolved' },
        { status: 'closed' },
        { status: 'investigating' },
      ]
      for (const step of steps) current = expectBody(await patch(target(), current.id, current.version, step), 200, incident)

      expect(current).toMatchObject({ status: 'investigating', mitigatedAt: null, resolvedAt: null, closedAt: null })
      expect(current.acknowledgedAt).not.toBeNull()
      const statusEvents = (await timeline(target(), current.id)).filter((e) => e.kind === 'status')
      expect(statusEvents).toHaveLength(steps.length)
    })

    test('escalation pages L2, L3 and L4 in turn, then is refused (400) at the top', async () => {
      let current = await declare(target())
      for (const level of [2, 3, 4]) {
        const answer = await call(target(), 'POST', `/api/incidents/${current.id}/escalate`, { headers: { 'If-Match': `"${current.version}"` } })
        current = expectBody(answer, 200, incident)
        expect(current.escalationLevel).toBe(level)
        expect(current.assignee).not.toBeNull()
      }
      const top = await call(target(), 'POST', `/api/incidents/${current.id}/escalate`, { headers: { 'If-Match': `"${current.version}"` } })
      expectProblem(top, 400)
      expect((await getIncident(target(), current.id)).escalationLevel).toBe(4)
    })

    test('acknowledging twice is a harmless 200: one acknowledgement, whatever version the second one names', async () => {
      const declared = await declare(target())
      const path = `/api/incidents/${declared.id}/acknowledge`
      const first = expectBody(await call(target(), 'POST', path, { headers: { 'If-Match': `"${declared.version}"` } }), 200, incident)
      const second = expectBody(await call(target(), 'POST', path, { headers: { 'If-Match': `"${declared.version}"` } }), 200, incident)

      expect(second).toEqual(first)
      expect((await timeline(target(), declared.id)).filter((e) => e.kind === 'acknowledged')).toHaveLength(1)
    })
  })

  describe('the timeline', () => {
    test('a note is a 201 event holding the exact text; its ETag is the incident\'s new version', async () => {
      const declared = await declare(target())
      const text = '  Restarted the STT worker\n<b>not bold</b>  '
      const answer = await call(target(), 'POST', `/api/incidents/${declared.id}/notes`, { body: { text, actor: 'tom' } })

      expect(expectBody(answer, 201, timelineEvent)).toMatchObject({ incidentId: declared.id, kind: 'note', actor: 'tom', text })
      expect(answer.headers.get('ETag')).toBe(`"${declared.version + 1}"`)
      expect((await getIncident(target(), declared.id)).version).toBe(declared.version + 1)
    })

    test('a posted status update is logged with its exact text and restarts the update clock', async () => {
      const declared = await declare(target())
      const text = '[P3] Voice agent — UPDATE\nStatus: Mitigated\nETA: 5 minutes'
      const answer = await call(target(), 'POST', `/api/incidents/${declared.id}/messages`, { body: { template: 'status-update', text } })

      expect(expectBody(answer, 201, timelineEvent)).toMatchObject({ kind: 'message', text })
      expect((await getIncident(target(), declared.id)).lastStatusUpdateAt).not.toBeNull()
    })

    test('a checklist tick is on the timeline; ticking it again changes nothing', async () => {
      const declared = await declare(target())
      const path = `/api/incidents/${declared.id}/checklist`
      const body = { stepId: 'triage.assess', done: true }
      const ticked = expectBody(await call(target(), 'POST', path, { body, headers: { 'If-Match': `"${declared.version}"` } }), 200, incident)
      const again = expectBody(await call(target(), 'POST', path, { body, headers: { 'If-Match': `"${ticked.version}"` } }), 200, incident)

      expect(ticked.checklist).toEqual(['triage.assess'])
      expect(again.version).toBe(ticked.version)
      expect((await timeline(target(), declared.id)).filter((e) => e.kind === 'checklist')).toHaveLength(1)
    })

    test('events are in time order', async () => {
      const declared = await declare(target())
      for (const text of ['one', 'two', 'three']) await call(target(), 'POST', `/api/incidents/${declared.id}/notes`, { body: { text } })
      const events = await timeline(target(), declared.id)
      expect(events.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['one', 'two', 'three'])
      const times = events.map((e) => Date.parse(e.at))
      expect(times).toEqual([...times].sort((a, b) => a - b))
    })
  })

  describe('unknown incidents', () => {
    test.each([
      ['PATCH', '', { impact: 'x' }],
      ['POST', '/acknowledge', {}],
      ['POST', '/escalate', {}],
      ['POST', '/checklist', { stepId: 'triage.assess', done: true }],
      ['POST', '/notes', { text: 'hello' }],
      ['POST', '/messages', { template: 'internal-alert', text: 'hello' }],
    ] as const)('%s /api/incidents/INC-99999999%s is a 404', async (method, suffix, body) => {
      const answer = await call(target(), method, `/api/incidents/INC-99999999${suffix}`, { body, headers: { 'If-Match': '"1"' } })
      expectProblem(answer, 404)
    })
  })

  describe('Slack', () => {
    test('a backend without Slack answers 503 with a message and records nothing', async ({ skip }) => {
      const session = expectBody(await call(target(), 'GET', '/api/session'), 200, sessionResponse)
      skip(session.slack, 'this backend posts to Slack; a test target should not')
      const declared = await declare(target())
      const answer = await call(target(), 'POST', `/api/incidents/${declared.id}/messages/slack`, {
        body: { template: 'internal-alert', text: 'INCIDENT: voice agent down' },
      })

      expectProblem(answer, 503)
      expect(await timeline(target(), declared.id)).toHaveLength(1)
    })
  })
}
