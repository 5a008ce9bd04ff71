import { expect, test } from 'vitest'
import { alertsResponse, type Alert } from '@/api/schemas'
import { simulatedAlerts } from '@/backend/telemetry/simulated'
import { freshSimState, simConfig } from '@/backend/sim-state'
import { ALERT_INSTANCES } from '@/domain/alert-rules'
import type { ScenarioName } from '@/domain/catalog'
import { SourceError } from '../source'
import { PrometheusError } from './client'
import { fakeClient, instance, lhsOf, vector, vigilGroups, vigilRule } from './fake-rules-client'
import { prometheusAlerts } from './alerts'
import { conditionSide } from './rule-states'
import { clientForSimulator } from './simulated-rules'

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
const MIN = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

function byId(alerts: readonly Alert[], id: string): Alert {
  const found = alerts.find((a) => a.id === id)
  if (found === undefined) throw new Error(`no alert ${id}`)
  return found
}

/** Prometheus cannot say when a rule went quiet or lost its data: `since` is null there. */
const withoutQuietSince = (alerts: readonly Alert[]) =>
  alerts.map((a) => (a.state === 'inactive' || a.state === 'nodata' ? { ...a, since: null } : a))

test.each<ScenarioName>(['healthy', 'db-connection-lost', 'openai-outage', 'rate-limiting', 'llm-timeout'])(
  'the %s world read through Prometheus rules gives the simulator’s alerts: order, states, values, since and summaries',
  async (scenario) => {
    const config = simConfig(freshSimState(NOW, { scenario }))
    const answer = await prometheusAlerts(clientForSimulator(config, NOW), NOW)
    const expected = simulatedAlerts(config, NOW)
    expect(alertsResponse.safeParse(answer).success).toBe(true)
    expect(answer.alerts.map((a) => a.id)).toEqual(ALERT_INSTANCES.map((i) => i.id))
    expect(answer).toEqual({ at: expected.at, alerts: withoutQuietSince(expected.alerts) })
    if (scenario !== 'healthy') expect(answer.alerts.some((a) => a.state === 'firing')).toBe(true)
  },
)

test('a firing rule: since is when it fired (activeAt + for), value parsed, names and playbook from the catalog', async () => {
  const stt = instance('error-rate-critical:stt')
  const activeAt = NOW - 8 * MIN
  const client = fakeClient({
    rules: vigilGroups({
      [stt.id]: {
        state: 'firing',
        alerts: [{ labels: {}, annotations: {}, state: 'firing', activeAt: iso(activeAt), value: '1.4200000000e-01' }],
      },
    }),
    readings: { 'stt.error_rate': [0.142] },
  })
  const alert = byId((await prometheusAlerts(client, NOW)).alerts, stt.id)
  expect(alert).toEqual({
    id: stt.id,
    ruleId: 'error-rate-critical',
    name: stt.name,
    severity: 'critical',
    subject: 'stt',
    state: 'firing',
    value: 0.142,
    threshold: 0.1,
    since: iso(activeAt + 5 * MIN),
    summary: 'STT error rate 14.2 % > 10 % for 5 min — firing',
    playbook: 'high-error-rate',
    metric: 'stt.error_rate',
  })
})

test('a pending rule: since is activeAt and the summary says how long of its for: it has held', async () => {
  const id = 'error-rate-critical:tts'
  const client = fakeClient({
    rules: vigilGroups({
      [id]: {
        state: 'pending',
        alerts: [{ labels: {}, annotations: {}, state: 'pending', activeAt: iso(NOW - 2 * MIN), value: '0.2' }],
      },
    }),
  })
  const alert = byId((await prometheusAlerts(client, NOW)).alerts, id)
  expect(alert.state).toBe('pending')
  expect(alert.since).toBe(iso(NOW - 2 * MIN))
  expect(alert.summary).toBe('TTS error rate 20 % > 10 % for 2 min of 5 min — pending')
})

