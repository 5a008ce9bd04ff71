import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { PLAYBOOKS } from '@/domain/runbook'
import { ApiError, configureApi } from './client'
import { fetchExtraPlaybooks, mergePlaybooks, playbook, runbookQueries, runbooksResponse, type ServedPlaybook } from './runbooks'

const BASE = 'http://vigil.test'

const diskFull: ServedPlaybook = {
  slug: 'disk-full',
  title: 'Disk Full',
  symptoms: ['Logs stop being written'],
  investigation: [
    { kind: 'command', comment: 'Check disk use', command: 'df -h' },
    { kind: 'check', comment: 'Check growth', text: 'Review the disk usage graph' },
  ],
  causes: [{ id: 'log-rotation', cause: 'Log rotation stopped', check: 'Check logrotate' }],
  resolution: [
    { id: 'free-space', label: 'Delete old logs' },
    { id: 'grow-volume', label: 'Grow the volume' },
  ],
}

test('a served playbook of the right shape parses, and so does every built-in one', () => {
  expect(playbook.parse(diskFull)).toEqual(diskFull)
  expect(playbook.parse({ ...diskFull, overrides: true }).overrides).toBe(true)
  for (const p of PLAYBOOKS) expect(playbook.safeParse(p).success).toBe(true)
})

test.each([
  ['a slug that is not kebab-case', { ...diskFull, slug: 'Disk Full' }, 'slug'],
  ['a slug with a dot (it would split checklist ids)', { ...diskFull, slug: 'disk.full' }, 'slug'],
  ['a blank title', { ...diskFull, title: '   ' }, 'title'],
  ['no resolution steps', { ...diskFull, resolution: [] }, 'resolution'],
  ['repeated step ids', { ...diskFull, resolution: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }, 'resolution'],
  ['repeated cause ids', { ...diskFull, causes: [...diskFull.causes, ...diskFull.causes] }, 'causes'],
  ['an empty command', { ...diskFull, investigation: [{ kind: 'command', comment: 'x', command: '' }] }, 'investigation'],
  ['an unknown investigation kind', { ...diskFull, investigation: [{ kind: 'script', comment: 'x', command: 'ls' }] }, 'investigation'],
  ['symptoms that are not strings', { ...diskFull, symptoms: [42] }, 'symptoms'],
  ['overrides that is not a boolean', { ...diskFull, overrides: 'yes' }, 'overrides'],
] as const)('a playbook with %s is rejected', (_name, input, field) => {
  const result = playbook.safeParse(input)
  expect(result.success).toBe(false)
  expect(result.error?.issues.map((i) => i.path[0])).toContain(field)
})

test('mergePlaybooks appends new slugs after the built-ins, in the order served', () => {
  const other = { ...diskFull, slug: 'cert-expiry', title: 'Certificate Expiry' }
  const merged = mergePlaybooks(PLAYBOOKS, [diskFull, other])
  expect(merged.map((p) => p.slug)).toEqual([...PLAYBOOKS.map((p) => p.slug), 'disk-full', 'cert-expiry'])
})

test('a served playbook reusing a built-in slug is ignored unless it says overrides: true', () => {
  const shadow: ServedPlaybook = { ...diskFull, slug: 'rate-limiting', title: 'Our rate limiting' }
  const kept = mergePlaybooks(PLAYBOOKS, [shadow])
  expect(kept).toEqual(PLAYBOOKS)

  const replaced = mergePlaybooks(PLAYBOOKS, [{ ...shadow, overrides: true }])
  expect(replaced.map((p) => p.slug)).toEqual(PLAYBOOKS.map((p) => p.slug))
  const index = PLAYBOOKS.findIndex((p) => p.slug === 'rate-limiting')
  expect(replaced[index]?.title).toBe('Our rate limiting')
  expect(replaced[index]).not.toHaveProperty('overrides')
})

test('a slug served twice counts once: the first wins', () => {
  const merged = mergePlaybooks([], [diskFull, { ...diskFull, title: 'Second' }])
  expect(merged).toHaveLength(1)
  expect(merged[0]?.title).toBe('Disk Full')
})

// ---------------------------------------------------------------- over the network

const server = setupServer()
beforeAll(() => {
  configureApi({ baseUrl: BASE })
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  server.resetHandlers()
})
afterAll(() => {
  server.close()
  configureApi({ baseUrl: '' })
})

const givenRunbooksApiAnswers = (status: number, body: JsonBodyType) => {
  server.use(http.get(`${BASE}/api/runbooks`, () => HttpResponse.json(body, { status })))
}

test('runbookQueries.extra fetches GET /api/runbooks under the key ["runbooks"] and parses it', async () => {
  givenRunbooksApiAnswers(200, { playbooks: [diskFull] })
  const options = runbookQueries.extra()
  expect(options.queryKey).toEqual(['runbooks'])
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const data = await client.query(options)
  expect(runbooksResponse.parse(data)).toEqual({ playbooks: [diskFull] })
  expect(data.playbooks[0]?.slug).toBe('disk-full')
})

test('a backend without the endpoint (404) serves no extra playbooks', async () => {
  givenRunbooksApiAnswers(404, { message: 'no such route' })
  await expect(fetchExtraPlaybooks()).resolves.toEqual({ playbooks: [] })
})

test('an invalid served playbook fails the whole answer as a schema error', async () => {
  givenRunbooksApiAnswers(200, { playbooks: [{ ...diskFull, resolution: [] }] })
  const error: unknown = await fetchExtraPlaybooks().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).kind).toBe('schema')
})

test('a server failure is an error to show, not an empty list', async () => {
  givenRunbooksApiAnswers(503, { message: 'down' })
  const error: unknown = await fetchExtraPlaybooks().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).status).toBe(503)
})
