import type { Alert } from '@/api/schemas'
import { PLAYBOOKS } from '@/domain/runbook'
import { attachable, incidentPlaybooks, linkedAlerts } from './incident-playbooks'

const alert = (partial: Partial<Alert> & Pick<Alert, 'id' | 'ruleId' | 'subject'>): Alert => ({
  name: partial.id,
  severity: 'critical',
  state: 'inactive',
  value: null,
  threshold: 0,
  since: null,
  summary: '',
  playbook: null,
  metric: null,
  ...partial,
})

test('linked alerts come from the alert list, or are rebuilt from their id when it no longer has them', () => {
  const current = [alert({ id: 'quota-exceeded:openai', ruleId: 'quota-exceeded', subject: 'openai', name: 'OpenAI quota exceeded' })]
  expect(linkedAlerts(['quota-exceeded:openai', 'error-rate-critical:stt', 'odd'], current)).toEqual([
    { id: 'quota-exceeded:openai', ruleId: 'quota-exceeded', subject: 'openai', name: 'OpenAI quota exceeded', playbook: null },
    { id: 'error-rate-critical:stt', ruleId: 'error-rate-critical', subject: 'stt', name: 'error-rate-critical:stt', playbook: null },
    { id: 'odd', ruleId: 'odd', subject: '', name: 'odd', playbook: null },
  ])
})

test.each([
  ['no alerts, nothing attached', [], [], []],
  ['an alert that has since stopped firing still suggests its playbook', ['error-rate-critical:stt'], [], [['high-error-rate', 'suggested']]],
  ['suggested in runbook order, then attached in the order attached', ['quota-exceeded:openai', 'service-down:stt'], ['database-connection-lost'], [
    ['agent-not-responding', 'suggested'],
    ['rate-limiting', 'suggested'],
    ['database-connection-lost', 'attached'],
  ]],
  ['suggested and attached shows once', ['quota-exceeded:openai'], ['rate-limiting'], [['rate-limiting', 'suggested+attached']]],
  ['an attached slug no playbook has is kept, so it can be detached', [], ['gone'], [['gone', 'attached']]],
] as const)('%s', (_name, alertIds, attached, expected) => {
  const shown = incidentPlaybooks(attached, linkedAlerts(alertIds, []), PLAYBOOKS)
  expect(
    shown.map((p) => [p.slug, [p.suggestedBy.length > 0 ? 'suggested' : '', p.attached ? 'attached' : ''].filter(Boolean).join('+')]),
  ).toEqual(expected)
})

test('the alert list names the playbook when the backend sends one, over our own rules', () => {
  const current = [alert({ id: 'custom:disk', ruleId: 'custom', subject: 'disk', playbook: 'database-connection-lost' })]
  const [only] = incidentPlaybooks([], linkedAlerts(['custom:disk'], current), PLAYBOOKS)
  expect(only?.slug).toBe('database-connection-lost')
  expect(only?.suggestedBy.map((a) => a.id)).toEqual(['custom:disk'])
})

test('only playbooks not already shown can be attached', () => {
  const shown = incidentPlaybooks(['rate-limiting'], [], PLAYBOOKS)
  expect(attachable(PLAYBOOKS, shown).map((p) => p.slug)).toEqual(['agent-not-responding', 'high-error-rate', 'database-connection-lost'])
})
