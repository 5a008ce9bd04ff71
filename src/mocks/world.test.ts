import { apiFetch, apiRequest } from '@/api/client'
import { incident as incidentSchema, incidentsResponse, simulatorState } from '@/api/schemas'
import { insertIncident } from './db'
import { createHandlers } from './handlers/all'
import { server } from './node'
import { createWorld, STORAGE_KEY, switchScenario, takeFault, freshWorldState, type WorldStorage } from './world'

const NOW = Date.parse('2026-11-27T12:00:00Z')
const clock = () => NOW

beforeEach(() => {
  localStorage.clear()
})

/** A browser tab: its own handlers over a world kept in this browser's localStorage. */
function openTab() {
  const world = createWorld({ storage: localStorage, now: clock })
  server.use(...createHandlers(world))
  return world
}

const declare = (title: string) =>
  apiRequest('/api/incidents', incidentSchema, {
    method: 'POST',
    body: { title, severity: 'P3', impact: 'Some callers', services: ['llm'] },
    headers: { 'Idempotency-Key': title },
  })

test('incidents and the scenario survive a reload', async () => {
  openTab()
  await declare('LLM slow')
  await apiFetch('/api/simulator', simulatorState, { method: 'POST', body: { scenario: 'llm-timeout', seed: 9 } })

  server.resetHandlers()
  openTab()
  const { incidents } = await apiFetch('/api/incidents', incidentsResponse)
  const sim = await apiFetch('/api/simulator', simulatorState)

  expect(incidents.map((i) => [i.id, i.title])).toEqual([['INC-10001', 'LLM slow']])
  expect(sim).toMatchObject({ scenario: 'llm-timeout', seed: 9 })
})

test('two tabs share one store: each reads what the other wrote', () => {
  const tabA = createWorld({ storage: localStorage, now: clock })
  const tabB = createWorld({ storage: localStorage, now: clock })
  tabA.read()
  tabB.read()

  tabA.update((s) => switchScenario(s.sim, 'db-connection-lost', NOW))
  tabB.update((s) => {
    s.sim.seed = 5
  })

  expect(tabA.read().sim.seed).toBe(5)
  expect(tabB.read().sim.epochs.at(-1)?.scenario).toBe('db-connection-lost')
})

test.each([
  ['not JSON', '{"v":1,'],
  ['JSON of the wrong shape', JSON.stringify({ v: 1, sim: { seed: 'one' } })],
  ['an older format', JSON.stringify({ v: 0 })],
])('a stored value that is %s is replaced by a fresh world', (_case, raw) => {
  localStorage.setItem(STORAGE_KEY, raw)
  const world = createWorld({ storage: localStorage, now: clock })

  expect(() => world.read()).not.toThrow()
  // The revision moves on from the world this one replaces (an unused one: 0).
  expect(world.read()).toEqual(freshWorldState(NOW, { revision: 1 }))
  // Written back, so every tab agrees on the fresh world.
  expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')).toEqual(freshWorldState(NOW, { revision: 1 }))
})

test('a full or blocked storage keeps the world working in memory', () => {
  const broken: WorldStorage = {
    getItem: () => null,
    setItem: () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError')
    },
  }
  const world = createWorld({ storage: broken, now: clock })
  world.update((s) => {
    s.sim.seed = 3
  })
  expect(world.read().sim.seed).toBe(3)
})

test('a failed change leaves the state as it was', () => {
  const world = createWorld({ now: clock })
  expect(() =>
    world.update((s) => {
      s.sim.seed = 99
      throw new Error('boom')
    }),
  ).toThrow('boom')
  expect(world.read().sim.seed).toBe(1)
})

test('fault selection spreads failures evenly and depends on the seed', () => {
  const pattern = (seed: number) => {
    const sim = { ...freshWorldState(NOW, { seed }).sim, faults: { rate: 0.3, status: 503 as const } }
    return Array.from({ length: 10 }, () => (takeFault(sim) === null ? '.' : 'x')).join('')
  }
  for (const seed of [1, 2, 3]) expect(pattern(seed).replaceAll('.', '')).toHaveLength(3)
  expect(new Set([1, 2, 3, 4, 5, 6].map(pattern)).size).toBeGreaterThan(1)
})

test('a world reset starts again from a fresh state', () => {
  const world = createWorld({ now: clock })
  world.update((s) => switchScenario(s.sim, 'rate-limiting', NOW))
  world.reset({ seed: 4 })
  expect(world.read()).toEqual(freshWorldState(NOW, { seed: 4, revision: 1 }))
})

test('the store revision moves with every change, is shared by tabs, and a replacing world never reuses one', () => {
  const tabA = createWorld({ storage: localStorage, now: clock })
  const tabB = createWorld({ storage: localStorage, now: clock })
  const start = tabB.read().db.revision
  tabA.update((s) => insertIncident(s.db, { title: 'Seeded in tab A' }, NOW))
  const afterInsert = tabB.read().db.revision
  expect(afterInsert).toBeGreaterThan(start)

  tabB.reset()
  expect(tabA.read().db.incidents).toEqual([])
  expect(tabA.read().db.revision).toBeGreaterThan(afterInsert)
})

test('a world saved before the store had a revision is kept, at revision 0', () => {
  const state = freshWorldState(NOW)
  insertIncident(state.db, { title: 'Declared before the upgrade' }, NOW)
  const { revision: _dropped, ...oldDb } = state.db
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...state, db: oldDb }))
  const world = createWorld({ storage: localStorage, now: clock })
  expect(world.read().db).toEqual({ ...oldDb, revision: 0 })
})

