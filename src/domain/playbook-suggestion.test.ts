import { ALERT_INSTANCES } from './alert-rules'
import { playbookForAlert, playbookSuggestions, suggestPlaybooks, type SuggestionAlert } from './playbook-suggestion'
import { BUILT_IN_PLAYBOOK_SLUGS, PLAYBOOKS, type Playbook } from './runbook'

const firing = (ruleId: string, subject: string, playbook?: string | null): SuggestionAlert => ({
  ruleId,
  subject,
  state: 'firing',
  ...(playbook === undefined ? {} : { playbook }),
})

test.each([
  // Our own rules, as alert-rules.ts defines them, without a playbook on the alert.
  // The agent process down is the runbook's first P1, "Voice Agent Service Down".
  ['service-down', 'agent', 'agent-not-responding'],
  ['service-down', 'stt', 'agent-not-responding'],
  ['service-down', 'livekit', 'agent-not-responding'],
  ['service-down', 'database', 'database-connection-lost'],
  ['latency-p95', 'turn', 'agent-not-responding'],
  ['latency-p95', 'llm', 'agent-not-responding'],
  ['error-rate-critical', 'llm', 'high-error-rate'],
  ['error-rate-warning', 'stt', 'high-error-rate'],
  ['retry-rate', 'tts', 'high-error-rate'],
  ['database-connection-lost', 'database', 'database-connection-lost'],
  ['quota-exceeded', 'openai', 'rate-limiting'],
  ['quota-exceeded', 'groq', 'rate-limiting'],
  ['resource-usage', 'database', 'database-connection-lost'],
  // A known rule with a subject it does not list still gets the rule's playbook.
  ['error-rate-critical', 'livekit', 'high-error-rate'],
  // Rules only a real backend has, matched by the words in their ids.
  ['postgres-unreachable', 'db', 'database-connection-lost'],
  ['db-error-rate', 'database', 'database-connection-lost'],
  ['openai-429-spike', 'openai', 'rate-limiting'],
  ['token-rate-limit-hit', 'livekit', 'rate-limiting'],
  ['tts-5xx-errors', 'tts', 'high-error-rate'],
  ['stt-retries-high', 'stt', 'high-error-rate'],
  ['livekit-unresponsive', 'livekit', 'agent-not-responding'],
  ['llm-timeout', 'llm', 'agent-not-responding'],
  ['VoiceAgentHealthCheckFailing', 'agent', 'agent-not-responding'],
  ['process-exited', 'agent', 'agent-not-responding'],
  ['agent-error-rate', 'agent', 'high-error-rate'],
  ['disk-full', 'host', null],
] as const)('%s on %s → %s', (ruleId, subject, expected) => {
  expect(playbookForAlert({ ruleId, subject })).toBe(expected)
})

test("the alert's own playbook slug wins over the rule and the words in its id", () => {
  expect(playbookForAlert(firing('service-down', 'stt', 'rate-limiting'))).toBe('rate-limiting')
  expect(playbookForAlert(firing('disk-full', 'host', 'disk-cleanup'))).toBe('disk-cleanup')
  // A blank or null slug is no slug.
  expect(playbookForAlert(firing('quota-exceeded', 'openai', ''))).toBe('rate-limiting')
  expect(playbookForAlert(firing('quota-exceeded', 'openai', null))).toBe('rate-limiting')
})

test('every rule instance we evaluate points at a built-in playbook', () => {
  for (const instance of ALERT_INSTANCES) {
    expect(BUILT_IN_PLAYBOOK_SLUGS).toContain(playbookForAlert({ ruleId: instance.ruleId, subject: instance.subject }))
  }
})

test('the voice agent down suggests Agent Not Responding, pending already and firing', () => {
  expect(suggestPlaybooks([{ ruleId: 'service-down', subject: 'agent', state: 'pending' }])).toEqual(['agent-not-responding'])
  // With the agent gone its stages report nothing: their rules lack data and suggest nothing more.
  const agentDown: SuggestionAlert[] = [
    firing('service-down', 'agent'),
    { ruleId: 'service-down', subject: 'stt', state: 'nodata' },
    { ruleId: 'error-rate-critical', subject: 'llm', state: 'nodata' },
  ]
  expect(playbookSuggestions(agentDown)).toEqual([{ slug: 'agent-not-responding', alerts: [agentDown[0]] }])
})

test('only pending and firing alerts suggest; inactive and nodata do not', () => {
  const alerts: SuggestionAlert[] = [
    { ruleId: 'quota-exceeded', subject: 'openai', state: 'inactive' },
    { ruleId: 'database-connection-lost', subject: 'database', state: 'nodata' },
    { ruleId: 'retry-rate', subject: 'stt', state: 'pending' },
    { ruleId: 'service-down', subject: 'stt', state: 'resolved' },
  ]
  expect(suggestPlaybooks(alerts)).toEqual(['high-error-rate'])
  expect(suggestPlaybooks([])).toEqual([])
})

test('suggestions are deduplicated and in runbook order, whatever order the alerts came in', () => {
  const alerts = [
    firing('quota-exceeded', 'groq'),
    firing('database-connection-lost', 'database'),
    firing('error-rate-critical', 'stt'),
    firing('quota-exceeded', 'openai'),
    firing('latency-p95', 'turn'),
    firing('error-rate-warning', 'stt'),
  ]
  expect(suggestPlaybooks(alerts)).toEqual([
    'agent-not-responding',
    'high-error-rate',
    'database-connection-lost',
    'rate-limiting',
  ])
})

test('each suggestion carries the fired alerts behind it', () => {
  const groq = { ...firing('quota-exceeded', 'groq'), id: 'quota-exceeded:groq' }
  const openai = { ...firing('quota-exceeded', 'openai'), id: 'quota-exceeded:openai' }
  const off = { ...firing('quota-exceeded', 'openai'), id: 'x', state: 'inactive' }
  expect(playbookSuggestions([groq, off, openai])).toEqual([{ slug: 'rate-limiting', alerts: [groq, openai] }])
})

test('a slug with no playbook to open is dropped; served playbooks join after the built-ins', () => {
  const alerts = [firing('disk-full', 'host', 'disk-cleanup'), firing('quota-exceeded', 'openai')]
  expect(suggestPlaybooks(alerts)).toEqual(['rate-limiting'])
  const diskCleanup: Playbook = { slug: 'disk-cleanup', title: 'Disk Full', symptoms: [], investigation: [], causes: [], resolution: [{ id: 'clean', label: 'Clean up' }] }
  expect(suggestPlaybooks(alerts, [...PLAYBOOKS, diskCleanup])).toEqual(['rate-limiting', 'disk-cleanup'])
  // A list that names a slug twice still suggests it once.
  expect(suggestPlaybooks(alerts, [diskCleanup, diskCleanup])).toEqual(['disk-cleanup'])
})
