import type { Alert } from '@/api/schemas'
import { declareFromAlert, draftFrom, toDeclareRequest, validateDraft, type DeclareDraft } from './declare-form'

/** A firing alert exactly as GET /api/alerts sends one. */
function firingAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'error-rate-critical:stt',
    ruleId: 'error-rate-critical',
    name: 'STT error rate > 10 %',
    severity: 'critical',
    subject: 'stt',
    state: 'firing',
    value: 0.14,
    threshold: 0.1,
    since: '2026-11-27T11:50:00Z',
    summary: 'STT error rate 14 % > 10 % for 5 min',
    playbook: 'high-error-rate',
    metric: 'stt.error_rate',
    ...overrides,
  }
}

test('a firing alert prefills title, impact, its service, a suggested severity and the link to it', () => {
  expect(declareFromAlert(firingAlert())).toEqual({
    title: 'STT error rate > 10 %',
    impact: 'STT error rate 14 % > 10 % for 5 min',
    services: ['stt'],
    severity: 'P2',
    alertIds: ['error-rate-critical:stt'],
  })
})

test.each<[string, Partial<Alert>, readonly Alert[], string, string[]]>([
  ['a core service down is P1', { id: 'service-down:llm', ruleId: 'service-down', subject: 'llm', name: 'LLM down > 1 min' }, [], 'P1', ['llm']],
  ['the database connection lost is P2', { id: 'database-connection-lost:database', ruleId: 'database-connection-lost', subject: 'database' }, [], 'P2', ['database']],
  ['a latency warning is P3', { id: 'latency-p95:tts', ruleId: 'latency-p95', severity: 'warning', subject: 'tts' }, [], 'P3', ['tts']],
  ['the host is not a service', { id: 'resource-usage:cpu', ruleId: 'resource-usage', severity: 'warning', subject: 'host' }, [], 'P3', []],
  [
    'a warning declared while LiveKit is down is P1',
    { id: 'latency-p95:turn', ruleId: 'latency-p95', severity: 'warning', subject: 'turn' },
    [firingAlert({ id: 'service-down:livekit', ruleId: 'service-down', subject: 'livekit' })],
    'P1',
    [],
  ],
])('%s', (_, overrides, alsoFiring, severity, services) => {
  const initial = declareFromAlert(firingAlert(overrides), alsoFiring)
  expect(initial.severity).toBe(severity)
  expect(initial.services).toEqual(services)
  expect(initial.alertIds).toEqual([overrides.id])
})

const valid: DeclareDraft = { ...draftFrom(), title: 'Agent silent', severity: 'P1' }

test.each<[string, Partial<DeclareDraft>, string[]]>([
  ['a title and a severity are enough', {}, []],
  ['a blank title is missing', { title: '   ' }, ['title']],
  ['no severity chosen', { severity: '' }, ['severity']],
  ['a title over 200 characters', { title: 'x'.repeat(201) }, ['title']],
  ['an impact over 2000 characters', { impact: 'x'.repeat(2001) }, ['impact']],
  ['everything wrong at once', { title: '', severity: '', impact: 'x'.repeat(2001) }, ['title', 'severity', 'impact']],
])('validation: %s', (_, patch, fields) => {
  expect(Object.keys(validateDraft({ ...valid, ...patch }))).toEqual(fields)
})

test('the request trims text, keeps services and leaves out what is empty', () => {
  expect(toDeclareRequest({ ...valid, title: '  Agent silent ', impact: ' ', services: ['stt', 'tts'] }, null)).toEqual({
    title: 'Agent silent',
    severity: 'P1',
    impact: '',
    services: ['stt', 'tts'],
  })
  expect(toDeclareRequest({ ...valid, alertIds: ['service-down:stt'] }, 'priya')).toEqual({
    title: 'Agent silent',
    severity: 'P1',
    impact: '',
    services: [],
    alertIds: ['service-down:stt'],
    actor: 'priya',
  })
})

test('an unvalidated draft without severity cannot become a request', () => {
  expect(() => toDeclareRequest({ ...valid, severity: '' }, null)).toThrow(/validated/)
})
