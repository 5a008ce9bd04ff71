import { validationProblem } from '@/api/endpoints'
import { incidentsResponse } from '@/api/schemas'
import { declaration, declare, getIncident, newKey, timeline } from './incident-steps'
import { call, expectBody, expectProblem, type Method, type ContractTarget } from './target'

/** Every write; `{id}` is replaced by a fresh incident's id, and If-Match and Idempotency-Key are sent. */
const WRITES: [Method, string][] = [
  ['POST', '/api/incidents'],
  ['PATCH', '/api/incidents/{id}'],
  ['POST', '/api/incidents/{id}/acknowledge'],
  ['POST', '/api/incidents/{id}/escalate'],
  ['POST', '/api/incidents/{id}/checklist'],
  ['POST', '/api/incidents/{id}/notes'],
  ['POST', '/api/incidents/{id}/messages'],
  ['POST', '/api/simulator'],
]

export function validationCases(target: () => ContractTarget): void {
  describe('bodies that are not JSON', () => {
    test.each(WRITES)('%s %s with a body that is not JSON is a 400, and nothing changes', async (method, path) => {
      const declared = await declare(target())
      const answer = await call(target(), method, path.replace('{id}', declared.id), {
        raw: '{"title": "Voice agent',
        headers: { 'If-Match': `"${declared.version}"`, 'Idempotency-Key': newKey() },
      })
      expectProblem(answer, 400)
      expect(await timeline(target(), declared.id)).toHaveLength(1)
    })
  })

  describe('bodies that break the schema are a 422 naming the field', () => {
    // [what, path (after /api/incidents/{id}, or absolute), method, body, the field named]
    const cases: [string, string, Method, unknown, string][] = [
      ['a declaration with an empty title', '/api/incidents', 'POST', declaration({ title: '' }), 'title'],
      ['a declaration with a blank title', '/api/incidents', 'POST', declaration({ title: ' \t ' }), 'title'],
      ['a declaration with severity P0', '/api/incidents', 'POST', { ...declaration(), severity: 'P0' }, 'severity'],
      ['a declaration with a field the contract does not have', '/api/incidents', 'POST', { ...declaration(), priority: 'high' }, 'priority'],
      ['a declaration without an impact', '/api/incidents', 'POST', { title: 'x', severity: 'P1', services: [] }, 'impact'],
      ['a PATCH to status "done"', '', 'PATCH', { status: 'done' }, 'status'],
      ['a PATCH with a follow-up whose text is a number', '', 'PATCH', { followUps: [{ id: 'f1', text: 7, owner: '', due: null, done: false }] }, 'followUps.0.text'],
      ['a PATCH setting the version', '', 'PATCH', { version: 9 }, 'version'],
      ['an empty note', '/notes', 'POST', { text: '' }, 'text'],
      ['a note of 10,001 characters', '/notes', 'POST', { text: 'x'.repeat(10_001) }, 'text'],
      ['a message with an unknown template', '/messages', 'POST', { template: 'tweet', text: 'hi' }, 'template'],
      ['a checklist step done "yes"', '/checklist', 'POST', { stepId: 'triage.assess', done: 'yes' }, 'done'],
      ['an unknown scenario', '/api/simulator', 'POST', { scenario: 'meteor-strike' }, 'scenario'],
      ['a body that is a list', '/notes', 'POST', ['note'], ''],
    ]

    test.each(cases)('%s', async (_case, path, method, body, field) => {
      const declared = await declare(target())
      const url = path.startsWith('/api/') ? path : `/api/incidents/${declared.id}${path}`
      const answer = await call(target(), method, url, { body, headers: { 'If-Match': `"${declared.version}"`, 'Idempotency-Key': newKey() } })

      const problem = expectBody(answer, 422, validationProblem)
      expect(problem.field).toBe(field)
      if (field !== '') expect(problem.message).toContain(field)
      expect(await getIncident(target(), declared.id)).toEqual(declared)
    })
  })

  describe('text PostgreSQL cannot store: NUL characters and half surrogate pairs', () => {
    const NUL = '\u0000'
    // JSON.stringify writes a lone surrogate as the escape \ud83d, which any JSON parser reads back as one.
    const HALF = '\ud83d'
    test.each([
      ['a title', '/api/incidents', 'POST', () => declaration({ title: `Voice${NUL}agent` }), 'title'],
      ['a service', '/api/incidents', 'POST', () => declaration({ services: ['stt', `t${NUL}ts`] }), 'services.1'],
      ['a PATCHed title', '', 'PATCH', () => ({ title: NUL }), 'title'],
      ['a follow-up owner', '', 'PATCH', () => ({ followUps: [{ id: 'f1', text: 'Alert on quota', owner: `@ana${NUL}`, due: null, done: false }] }), 'followUps.0.owner'],
      ['a note', '/notes', 'POST', () => ({ text: `restarted${NUL}` }), 'text'],
      ['a message', '/messages', 'POST', () => ({ template: 'resolution', text: `${NUL}fixed` }), 'text'],
      ['a note, as half a surrogate pair', '/notes', 'POST', () => ({ text: `fire ${HALF}` }), 'text'],
      ['an impact, as the second half of a pair alone', '', 'PATCH', () => ({ impact: '\udd25 callers' }), 'impact'],
    ] as const)('in %s is a 422 naming it, and nothing is stored', async (_case, path, method, body, field) => {
      const declared = await declare(target())
      const url = path.startsWith('/api/') ? path : `/api/incidents/${declared.id}${path}`
      const answer = await call(target(), method, url, { body: body(), headers: { 'If-Match': `"${declared.version}"`, 'Idempotency-Key': newKey() } })

      expect(expectBody(answer, 422, validationProblem).field).toBe(field)
      expect(await getIncident(target(), declared.id)).toEqual(declared)
      expect(await timeline(target(), declared.id)).toHaveLength(1)
      const { incidents } = expectBody(await call(target(), 'GET', '/api/incidents'), 200, incidentsResponse)
      expect(incidents.some((i) => i.title.includes(NUL))).toBe(false)
    })
  })

  describe('a megabyte', () => {
    const MEGABYTE = 'A'.repeat(1024 * 1024)

    test('as a declared title is a 413 or a 422, and declares nothing', async () => {
      const answer = await call(target(), 'POST', '/api/incidents', { body: declaration({ title: MEGABYTE }), headers: { 'Idempotency-Key': newKey() } })
      expect([413, 422]).toContain(answer.status)
      const { incidents } = expectBody(await call(target(), 'GET', '/api/incidents'), 200, incidentsResponse)
      expect(incidents.some((i) => i.title.startsWith('AAAA'))).toBe(false)
    })

    test('as a PATCHed title or a note is a 413 or a 422, and the incident is as it was', async () => {
      const declared = await declare(target())
      const patched = await call(target(), 'PATCH', `/api/incidents/${declared.id}`, { body: { title: MEGABYTE }, headers: { 'If-Match': '"1"' } })
      const noted = await call(target(), 'POST', `/api/incidents/${declared.id}/notes`, { body: { text: MEGABYTE } })

      expect([413, 422]).toContain(patched.status)
      expect([413, 422]).toContain(noted.status)
      expect(await getIncident(target(), declared.id)).toEqual(declared)
      expect(await timeline(target(), declared.id)).toHaveLength(1)
    })
  })
}