test('of several alerts of one rule, a firing one speaks for the instance', async () => {
  const id = 'service-down:livekit'
  const client = fakeClient({
    rules: vigilGroups({
      [id]: {
        alerts: [
          { labels: { instance: 'a' }, annotations: {}, state: 'pending', activeAt: iso(NOW - 30_000), value: '0' },
          { labels: { instance: 'b' }, annotations: {}, state: 'firing', activeAt: iso(NOW - 3 * MIN), value: '0' },
        ],
      },
    }),
  })
  const alert = byId((await prometheusAlerts(client, NOW)).alerts, id)
  expect(alert).toMatchObject({ state: 'firing', since: iso(NOW - 2 * MIN), value: 0, summary: 'LiveKit down > 1 min — firing' })
})

test('a NaN or infinite alert value is null, not a number the contract cannot carry', async () => {
  const stt = 'error-rate-critical:stt'
  const llm = 'error-rate-critical:llm'
  const client = fakeClient({
    rules: vigilGroups({
      [stt]: { alerts: [{ labels: {}, annotations: {}, state: 'firing', activeAt: iso(NOW - 6 * MIN), value: 'NaN' }] },
      [llm]: { alerts: [{ labels: {}, annotations: {}, state: 'firing', activeAt: iso(NOW - 6 * MIN), value: '+Inf' }] },
    }),
  })
  const { alerts } = await prometheusAlerts(client, NOW)
  expect(byId(alerts, stt)).toMatchObject({ state: 'firing', value: null })
  expect(byId(alerts, llm)).toMatchObject({ state: 'firing', value: null })
  expect(alertsResponse.safeParse({ at: iso(NOW), alerts }).success).toBe(true)
})

test('an inactive rule takes its value from its condition read now; an empty or NaN reading is nodata', async () => {
  const client = fakeClient({
    rules: vigilGroups(),
    readings: { 'stt.error_rate': [0.021], 'llm.error_rate': [], 'tts.error_rate': [Number.NaN] },
  })
  const { alerts } = await prometheusAlerts(client, NOW)
  expect(byId(alerts, 'error-rate-critical:stt')).toMatchObject({ state: 'inactive', value: 0.021, since: null, summary: 'STT error rate 2.1 % — inactive' })
  expect(byId(alerts, 'error-rate-critical:llm')).toMatchObject({ state: 'nodata', value: null, summary: 'LLM error rate: no data' })
  expect(byId(alerts, 'error-rate-warning:tts')).toMatchObject({ state: 'nodata', summary: 'TTS error rate: no data' })
  // One reading per distinct condition, at now: the warning and critical rules share theirs.
  const reads = client.calls.filter((c) => c.kind === 'query')
  expect(reads.filter((c) => c.expr === lhsOf('stt.error_rate'))).toEqual([{ kind: 'query', expr: lhsOf('stt.error_rate'), atMs: NOW }])
})

test('a reading Prometheus rejects leaves the rule’s own state, without a value', async () => {
  const client = fakeClient({
    rules: vigilGroups(),
    readings: { 'db.pool_use': new PrometheusError('error', 'bad_data: parse error') },
  })
  const alert = byId((await prometheusAlerts(client, NOW)).alerts, 'resource-usage:database')
  expect(alert).toMatchObject({ state: 'inactive', value: null })
})

test('a rule Prometheus cannot evaluate is nodata, and the summary carries its error', async () => {
  const id = 'latency-p95:llm'
  const client = fakeClient({
    rules: vigilGroups({
      [id]: { health: 'err', lastError: 'vector contains metrics with the same labelset after applying alert labels' },
      'latency-p95:tts': { health: 'unknown' },
    }),
    readings: { 'llm.latency.p95': [900], 'tts.latency.p95': [800] },
  })
  const { alerts } = await prometheusAlerts(client, NOW)
  expect(byId(alerts, id)).toMatchObject({
    state: 'nodata',
    value: null,
    since: null,
    summary: 'LLM P95 latency: no data — Prometheus cannot evaluate the rule: vector contains metrics with the same labelset after applying alert labels',
  })
  expect(byId(alerts, 'latency-p95:tts').summary).toBe('TTS P95 latency: no data — Prometheus has not evaluated the rule yet')
})

