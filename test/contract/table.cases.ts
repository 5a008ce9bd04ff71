/**
 * The endpoint table against each backend: every endpoint, sent an ordinary valid
 * request, answers one of the statuses the table lists for it, and a success parses with
 * the table's response schema. A backend that grows an answer the table does not
 * describe (or lacks an endpoint) fails here before a client meets it.
 */
import { safeParse } from 'zod/mini'
import { ENDPOINTS, type Endpoint } from '@/api/endpoints'
import { declaration, declare, newKey } from './incident-steps'
import { call, type CallOptions, type ContractTarget } from './target'

const HOUR = 3_600_000
const range = () => ({ from: new Date(Date.now() - HOUR).toISOString(), to: new Date().toISOString() })

/** An ordinary request for each endpoint that needs more than its path. */
const EXAMPLES: Record<string, () => CallOptions> = {
  getMetrics: () => ({ query: { metrics: 'db.up,stt.latency.p95', step: '60', ...range() } }),
  getAlertHistory: () => ({ query: range() }),
  getErrorGroups: () => ({ query: range() }),
  getLogs: () => ({ query: { limit: '5' } }),
  declareIncident: () => ({ body: declaration() }),
  patchIncident: () => ({ body: { impact: 'All callers' } }),
  acknowledgeIncident: () => ({ body: { actor: 'tom' } }),
  escalateIncident: () => ({ body: { reason: 'no answer' } }),
  setChecklistStep: () => ({ body: { stepId: 'triage.assess', done: true } }),
  addNote: () => ({ body: { text: 'Looking into it' } }),
  recordMessage: () => ({ body: { template: 'internal-alert', text: 'INCIDENT: voice agent down' } }),
  postSlackMessage: () => ({ body: { template: 'internal-alert', text: 'INCIDENT: voice agent down' } }),
  // The scenario already running: switching to it changes nothing.
  controlSimulator: () => ({ body: {} }),
}

/** Endpoints a plain request cannot check here: the event stream never ends (server-only.test.ts reads it). */
const SKIPPED = new Set(['streamEvents'])

function statusesOf(endpoint: Endpoint): number[] {
  return [...endpoint.responses.map((r) => r.status), ...endpoint.errors]
}

export function tableCases(target: () => ContractTarget): void {
  describe('every endpoint of the table answers as the table says', () => {
    const endpoints = ENDPOINTS.filter((e) => !SKIPPED.has(e.operationId))

    test.for(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', async ([, endpoint], { skip }) => {
      skip(target().kind === 'mock' && !endpoint.path.startsWith('/api/'), 'the mock backend answers /api only')
      const incident = endpoint.path.includes('{id}') ? await declare(target()) : null
      const example = EXAMPLES[endpoint.operationId]?.() ?? {}
      const headers: Record<string, string> = { ...example.headers }
      for (const h of endpoint.headers) {
        if (h.name === 'If-Match' && incident !== null) headers['If-Match'] = `"${incident.version}"`
        if (h.name === 'Idempotency-Key') headers['Idempotency-Key'] = newKey()
      }
      const path = endpoint.path.replace('{id}', incident?.id ?? '')
      const answer = await call(target(), endpoint.method, path, { ...example, headers })

      expect(statusesOf(endpoint), `${answer.status}: ${answer.text.slice(0, 300)}`).toContain(answer.status)
      const body = endpoint.responses.find((r) => r.status === answer.status)?.body ?? null
      if (body !== null) expect(safeParse(body, answer.json).success, answer.text.slice(0, 300)).toBe(true)
    })
  })
}
