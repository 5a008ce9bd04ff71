import { COMPONENTS, METRIC_IDS, type MetricId } from './catalog'
import {
  ALERT_INSTANCES,
  ALERT_RULES,
  COMPONENT_ALERTS,
  ERROR_RATE_CRITICAL,
  ERROR_RATE_WARNING,
  P95_LATENCY_MS,
  RESOURCE_RATIO,
  RETRY_RATE_WARNING,
  signalLabel,
  thresholdsFor,
  type AlertRule,
} from './alert-rules'

const MIN = 60_000

test('the runbook thresholds are the numbers charts draw', () => {
  expect({ P95_LATENCY_MS, ERROR_RATE_WARNING, ERROR_RATE_CRITICAL, RESOURCE_RATIO, RETRY_RATE_WARNING }).toEqual({
    P95_LATENCY_MS: 3000,
    ERROR_RATE_WARNING: 0.05,
    ERROR_RATE_CRITICAL: 0.1,
    RESOURCE_RATIO: 0.8,
    RETRY_RATE_WARNING: 0.1,
  })
})

// The eight rules of runbook "Monitoring & Alerting", four critical and four warning.
test.each<[string, Pick<AlertRule, 'severity' | 'comparator' | 'threshold' | 'forMs' | 'playbook' | 'name'>]>([
  ['service-down', { name: 'Service down > 1 min', severity: 'critical', comparator: '==', threshold: 0, forMs: MIN, playbook: 'agent-not-responding' }],
  ['error-rate-critical', { name: 'Error rate > 10 %', severity: 'critical', comparator: '>', threshold: 0.1, forMs: 5 * MIN, playbook: 'high-error-rate' }],
  ['database-connection-lost', { name: 'Database connection lost', severity: 'critical', comparator: '==', threshold: 0, forMs: 0, playbook: 'database-connection-lost' }],
  ['quota-exceeded', { name: 'API quota exceeded', severity: 'critical', comparator: '>=', threshold: 1, forMs: 0, playbook: 'rate-limiting' }],
  ['latency-p95', { name: 'P95 latency > 3 s', severity: 'warning', comparator: '>', threshold: 3000, forMs: MIN, playbook: 'agent-not-responding' }],
  ['error-rate-warning', { name: 'Error rate > 5 %', severity: 'warning', comparator: '>', threshold: 0.05, forMs: 15 * MIN, playbook: 'high-error-rate' }],
  ['retry-rate', { name: 'High retry rate', severity: 'warning', comparator: '>', threshold: 0.1, forMs: 5 * MIN, playbook: 'high-error-rate' }],
  ['resource-usage', { name: 'Resource usage > 80 %', severity: 'warning', comparator: '>', threshold: 0.8, forMs: 5 * MIN, playbook: 'agent-not-responding' }],
])('rule %s', (id, expected) => {
  const rule = ALERT_RULES.find((r) => r.id === id)
  expect(rule).toMatchObject(expected)
})

test('there are exactly the eight runbook rules, each id once', () => {
  expect(ALERT_RULES.map((r) => r.id)).toEqual([
    'service-down',
    'error-rate-critical',
    'database-connection-lost',
    'quota-exceeded',
    'latency-p95',
    'error-rate-warning',
    'retry-rate',
    'resource-usage',
  ])
})

test.each([
  ['service-down', 'Service down (up = 0) for 1 min'],
  ['error-rate-critical', 'Error rate above 10 % for 5 min'],
  ['database-connection-lost', 'Database connection check fails (db.up = 0); fires at once'],
  ['quota-exceeded', 'API quota used up (at or above 100 %); fires at once'],
  ['latency-p95', 'P95 latency above 3 s for 1 min'],
  ['error-rate-warning', 'Error rate above 5 % for 15 min'],
  ['retry-rate', 'Retry rate above 10 % for 5 min'],
  ['resource-usage', 'CPU, memory or connection-pool use above 80 % for 5 min'],
])('rule %s states its condition as %j', (id, text) => {
  expect(ALERT_RULES.find((r) => r.id === id)?.conditionText).toBe(text)
})