test('the team’s own rules are ignored, whatever their shape or state', async () => {
  const foreign = vigilRule(instance('service-down:stt'), {
    name: 'TeamDiskFull',
    query: 'node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1',
    labels: { severity: 'page', team: 'voice' },
    state: 'firing',
    alerts: [{ labels: {}, annotations: {}, state: 'firing', activeAt: 'not a time', value: 'NaN' }],
  })
  const odd = vigilRule(instance('service-down:stt'), { name: 'TeamNoLabels', query: 'absent(up)', labels: {} })
  const client = fakeClient({
    rules: { groups: [{ name: 'team', rules: [foreign, odd] }, ...vigilGroups().groups] },
    readings: { 'stt.up': [1] },
  })
  const { alerts } = await prometheusAlerts(client, NOW)
  expect(alerts).toHaveLength(ALERT_INSTANCES.length)
  expect(alerts.filter((a) => a.state === 'firing')).toEqual([])
  expect(client.calls.some((c) => c.expr === 'absent(up)' || c.expr?.includes('node_filesystem'))).toBe(false)
})

test('with no Vigil rules loaded, every alert is nodata and says the rules are not loaded', async () => {
  const client = fakeClient({ rules: { groups: [{ name: 'team', rules: [vigilRule(instance('service-down:stt'), { labels: {} })] }] } })
  const { alerts } = await prometheusAlerts(client, NOW)
  expect(alerts.map((a) => a.state)).toEqual(ALERT_INSTANCES.map(() => 'nodata'))
  expect(byId(alerts, 'database-connection-lost:database').summary).toMatch(
    /^Database up: no data — the Vigil rules are not loaded in Prometheus/,
  )
})

test('a Vigil rule missing from a loaded rules file is nodata: the rules are out of date', async () => {
  const groups = vigilGroups()
  const [group] = groups.groups
  if (group === undefined) throw new Error('no group')
  group.rules = group.rules.filter((r) => r.labels['vigil_alert'] !== 'quota-exceeded:groq')
  const { alerts } = await prometheusAlerts(fakeClient({ rules: groups, readings: { 'quota.groq': [0.3] } }), NOW)
  expect(byId(alerts, 'quota-exceeded:groq')).toMatchObject({
    state: 'nodata',
    summary: 'Groq API quota use: no data — Prometheus has no rule with vigil_alert="quota-exceeded:groq": its Vigil rules are out of date',
  })
})

test.each([
  ['unreachable', 503],
  ['timeout', 504],
  ['error', 502],
  ['bad_response', 502],
] as const)('rules API %s → SourceError %i naming Prometheus', async (kind, status) => {
  const client = fakeClient({ rules: new PrometheusError(kind, 'cannot reach Prometheus at 127.0.0.1:9090: ECONNREFUSED') })
  const error: unknown = await prometheusAlerts(client, NOW).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(SourceError)
  expect(error).toMatchObject({ status, message: 'Cannot read the alert rules from Prometheus: cannot reach Prometheus at 127.0.0.1:9090: ECONNREFUSED' })
})

test('Prometheus timing out on a reading fails the answer too (504), rather than calling the signal missing', async () => {
  const client = fakeClient({
    rules: vigilGroups(),
    query: (expr, at) => (expr === lhsOf('db.up') ? new PrometheusError('timeout', 'timed out after 10000 ms') : vector([1], at)),
  })
  await expect(prometheusAlerts(client, NOW)).rejects.toMatchObject({ name: 'SourceError', status: 504 })
})

test.each([
  ['(sum(rate(a[1m]))) > 0.1', '(sum(rate(a[1m])))'],
  ['(min(up{job="postgres"})) == 0', '(min(up{job="postgres"}))'],
  ['(x > 1) >= 1', '(x > 1)'],
  ['x > bool 3e+03', 'x'],
  ['(histogram_quantile(0.95, sum by (le) (rate(b[1m]))) * 1000) > 3000', '(histogram_quantile(0.95, sum by (le) (rate(b[1m]))) * 1000)'],
  ['absent(up)', null],
  ['a > b', null],
])('the condition side of %s is %s', (query, side) => {
  expect(conditionSide(query)).toBe(side)
})
