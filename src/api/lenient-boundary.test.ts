/**
 * Property tests of the list boundary: valid answers of every list endpoint (taken from
 * the mock backend), mutated at random — a field set to a hostile value or removed, an
 * item replaced or repeated — never make parsing throw, and never lose an item that was
 * valid. 1,000 runs per endpoint: incidents, alerts, health, logs, metrics, an incident's
 * timeline and the alert history.
 */
import fc from 'fast-check'
import { beforeAll, expect, test } from 'vitest'
import { givenScenario, seedIncident } from '../../test/mock-backend'
import { alertSpanKey, readAlertHistory, readAlerts } from './alerts'
import { readHealth } from './health'
import { readIncidents, readTimeline } from './incidents'
import type { SetAside } from './lenient-list'
import { isValidSample, parseSeriesList } from './lenient-series'
import { readLogs } from './logs'

const RUNS = { numRuns: 1000 }
type Item = Record<string, unknown>

/** Values a broken or newer backend might send in any field, as JSON.parse would hand them over. */
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(-1, 5, 0, JSON.parse('1e999') as number, -0, 'FATAL', 'resolved', 'paused', 'redis', '', 'x'.repeat(300), null, [], {}),
)

type Mutation =
  | { kind: 'set'; index: number; key: number; value: unknown }
  | { kind: 'delete'; index: number; key: number }
  | { kind: 'replace'; index: number; value: unknown }
  | { kind: 'repeat'; index: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), index: fc.nat(), key: fc.nat(), value: hostile }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat(), key: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), value: hostile }),
  fc.record({ kind: fc.constant('repeat' as const), index: fc.nat() }),
)

/** Applies the mutations to a copy; returns it and which positions still hold an untouched item. */
function mutate(items: readonly Item[], mutations: readonly Mutation[]): { raw: unknown[]; untouched: boolean[] } {
  const raw: unknown[] = items.map((i) => structuredClone(i))
  const untouched = raw.map(() => true)
  for (const m of mutations) {
    if (raw.length === 0) break
    const index = m.index % raw.length
    const target = raw[index]
    if (m.kind === 'repeat') {
      raw.push(structuredClone(target))
      untouched.push(false)
      continue
    }
    untouched[index] = false
    if (m.kind === 'replace' || typeof target !== 'object' || target === null || Array.isArray(target)) {
      raw[index] = m.kind === 'replace' || m.kind === 'set' ? m.value : null
      continue
    }
    const keys = Object.keys(target)
    const key = keys[m.key % keys.length]
    if (key === undefined) continue
    if (m.kind === 'set') (target as Item)[key] = m.value
    else raw[index] = Object.fromEntries(Object.entries(target).filter(([k]) => k !== key))
  }
  return { raw, untouched }
}

/**
 * Every untouched item is in `kept`, unchanged — unless an earlier item had its id, in
 * which case it was rightly shown once. Nothing is lost without being counted. `id` is a
 * field name, or how to tell items apart when they have no id (alert history spans).
 */
function expectValidItemsKept(
  items: readonly Item[],
  { raw, untouched }: { raw: unknown[]; untouched: boolean[] },
  kept: readonly unknown[],
  setAside: SetAside,
  id: string | ((item: Item) => unknown),
) {
  const idOf = typeof id === 'string' ? (item: Item) => item[id] : id
  expect(kept.length + setAside.count).toBe(raw.length)
  const ids = kept.map((k) => idOf(k as Item))
  expect(new Set(ids).size).toBe(ids.length)
  raw.forEach((candidate, i) => {
    if (untouched[i] !== true) return
    const own = idOf(candidate as Item)
    const shadowed = raw.slice(0, i).some((earlier) => typeof earlier === 'object' && earlier !== null && idOf(earlier as Item) === own)
    if (!shadowed) expect(kept).toContainEqual(items[i])
  })
}

const lists = {
  incidents: [] as Item[],
  alerts: [] as Item[],
  health: [] as Item[],
  logs: [] as Item[],
  series: [] as Item[],
  timeline: [] as Item[],
  spans: [] as Item[],
}

async function getJson(path: string): Promise<Record<string, unknown>> {
  const response = await fetch(path)
  expect(response.ok).toBe(true)
  return (await response.json()) as Record<string, unknown>
}