// Every instance: id, name, metric and playbook, in config order.
test.each([
  ['service-down:agent', 'Voice agent down > 1 min', 'agent.up', 'agent-not-responding'],
  ['service-down:stt', 'STT down > 1 min', 'stt.up', 'agent-not-responding'],
  ['service-down:llm', 'LLM down > 1 min', 'llm.up', 'agent-not-responding'],
  ['service-down:tts', 'TTS down > 1 min', 'tts.up', 'agent-not-responding'],
  ['service-down:livekit', 'LiveKit down > 1 min', 'livekit.up', 'agent-not-responding'],
  ['service-down:database', 'Database down > 1 min', 'db.up', 'database-connection-lost'],
  ['error-rate-critical:stt', 'STT error rate > 10 %', 'stt.error_rate', 'high-error-rate'],
  ['error-rate-critical:llm', 'LLM error rate > 10 %', 'llm.error_rate', 'high-error-rate'],
  ['error-rate-critical:tts', 'TTS error rate > 10 %', 'tts.error_rate', 'high-error-rate'],
  ['database-connection-lost:database', 'Database connection lost', 'db.up', 'database-connection-lost'],
  ['quota-exceeded:openai', 'OpenAI API quota exceeded', 'quota.openai', 'rate-limiting'],
  ['quota-exceeded:groq', 'Groq API quota exceeded', 'quota.groq', 'rate-limiting'],
  ['latency-p95:stt', 'STT P95 latency > 3 s', 'stt.latency.p95', 'agent-not-responding'],
  ['latency-p95:llm', 'LLM P95 latency > 3 s', 'llm.latency.p95', 'agent-not-responding'],
  ['latency-p95:tts', 'TTS P95 latency > 3 s', 'tts.latency.p95', 'agent-not-responding'],
  ['latency-p95:turn', 'Turn P95 latency > 3 s', 'turn.latency.p95', 'agent-not-responding'],
  ['error-rate-warning:stt', 'STT error rate > 5 %', 'stt.error_rate', 'high-error-rate'],
  ['error-rate-warning:llm', 'LLM error rate > 5 %', 'llm.error_rate', 'high-error-rate'],
  ['error-rate-warning:tts', 'TTS error rate > 5 %', 'tts.error_rate', 'high-error-rate'],
  ['retry-rate:stt', 'STT retry rate > 10 %', 'stt.retry_rate', 'high-error-rate'],
  ['retry-rate:llm', 'LLM retry rate > 10 %', 'llm.retry_rate', 'high-error-rate'],
  ['retry-rate:tts', 'TTS retry rate > 10 %', 'tts.retry_rate', 'high-error-rate'],
  ['resource-usage:host.cpu', 'Host CPU > 80 %', 'host.cpu', 'agent-not-responding'],
  ['resource-usage:host.memory', 'Host memory > 80 %', 'host.memory', 'agent-not-responding'],
  ['resource-usage:database', 'Database connection-pool use > 80 %', 'db.pool_use', 'database-connection-lost'],
])('instance %s is %j on %s → playbook %s', (id, name, metric, playbook) => {
  const instance = ALERT_INSTANCES.find((i) => i.id === id)
  expect(instance).toMatchObject({ name, metric, playbook })
})

test('"Service down > 1 min" watches the agent process first: the runbook\'s first P1, "Voice Agent Service Down"', () => {
  expect(ALERT_INSTANCES[0]).toMatchObject({ id: 'service-down:agent', subject: 'agent', metric: 'agent.up', severity: 'critical', forMs: MIN })
})

test('ALERT_INSTANCES is exactly the expansion of the rules, ids unique', () => {
  const ids = ALERT_INSTANCES.map((i) => i.id)
  expect(new Set(ids).size).toBe(ids.length)
  expect(ALERT_INSTANCES).toHaveLength(ALERT_RULES.reduce((sum, r) => sum + r.subjects.length, 0))
  expect(ALERT_INSTANCES).toHaveLength(25)
})

test('every instance carries its rule\'s condition and a metric of the catalog', () => {
  for (const instance of ALERT_INSTANCES) {
    const rule = ALERT_RULES.find((r) => r.id === instance.ruleId)
    expect(rule, instance.id).toBeDefined()
    expect(instance).toMatchObject({
      severity: rule?.severity,
      comparator: rule?.comparator,
      threshold: rule?.threshold,
      forMs: rule?.forMs,
      conditionText: rule?.conditionText,
    })
    expect(METRIC_IDS).toContain(instance.metric)
    expect(instance.id.startsWith(`${instance.ruleId}:`)).toBe(true)
  }
})

