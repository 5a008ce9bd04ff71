import type { Incident } from '@/api/schemas'
import { countOpen, filterIncidents, severityCounts, type FilterContext } from './filter-incidents'
import { buildIncident, minutesAgo, NOW } from './incident-builder'
import { DEFAULT_FILTERS, type IncidentFilters } from './incident-filters'

const ctx: FilterContext = { now: NOW, assigneeNames: new Map([['priya', 'Priya Raman']]) }
const view = (overrides: Partial<IncidentFilters>): IncidentFilters => ({ ...DEFAULT_FILTERS, ...overrides })
const ids = (list: readonly Incident[]) => list.map((i) => i.id)

const INCIDENTS: readonly Incident[] = [
  buildIncident({ id: 'INC-1', severity: 'P1', title: 'Voice agent down', services: ['stt', 'openai'], assignee: 'priya', declaredAt: minutesAgo(30) }),
  buildIncident({ id: 'INC-2', severity: 'P2', status: 'identified', title: 'LLM timeouts', services: ['llm'], declaredAt: minutesAgo(20) }),
  buildIncident({ id: 'INC-3', severity: 'P3', status: 'mitigated', title: 'Slow TTS', services: ['tts'], assignee: 'tom', declaredAt: minutesAgo(50) }),
  buildIncident({ id: 'INC-4', severity: 'SEV0', title: 'Everything is on fire', declaredAt: minutesAgo(5) }),
  buildIncident({ id: 'INC-5', severity: 'P1', status: 'resolved', title: 'Database connection lost', services: ['database'], declaredAt: minutesAgo(120), resolvedAt: minutesAgo(60) }),
  buildIncident({ id: 'INC-6', severity: 'P4', status: 'closed', title: 'Typo on the wall', declaredAt: minutesAgo(4000), resolvedAt: minutesAgo(3000), closedAt: minutesAgo(2000) }),
  buildIncident({ id: 'INC-7', severity: 'P2', status: 'resolved', title: 'Groq quota exceeded', services: ['groq'], declaredAt: minutesAgo(3 * 24 * 60), resolvedAt: minutesAgo(2 * 24 * 60) }),
]

test.each<[string, Partial<IncidentFilters>, string[]]>([
  ['the default view: open incidents and those resolved in the last 24 h', {}, ['INC-4', 'INC-1', 'INC-2', 'INC-3', 'INC-5']],
  ['status=open: investigating, identified and mitigated only', { status: ['open'] }, ['INC-4', 'INC-1', 'INC-2', 'INC-3']],
  ['status=resolved, however long ago', { status: ['resolved'] }, ['INC-5', 'INC-7']],
  ['status=closed,identified: either', { status: ['closed', 'identified'] }, ['INC-2', 'INC-6']],
  ['status=all: everything', { status: ['all'] }, ['INC-4', 'INC-1', 'INC-2', 'INC-3', 'INC-5', 'INC-7', 'INC-6']],
  ['severity=P1,P2 (within the default view)', { severity: ['P1', 'P2'] }, ['INC-1', 'INC-2', 'INC-5']],
  ['severity=unknown: every label outside P1–P4', { severity: ['unknown'] }, ['INC-4']],
  ['severity=SEV0: that exact label', { severity: ['SEV0'] }, ['INC-4']],
  ['service=stt', { service: ['stt'] }, ['INC-1']],
  ['service=llm,tts', { service: ['llm', 'tts'] }, ['INC-2', 'INC-3']],
  ['assignee=none: unassigned', { assignee: ['none'] }, ['INC-4', 'INC-2', 'INC-5']],
  ['assignee=priya,tom', { assignee: ['priya', 'tom'] }, ['INC-1', 'INC-3']],
  ['q matches the title, any case', { q: 'llm TIMEOUT' }, ['INC-2']],
  ['q matches the id', { q: 'inc-3' }, ['INC-3']],
  ['q matches the assignee by name', { q: 'priya raman' }, ['INC-1']],
  ['q matches a service by its label', { q: 'OpenAI API' }, ['INC-1']],
  ['q needs every word', { q: 'voice fire' }, []],
  ['filters combine with AND', { severity: ['P1'], status: ['open'], service: ['stt'], q: 'down' }, ['INC-1']],
])('%s', (_, overrides, expected) => {
  expect(ids(filterIncidents(INCIDENTS, view(overrides), ctx))).toEqual(expected)
})

// A newer backend's status ("monitoring") is not one this version knows: it counts as open,
// so the default and "open" views keep it, and no other status filter claims it.
const UNKNOWN_STATUS: readonly Incident[] = [
  buildIncident({ id: 'NEW', severity: 'P1', status: 'monitoring', title: 'Agent silent', declaredAt: minutesAgo(10) }),
  buildIncident({ id: 'RES', severity: 'P1', status: 'resolved', declaredAt: minutesAgo(120), resolvedAt: minutesAgo(60) }),
  buildIncident({ id: 'OLD', severity: 'P1', status: 'closed', declaredAt: minutesAgo(9000), resolvedAt: minutesAgo(8000), closedAt: minutesAgo(8000) }),
]