beforeAll(async () => {
  givenScenario('openai-outage')
  const p1 = seedIncident({ severity: 'P1', status: 'investigating' })
  seedIncident({ severity: 'P3', status: 'resolved', escalationLevel: 2 })
  seedIncident({ severity: 'P2', status: 'mitigated' })
  // A timeline of several events of several kinds: the declaration, an acknowledgement, notes.
  const acknowledged = await fetch(`/api/incidents/${p1.id}/acknowledge`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${String(p1.version)}"` },
    body: JSON.stringify({ actor: 'priya' }),
  })
  expect(acknowledged.ok).toBe(true)
  for (const text of ['Failing over to the backup LLM', 'Vendor paged', 'Error rate falling']) {
    const note = await fetch(`/api/incidents/${p1.id}/notes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text, actor: 'priya' }) })
    expect(note.status).toBe(201)
  }
  const to = new Date()
  const from = new Date(to.getTime() - 10 * 60_000)
  const dayAgo = new Date(to.getTime() - 24 * 60 * 60_000)
  const [incidents, alerts, health, logs, metrics, timeline, history] = await Promise.all([
    getJson('/api/incidents'),
    getJson('/api/alerts'),
    getJson('/api/health'),
    getJson('/api/logs?limit=20'),
    getJson(`/api/metrics?metrics=stt.latency.p95,llm.error_rate,tts.requests&from=${from.toISOString()}&to=${to.toISOString()}&step=60`),
    getJson(`/api/incidents/${p1.id}/timeline`),
    getJson(`/api/alerts/history?from=${dayAgo.toISOString()}&to=${to.toISOString()}`),
  ])
  lists.incidents = incidents.incidents as Item[]
  lists.alerts = alerts.alerts as Item[]
  lists.health = health.components as Item[]
  lists.logs = logs.lines as Item[]
  lists.series = metrics.series as Item[]
  lists.timeline = timeline.events as Item[]
  lists.spans = history.spans as Item[]
  // A property over an empty list proves nothing.
  for (const list of Object.values(lists)) expect(list.length).toBeGreaterThan(1)
})

const mutations = fc.array(mutation, { minLength: 0, maxLength: 4 })

test('the incident list: a mutated answer never throws, and every valid incident is shown', () => {
  fc.assert(
    fc.property(mutations, (ms) => {
      const mutated = mutate(lists.incidents, ms)
      const { items, setAside } = readIncidents(mutated.raw)
      expectValidItemsKept(lists.incidents, mutated, items, setAside, 'id')
    }),
    RUNS,
  )
})

test('alerts: a mutated answer never throws, and every valid alert is shown', () => {
  fc.assert(
    fc.property(mutations, (ms) => {
      const mutated = mutate(lists.alerts, ms)
      const answer = readAlerts({ at: new Date().toISOString(), alerts: mutated.raw })
      expectValidItemsKept(lists.alerts, mutated, answer.alerts, answer.setAside, 'id')
    }),
    RUNS,
  )
})

test('health: a mutated answer never throws, and every valid component is shown', () => {
  fc.assert(
    fc.property(mutations, (ms) => {
      const mutated = mutate(lists.health, ms)
      const answer = readHealth({ at: new Date().toISOString(), components: mutated.raw })
      expectValidItemsKept(lists.health, mutated, answer.components, answer.setAside, 'id')
    }),
    RUNS,
  )
})

test('logs: a mutated answer never throws, and every valid line is shown', () => {
  fc.assert(
    fc.property(mutations, (ms) => {
      const mutated = mutate(lists.logs, ms)
      const answer = readLogs({ lines: mutated.raw })
      expectValidItemsKept(lists.logs, mutated, answer.lines, answer.setAside, 'id')
    }),
    RUNS,
  )
})

test('metrics: a mutated answer never throws, every valid series is shown, and a bad sample is a counted gap', () => {
  const sampleEdit = fc.record({ series: fc.nat(), sample: fc.nat(), value: hostile })
  fc.assert(
    fc.property(mutations, fc.array(sampleEdit, { maxLength: 5 }), (ms, edits) => {
      // Sample edits first, on series the other mutations may then break further.
      const edited = lists.series.map((s) => structuredClone(s))
      const invalidAt = new Map<number, Set<number>>()
      for (const e of edits) {
        const index = e.series % edited.length
        const values = edited[index]?.values as unknown[]
        const at = e.sample % values.length
        values[at] = e.value
        const bad = invalidAt.get(index) ?? new Set<number>()
        if (isValidSample(e.value)) bad.delete(at)
        else bad.add(at)
        invalidAt.set(index, bad)
      }
      const mutated = mutate(edited, ms)
      const answer = parseSeriesList(mutated.raw)
      // A series that only had samples edited is valid data with gaps: it is shown, each bad sample a null.
      const expected = edited.map((s, i) => ({
        ...s,
        values: (s.values as unknown[]).map((v, at) => (invalidAt.get(i)?.has(at) === true ? null : v)),
      }))
      expectValidItemsKept(expected, mutated, answer.series, answer.setAside, 'metric')
      const badInKept = mutated.raw.reduce<number>((n, _, i) => (mutated.untouched[i] === true ? n + (invalidAt.get(i)?.size ?? 0) : n), 0)
      expect(answer.gaps).toBeGreaterThanOrEqual(badInKept)
    }),
    RUNS,
  )
})

test('an incident timeline: a mutated answer never throws, and every valid event is shown', () => {
  fc.assert(
    fc.property(mutations, (ms) => {
      const mutated = mutate(lists.timeline, ms)
      const { items, setAside } = readTimeline(mutated.raw)
      expectValidItemsKept(lists.timeline, mutated, items, setAside, 'id')
    }),
    RUNS,
  )
})

test('the alert history: a mutated answer never throws, and every valid span is shown', () => {
  const spanId = (s: Item) => alertSpanKey({ alertId: String(s.alertId), state: String(s.state) as 'firing', from: String(s.from) })
  fc.assert(
    fc.property(mutations, (ms) => {
      const mutated = mutate(lists.spans, ms)
      const answer = readAlertHistory({ from: new Date(0).toISOString(), to: new Date().toISOString(), spans: mutated.raw })
      expectValidItemsKept(lists.spans, mutated, answer.spans, answer.setAside, spanId)
    }),
    RUNS,
  )
})