test('every instance id is rule:subject, except the host whose two resources are told apart by metric', () => {
  for (const instance of ALERT_INSTANCES) {
    const expected = instance.subject === 'host' ? `${instance.ruleId}:${instance.metric}` : `${instance.ruleId}:${instance.subject}`
    expect(instance.id).toBe(expected)
  }
})

test.each([
  ['agent', ['service-down:agent']],
  ['stt', ['service-down:stt', 'error-rate-critical:stt', 'latency-p95:stt', 'error-rate-warning:stt', 'retry-rate:stt']],
  ['llm', ['service-down:llm', 'error-rate-critical:llm', 'latency-p95:llm', 'error-rate-warning:llm', 'retry-rate:llm']],
  ['tts', ['service-down:tts', 'error-rate-critical:tts', 'latency-p95:tts', 'error-rate-warning:tts', 'retry-rate:tts']],
  ['livekit', ['service-down:livekit']],
  ['database', ['service-down:database', 'database-connection-lost:database', 'resource-usage:database']],
  ['openai', ['quota-exceeded:openai']],
  ['groq', ['quota-exceeded:groq']],
] as const)('the %s health tile is decided by %j', (component, ids) => {
  expect(COMPONENT_ALERTS[component].map((i) => i.id)).toEqual(ids)
})

test('every health component has a critical rule, so it can be down and can be unknown', () => {
  for (const component of COMPONENTS) {
    expect(COMPONENT_ALERTS[component].some((i) => i.severity === 'critical'), component).toBe(true)
  }
})

test.each<[MetricId, { value: number; severity: string; comparator: string; label: string }[]]>([
  ['stt.error_rate', [
    { value: 0.05, severity: 'warning', comparator: '>', label: 'Warning: > 5 % for 15 min' },
    { value: 0.1, severity: 'critical', comparator: '>', label: 'Critical: > 10 % for 5 min' },
  ]],
  ['tts.latency.p95', [{ value: 3000, severity: 'warning', comparator: '>', label: 'Warning: > 3 s for 1 min' }]],
  ['turn.latency.p95', [{ value: 3000, severity: 'warning', comparator: '>', label: 'Warning: > 3 s for 1 min' }]],
  ['llm.retry_rate', [{ value: 0.1, severity: 'warning', comparator: '>', label: 'Warning: > 10 % for 5 min' }]],
  ['host.memory', [{ value: 0.8, severity: 'warning', comparator: '>', label: 'Warning: > 80 % for 5 min' }]],
  ['db.pool_use', [{ value: 0.8, severity: 'warning', comparator: '>', label: 'Warning: > 80 % for 5 min' }]],
  ['quota.groq', [{ value: 1, severity: 'critical', comparator: '>=', label: 'Critical: ≥ 100 %' }]],
  ['livekit.up', [{ value: 0, severity: 'critical', comparator: '==', label: 'Critical: down for 1 min' }]],
  ['agent.up', [{ value: 0, severity: 'critical', comparator: '==', label: 'Critical: down for 1 min' }]],
  // Two critical rules read db.up = 0; the one that fires at once is the line drawn.
  ['db.up', [{ value: 0, severity: 'critical', comparator: '==', label: 'Critical: down (at once)' }]],
  ['stt.latency.p50', []],
  ['llm.requests', []],
  ['livekit.rooms', []],
])('thresholdsFor(%s)', (metric, expected) => {
  expect(thresholdsFor(metric)).toEqual(expected)
})

test('every metric an instance reads has a threshold line for its chart', () => {
  for (const instance of ALERT_INSTANCES) {
    expect(thresholdsFor(instance.metric).map((t) => t.value)).toContain(instance.threshold)
  }
})

test.each<[MetricId, string]>([
  ['stt.error_rate', 'error rate'],
  ['llm.latency.p95', 'P95 latency'],
  ['turn.latency.p50', 'P50 latency'],
  ['tts.retry_rate', 'retry rate'],
  ['quota.openai', 'quota use'],
  ['host.cpu', 'CPU'],
  ['host.memory', 'memory'],
  ['db.pool_use', 'connection-pool use'],
  ['livekit.up', 'up'],
  ['agent.up', 'up'],
  ['livekit.connect_success', 'connect success'],
  ['db.save_failures', 'save failures'],
])('signalLabel(%s) is %j', (metric, label) => {
  expect(signalLabel(metric)).toBe(label)
})
