import { QueryClient } from '@tanstack/react-query'
import { vi } from 'vitest'
import { resetWorld } from '@/mocks/node'
import { seedIncident, setMockNow } from '../../test/mock-backend'
import { apiConditionalGet, type ApiError } from './client'
import { incidentQueries, patchIncident } from './incidents'
import { incidentsResponse, type Incident } from './schemas'

const NOW = Date.parse('2026-11-27T12:00:00Z')

beforeEach(() => {
  setMockNow(NOW)
})

const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })
/** A refetch, as the 10 s poll does it (the cached list is stale, so it is asked for again); returns what the cache then holds. */
async function fetchList(client: QueryClient): Promise<Incident[] | undefined> {
  await client.query({ ...incidentQueries.list(), staleTime: 0 })
  return client.getQueryData(incidentQueries.list().queryKey)
}

/** Watches the requests the client sends and the statuses they get. */
function watchFetch() {
  const spy = vi.spyOn(globalThis, 'fetch')
  return {
    spy,
    sent: () => spy.mock.calls.map(([, init]) => ({ ifNoneMatch: new Headers(init?.headers).get('If-None-Match'), cache: init?.cache })),
    statuses: () => Promise.all(spy.mock.results.map(async (r) => ((await r.value) as Response).status)),
  }
}

test('a refetch of an unchanged list gets a 304 and keeps the very same array, reading and parsing nothing', async () => {
  seedIncident({ title: 'LLM slow' })
  seedIncident({ title: 'STT down' })
  const client = newClient()
  const first = await fetchList(client)
  expect(first?.map((i) => i.title).sort()).toEqual(['LLM slow', 'STT down'])

  const network = watchFetch()
  const parse = vi.spyOn(JSON, 'parse')
  const second = await fetchList(client)

  expect(second).toBe(first)
  expect(await network.statuses()).toEqual([304])
  expect(network.sent()).toEqual([{ ifNoneMatch: expect.stringMatching(/^W\/"incidents-\d+"$/) as unknown, cache: 'no-store' }])
  expect(parse).not.toHaveBeenCalled()
})

test('a changed list comes whole under its new tag; incidents that did not change keep their objects', async () => {
  const llm = seedIncident({ title: 'LLM slow', declaredAt: new Date(NOW - 60_000).toISOString() })
  seedIncident({ title: 'STT down' })
  const client = newClient()
  const first = await fetchList(client)

  await patchIncident(llm.id, llm.version, { title: 'LLM timeouts' })
  const second = await fetchList(client)

  expect(second).not.toBe(first)
  expect(second?.map((i) => i.title)).toEqual(['STT down', 'LLM timeouts'])
  // Structural sharing still works on a 200: the untouched incident is the same object.
  expect(second?.[0]).toBe(first?.[0])

  // The new answer's tag is the one sent next, and it still holds.
  const network = watchFetch()
  expect(await fetchList(client)).toBe(second)
  expect(await network.statuses()).toEqual([304])
})

test('a new query client holds no tag, so it asks without If-None-Match and gets the full list', async () => {
  seedIncident({ title: 'LLM slow' })
  const first = await fetchList(newClient())

  const network = watchFetch()
  const other = await fetchList(newClient())

  expect(network.sent()).toEqual([{ ifNoneMatch: null, cache: 'no-store' }])
  expect(await network.statuses()).toEqual([200])
  expect(other).toEqual(first)
  expect(other).not.toBe(first)
})

test('a list written into the cache by someone else has no tag: the next fetch asks for the full list', async () => {
  seedIncident({ title: 'LLM slow' })
  const client = newClient()
  const fetched = await fetchList(client)
  const written: Incident[] = (fetched ?? []).map((i) => ({ ...i, title: 'Written locally' }))
  client.setQueryData(incidentQueries.list().queryKey, written)

  const network = watchFetch()
  const next = await fetchList(client)

  expect(network.sent()).toEqual([{ ifNoneMatch: null, cache: 'no-store' }])
  expect(next?.map((i) => i.title)).toEqual(['LLM slow'])
})

test('a 304 to a request that named no tag is an error, not an empty list', async () => {
  vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(null, { status: 304 }))
  const error = await apiConditionalGet('/api/incidents', incidentsResponse, null).then(
    () => null,
    (e: unknown) => e as ApiError,
  )
  expect(error).toMatchObject({ kind: 'http', details: { status: 304 } })
})

test('a 304 hands back the held data itself, with its tag', async () => {
  const held = { data: { incidents: [] }, etag: 'W/"incidents-7"' }
  vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(new Response(null, { status: 304 }))
  const answer = await apiConditionalGet('/api/incidents', incidentsResponse, held)
  expect(answer).toMatchObject({ status: 304, etag: 'W/"incidents-7"' })
  expect(answer.data).toBe(held.data)
})

test('an answer equal to the held list under a new tag moves the tag to the held array, so the next poll is a 304 again', async () => {
  const seeded = { id: 'INC-10001', title: 'LLM slow', declaredAt: new Date(NOW - 60_000).toISOString() }
  seedIncident(seeded)
  const client = newClient()
  const first = await fetchList(client)

  // Another world with the same incident: a new revision, the same content.
  resetWorld({ nowMs: NOW })
  seedIncident(seeded)
  const network = watchFetch()
  const second = await fetchList(client)
  const third = await fetchList(client)

  expect(second).toBe(first)
  expect(third).toBe(first)
  expect(await network.statuses()).toEqual([200, 304])
})
