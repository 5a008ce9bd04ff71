import { incident, type Incident } from '@/api/schemas'
import { declare, newKey, patch, timeline } from './incident-steps'
import { call, expectBody, expectProblem, type ContractTarget, type Method } from './target'

type Write = [name: string, method: Method, suffix: string, body: unknown, guarded: boolean]

const NOTE: Write = ['a note', 'POST', '/notes', { text: 'Restarted the STT worker' }, false]

/** Every write after the declaration: how to send it, and whether it needs If-Match. */
const WRITES: Write[] = [
  NOTE,
  ['a message', 'POST', '/messages', { template: 'status-update', text: 'Still investigating' }, false],
  ['a PATCH', 'PATCH', '', { impact: 'All callers', actor: 'tom' }, true],
  ['an acknowledgement', 'POST', '/acknowledge', { actor: 'tom' }, true],
  ['an escalation', 'POST', '/escalate', { reason: 'no answer in 15 min' }, true],
  ['a checklist tick', 'POST', '/checklist', { stepId: 'triage.assess', done: true }, true],
]

function send(target: ContractTarget, i: Incident, write: Write, key: string) {
  const [, method, suffix, body, guarded] = write
  const headers: Record<string, string> = { 'Idempotency-Key': key }
  if (guarded) headers['If-Match'] = `"${i.version}"`
  return call(target, method, `/api/incidents/${i.id}${suffix}`, { body, headers })
}

export function idempotencyCases(target: () => ContractTarget): void {
  describe('every write honours its Idempotency-Key', () => {
    test.each(WRITES)('%s sent twice with one key: the same answer twice, one timeline event', async (...write) => {
      const declared = await declare(target())
      const key = newKey()
      const first = await send(target(), declared, write, key)
      const retry = await send(target(), declared, write, key)

      expect(first.status).toBeGreaterThanOrEqual(200)
      expect(first.status).toBeLessThan(300)
      expect([retry.status, retry.json, retry.headers.get('ETag')]).toEqual([first.status, first.json, first.headers.get('ETag')])
      expect(first.headers.get('ETag')).toBe(`"${declared.version + 1}"`)
      expect(await timeline(target(), declared.id)).toHaveLength(2)
    })

    test('two copies of one note at the same moment are recorded once', async () => {
      const declared = await declare(target())
      const key = newKey()
      const answers = await Promise.all([1, 2, 3].map(() => send(target(), declared, NOTE, key)))

      expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1)
      expect((await timeline(target(), declared.id)).filter((e) => e.kind === 'note')).toHaveLength(1)
    })

    test('the same key with a different body is a 422, and the second body is not recorded', async () => {
      const declared = await declare(target())
      const key = newKey()
      const path = `/api/incidents/${declared.id}/notes`
      expect((await call(target(), 'POST', path, { body: { text: 'first' }, headers: { 'Idempotency-Key': key } })).status).toBe(201)
      expectProblem(await call(target(), 'POST', path, { body: { text: 'second' }, headers: { 'Idempotency-Key': key } }), 422)
      expect((await timeline(target(), declared.id)).filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['first'])
    })

    test('a refusal is not remembered: after a 412 the same key on the current version is saved', async () => {
      const declared = await declare(target())
      const current = expectBody(await patch(target(), declared.id, declared.version, { impact: 'Some callers' }), 200, incident)
      const key = newKey()

      expectProblem(await patch(target(), declared.id, declared.version, { severity: 'P1' }, key), 412)
      const saved = expectBody(await patch(target(), declared.id, current.version, { severity: 'P1' }, key), 200, incident)
      expect(saved).toMatchObject({ severity: 'P1', version: current.version + 1 })
    })
  })
}
