import { apiFetch, type ApiError } from '@/api/client'
import { declareIncident } from '@/api/incidents'
import { incidentsResponse, simulatorState, timelineResponse, type Incident } from '@/api/schemas'
import { COMPONENTS } from '@/domain/catalog'
import { isOpen } from '@/domain/incident-status'
import { setMockNow } from '../../test/mock-backend'
import { emptyDb } from './db'
import { ROSTER } from '@/backend/roster'
import { MAX_SEED_INCIDENTS, seedIncidents } from './seed-incidents'

const NOW = Date.parse('2026-11-27T12:00:00Z')

beforeEach(() => {
  setMockNow(NOW)
})

const control = (body: unknown) => apiFetch('/api/simulator', simulatorState, { method: 'POST', body })
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError)
const list = async (): Promise<Incident[]> => (await apiFetch('/api/incidents', incidentsResponse)).incidents
const distinct = (values: readonly unknown[]) => new Set(values).size

test('POST /api/simulator { seedIncidents } adds that many incidents, each with its timeline', async () => {
  const state = await control({ seedIncidents: 25 })
  expect(state.scenario).toBe('healthy')

  const incidents = await list()
  expect(incidents).toHaveLength(25)
  expect(distinct(incidents.map((i) => i.id))).toBe(25)
  for (const id of [incidents[0]?.id, incidents[24]?.id]) {
    const { events } = await apiFetch(`/api/incidents/${id ?? ''}/timeline`, timelineResponse)
    expect(events[0]?.kind).toBe('declared')
  }
})

test('seeded incidents add to the store, and a later declaration gets a fresh id', async () => {
  await control({ seedIncidents: 3 })
  await control({ seedIncidents: 2 })
  const declared = await declareIncident({ title: 'After the seed', severity: 'P1', impact: '', services: [] }, 'seed-test-key')

  const incidents = await list()
  expect(incidents).toHaveLength(6)
  expect(distinct(incidents.map((i) => i.id))).toBe(6)
  expect(incidents[0]?.id).toBe(declared.id)
})

test('10,000 seeded incidents cover every severity, status, service and roster person, all declared in the past', () => {
  const db = emptyDb()
  const seeded = seedIncidents(db, 10_000, NOW)

  expect(db.incidents).toHaveLength(10_000)
  expect(distinct(seeded.map((i) => i.severity))).toBe(4)
  expect(distinct(seeded.map((i) => i.status))).toBe(5)
  expect(new Set(seeded.flatMap((i) => i.services))).toEqual(new Set(COMPONENTS))
  // Every roster person, and nobody.
  expect(distinct(seeded.map((i) => i.assignee))).toBe(ROSTER.levels.flatMap((l) => l.people).length + 1)
  const open = seeded.filter((i) => isOpen(i.status)).length
  expect(open).toBeGreaterThan(1_000)
  expect(open).toBeLessThan(9_000)
  for (const i of seeded) {
    expect(Date.parse(i.declaredAt)).toBeLessThan(NOW)
    if (i.acknowledgedAt !== null) expect(Date.parse(i.acknowledgedAt)).toBeLessThanOrEqual(NOW)
  }
})

test('the same count at the same time seeds the same incidents', () => {
  expect(seedIncidents(emptyDb(), 50, NOW)).toEqual(seedIncidents(emptyDb(), 50, NOW))
})

test.each([
  ['zero', 0],
  ['a negative count', -5],
  ['a fraction', 2.5],
  ['more than the bound', MAX_SEED_INCIDENTS + 1],
  ['a string', '100'],
])('422 for seedIncidents as %s, and nothing is seeded', async (_case, seedIncidentsValue) => {
  expect(await failure(control({ seedIncidents: seedIncidentsValue }))).toMatchObject({
    kind: 'http',
    details: { status: 422, body: { field: 'seedIncidents' } },
  })
  expect(await list()).toEqual([])
})

test('the control still refuses unknown fields alongside seedIncidents', async () => {
  expect(await failure(control({ seedIncidents: 1, colour: 'red' }))).toMatchObject({ kind: 'http', details: { status: 422, body: { field: 'colour' } } })
})
