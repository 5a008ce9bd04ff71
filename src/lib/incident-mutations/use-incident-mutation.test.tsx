import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { declareIncident, fetchIncident, incidentQueries, patchIncident } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { controlSimulator } from '@/api/simulator'
import { outboxSnapshot, queueFailedChange } from '@/lib/outbox/outbox-store'
import { prepareChange } from './changes'
import { useChangeStatus, useEditIncident } from './use-incident-mutation'

beforeEach(() => {
  localStorage.clear()
})
afterEach(() => {
  localStorage.clear()
})

let n = 0
async function setUp() {
  n += 1
  const incident = await declareIncident({ title: 'TTS silent', severity: 'P2', impact: '', services: ['tts'] }, `mutation-test-${n}`)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  queryClient.setQueryData(incidentQueries.detail(incident.id).queryKey, incident)
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  const { result } = renderHook(() => useChangeStatus(incident.id), { wrapper })
  const cached = () => queryClient.getQueryData(incidentQueries.detail(incident.id).queryKey)
  return { incident, queryClient, result, cached }
}

test('the change shows at once and stays once saved', async () => {
  const { result, cached } = await setUp()
  act(() => {
    result.current.save({ status: 'identified' })
  })
  await waitFor(() => {
    expect(cached()?.status).toBe('identified')
  })
  await waitFor(() => {
    expect(result.current.isPending).toBe(false)
  })
  expect(result.current.outcome).toBe('saved')
  expect(cached()).toMatchObject({ status: 'identified', version: 2 })
})

test('a failed save undoes only its own optimistic value: fresher server data that landed meanwhile stays', async () => {
  const { incident, queryClient, result, cached } = await setUp()
  await controlSimulator({ faults: { rate: 1, status: 500 } })
  const fresher: Incident = { ...incident, assignee: 'tom', version: 5 }
  // The moment the optimistic value is in the cache, a refetch lands on top of it.
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && cached()?.status === 'identified') {
      queueMicrotask(() => queryClient.setQueryData(incidentQueries.detail(incident.id).queryKey, fresher))
    }
  })

  act(() => {
    result.current.save({ status: 'identified' })
  })
  await waitFor(() => {
    expect(result.current.failure).toBe('queued')
  })
  unsubscribe()
  expect(cached()).toEqual(fresher)
  expect(result.current.problem).toMatch(/^Not saved yet — The server failed \(HTTP 500\)/)
})

test('a change made while an earlier one waits joins the queue behind it and the screen shows the server value', async () => {
  const { incident, result, cached } = await setUp()
  const earlier = prepareChange(incident, { kind: 'patch', patch: { assignee: 'ana' } }, 'priya', 'earlier')
  act(() => {
    queueFailedChange(earlier, 'HTTP 503', Date.now(), 60_000)
  })

  act(() => {
    result.current.save({ status: 'identified' })
  })
  await waitFor(() => {
    expect(result.current.outcome).toBe('queued')
  })
  expect(cached()?.status).toBe('investigating')
  expect(outboxSnapshot().box.entries.map((e) => e.id)).toEqual(['earlier', expect.any(String)])
  // Nothing was sent: the server still has the first version.
  expect((await fetchIncident(incident.id)).version).toBe(1)
})

test('a follow-up edited in place shows at once and is rolled back when the server refuses it', async () => {
  const { incident, queryClient, cached } = await setUp()
  const item = { id: 'f1', text: 'Add a quota alert', owner: '@ana', due: null, done: false }
  const seeded = await patchIncident(incident.id, incident.version, { followUps: [item] })
  queryClient.setQueryData(incidentQueries.detail(incident.id).queryKey, seeded)
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  const { result } = renderHook(() => useEditIncident(incident.id), { wrapper })
  await controlSimulator({ faults: { rate: 1, status: 422 } })

  // The refusal comes back within a tick: record every text the cache held meanwhile.
  const seen: string[] = []
  const unsubscribe = queryClient.getQueryCache().subscribe(() => {
    const text = cached()?.followUps[0]?.text
    if (text !== undefined && seen.at(-1) !== text) seen.push(text)
  })
  const edited = { ...item, text: 'Alert on quota at 80 %' }
  let saving: Promise<unknown> = Promise.resolve()
  act(() => {
    saving = result.current.saveAsync({ followUps: [edited] }).catch((e: unknown) => e)
  })
  expect(await saving).toMatchObject({ failure: 'rejected' })
  await waitFor(() => {
    expect(result.current.problem).toMatch(/^Not saved/)
  })
  unsubscribe()
  expect(seen).toEqual(['Alert on quota at 80 %', 'Add a quota alert'])
  expect(cached()?.followUps).toEqual([item])
})