test.each<[string, Partial<IncidentFilters>, string[]]>([
  ['the default view', {}, ['NEW', 'RES']],
  ['status=open', { status: ['open'] }, ['NEW']],
  ['status=resolved', { status: ['resolved'] }, ['RES']],
  ['status=investigating: not claimed by a status it may not be', { status: ['investigating'] }, []],
  ['status=all', { status: ['all'] }, ['NEW', 'RES', 'OLD']],
  ['q finds the status as sent', { q: 'monitoring', status: ['all'] }, ['NEW']],
])('an incident in an unknown status, %s', (_, overrides, expected) => {
  expect(ids(filterIncidents(UNKNOWN_STATUS, view(overrides), ctx))).toEqual(expected)
  expect(countOpen(UNKNOWN_STATUS)).toBe(1)
})

test('an incident resolved exactly 24 h ago is still recent; a minute more and it is not', () => {
  const at24h = buildIncident({ id: 'A', status: 'resolved', resolvedAt: minutesAgo(24 * 60) })
  const at24h1m = buildIncident({ id: 'B', status: 'resolved', resolvedAt: minutesAgo(24 * 60 + 1) })
  expect(ids(filterIncidents([at24h, at24h1m], DEFAULT_FILTERS, ctx))).toEqual(['A'])
})

test.each<[string, Partial<IncidentFilters>, string[]]>([
  ['severity: unknown first, then P1…P4; open before resolved', { status: ['all'] }, ['INC-4', 'INC-1', 'INC-2', 'INC-3', 'INC-5', 'INC-7', 'INC-6']],
  ['severity reversed: least urgent first', { status: ['all'], reverse: true }, ['INC-6', 'INC-7', 'INC-5', 'INC-3', 'INC-2', 'INC-1', 'INC-4']],
  ['age: newest first', { status: ['all'], sort: 'age' }, ['INC-4', 'INC-2', 'INC-1', 'INC-3', 'INC-5', 'INC-6', 'INC-7']],
  ['age reversed: oldest first', { status: ['all'], sort: 'age', reverse: true }, ['INC-7', 'INC-6', 'INC-5', 'INC-3', 'INC-1', 'INC-2', 'INC-4']],
  ['status: lifecycle order, then severity', { status: ['all'], sort: 'status' }, ['INC-4', 'INC-1', 'INC-2', 'INC-3', 'INC-5', 'INC-7', 'INC-6']],
])('sort by %s', (_, overrides, expected) => {
  expect(ids(filterIncidents(INCIDENTS, view(overrides), ctx))).toEqual(expected)
})

test('sort by deadline: the acknowledgement due soonest first, acknowledged and closed ones last', () => {
  const list = [
    buildIncident({ id: 'P4-old', severity: 'P4', declaredAt: minutesAgo(200) }), // due in 40 min
    buildIncident({ id: 'P1-new', severity: 'P1', declaredAt: minutesAgo(1) }), // due in 4 min
    buildIncident({ id: 'P2-late', severity: 'P2', declaredAt: minutesAgo(20) }), // 5 min overdue
    buildIncident({ id: 'P1-acked', severity: 'P1', declaredAt: minutesAgo(2), acknowledgedAt: minutesAgo(1) }),
    buildIncident({ id: 'SEV0', severity: 'SEV0', declaredAt: minutesAgo(3) }), // P1's budget: due in 2 min
  ]
  expect(ids(filterIncidents(list, view({ sort: 'deadline' }), ctx))).toEqual(['P2-late', 'SEV0', 'P1-new', 'P4-old', 'P1-acked'])
})

test('equal severities are ordered newest first, then by id, so the order is stable', () => {
  const list = [
    buildIncident({ id: 'INC-10', declaredAt: minutesAgo(5) }),
    buildIncident({ id: 'INC-12', declaredAt: minutesAgo(5) }),
    buildIncident({ id: 'INC-11', declaredAt: minutesAgo(1) }),
  ]
  expect(ids(filterIncidents(list, DEFAULT_FILTERS, ctx))).toEqual(['INC-11', 'INC-12', 'INC-10'])
})

test('unknown severities are never dropped and tie by their text', () => {
  const list = [
    buildIncident({ id: 'a', severity: 'P1' }),
    buildIncident({ id: 'b', severity: 'SEV1' }),
    buildIncident({ id: 'c', severity: 'P0' }),
  ]
  expect(ids(filterIncidents(list, DEFAULT_FILTERS, ctx))).toEqual(['c', 'b', 'a'])
})

test('the input is not mutated', () => {
  const list = [...INCIDENTS]
  filterIncidents(list, view({ sort: 'age', reverse: true }), ctx)
  expect(list).toEqual(INCIDENTS)
})

test('severity counts apply every filter but severity, and count unknown labels together', () => {
  expect(severityCounts(INCIDENTS, view({ severity: ['P1'] }), ctx)).toEqual({ P1: 2, P2: 1, P3: 1, P4: 0, unknown: 1 })
  expect(severityCounts(INCIDENTS, view({ status: ['all'] }), ctx)).toEqual({ P1: 2, P2: 2, P3: 1, P4: 1, unknown: 1 })
  expect(severityCounts(INCIDENTS, view({ status: ['open'], service: ['stt', 'llm'] }), ctx)).toEqual({
    P1: 1,
    P2: 1,
    P3: 0,
    P4: 0,
    unknown: 0,
  })
})

test('countOpen counts investigating, identified and mitigated incidents', () => {
  expect(countOpen(INCIDENTS)).toBe(4)
  expect(countOpen([])).toBe(0)
})
