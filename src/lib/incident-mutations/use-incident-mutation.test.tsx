import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { declareIncident, fetchIncident, incidentQueries, patchIncident } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { controlSimulator } from '@/api/simulator'
import { outboxSnapshot, queueFailedChange } from '@/lib/outbox/outbox-store'
import { prepareChange } from './changes'
import { useChangeAssignee, useChangeStatus, useEditIncident, useSetChecklistStep } from './use-incident-mutation'

beforeEach(() => {
  localStorage.clear()
})
afterEach(() => {
  localStorage.clear()
})

function renderWith<T>(queryClient: QueryClient, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  return renderHook(hook, { wrapper })
}

let n = 0
async function setUp() {
  n += 1
  const incident = await declareIncident({ title: 'TTS silent', severity: 'P2', impact: '', services: ['tts'] }, `mutation-test-${n}`)
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  queryClient.setQueryData(incidentQueries.detail(incident.id).queryKey, incident)
  const { result } = renderWith(queryClient, () => useChangeStatus(incident.id))
  const cached = () => queryClient.getQueryData(incidentQueries.detail(incident.id).queryKey)
  return { incident, queryClient, result, cached }
}

/**
 * What the cache held each time a reader could look (the first microtask after each
 * write, by when a cache listener's own corrections are in), oldest first, repeats merged.
 */
function recordShown<T>(queryClient: QueryClient, read: () => T): () => T[] {
  const shown: T[] = [read()]
  const unsubscribe = queryClient.getQueryCache().subscribe(() => {
    queueMicrotask(() => {
      const now = read()
      if (!Object.is(shown.at(-1), now)) shown.push(now)
    })
  })
  return () => {
    unsubscribe()
    return shown
  }
}

const allSettled = (queryClient: QueryClient) =>
  waitFor(() => {
    expect(queryClient.isMutating()).toBe(0)
  })

test('the change shows at once and stays once saved', async () => {
  const { result, cached } = await setUp()
  act(() => {
    result.current.save({ status: 'identified' })
  })
  // In the cache before save() returned: no promise or timer in between.
  expect(cached()?.status).toBe('identified')
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
  // The moment the optimistic value is in the cache, a refetch lands on top of it (once).
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && cached()?.status === 'identified') {
      unsubscribe()
      queueMicrotask(() => queryClient.setQueryData(incidentQueries.detail(incident.id).queryKey, fresher))
    }
  })

  act(() => {
    result.current.save({ status: 'identified' })
  })
  await waitFor(() => {
    expect(result.current.failure).toBe('queued')
  })
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

test('a fetch of the incident in flight when the change is made cannot overwrite it', async () => {
  const { incident, queryClient, result, cached } = await setUp()
  const shown = recordShown(queryClient, () => cached()?.status)
  // Its answer predates the change.
  const fetching = queryClient.query({ ...incidentQueries.detail(incident.id), staleTime: 0 })

  act(() => {
    result.current.save({ status: 'identified' })
  })
  expect(cached()?.status).toBe('identified')
  await fetching
  await allSettled(queryClient)
  expect(shown()).toEqual(['investigating', 'identified'])
  expect(cached()).toMatchObject({ status: 'identified', version: 2 })
})

test('ticks made fast each build on the last, and the answer to an earlier one never takes a later one off', async () => {
  const { incident, queryClient, cached } = await setUp()
  const { result } = renderWith(queryClient, () => useSetChecklistStep(incident.id))
  const steps = ['triage.assess', 'triage.assign', 'triage.document']
  const ticks = () => steps.map((s) => (cached()?.checklist.includes(s) ? 'x' : '.')).join('')
  const shown = recordShown(queryClient, ticks)

  act(() => {
    for (const stepId of steps) result.current.save({ stepId, done: true })
  })
  expect(ticks()).toBe('xxx')
  // All three were sent on version 1; the server takes them one by one (a 412 and a resend
  // on the newer version for the later ones), so answers land while later ticks wait.
  await allSettled(queryClient)
  expect(shown()).toEqual(['...', 'xxx'])
  const server = await fetchIncident(incident.id)
  expect(server).toMatchObject({ version: 4, checklist: expect.arrayContaining(steps) as unknown })
  expect(cached()).toMatchObject({ version: 4 })
  expect(ticks()).toBe('xxx')
})

test('when one of several changes in flight is refused, only that one is taken off', async () => {
  const { incident, queryClient, cached } = await setUp()
  const { result } = renderWith(queryClient, () => ({ assign: useChangeAssignee(incident.id), tick: useSetChecklistStep(incident.id) }))
  const shown = recordShown(queryClient, () => `${cached()?.assignee ?? '-'} [${cached()?.checklist.join(',') ?? ''}]`)

  act(() => {
    // Nobody of that name is on the roster: the server refuses it (422).
    result.current.assign.save('nobody')
    result.current.tick.save({ stepId: 'triage.assess', done: true })
  })
  await allSettled(queryClient)
  expect(result.current.assign.failure).toBe('rejected')
  expect(shown()).toEqual(['- []', 'nobody [triage.assess]', '- [triage.assess]'])
  expect(cached()).toMatchObject({ assignee: null, checklist: ['triage.assess'], version: 2 })
})

test('a poll cancelled by a later change does not make an earlier change stick when it is refused', async () => {
  const { incident, queryClient, result, cached } = await setUp()
  const { result: assignee } = renderWith(queryClient, () => useChangeAssignee(incident.id))

  act(() => {
    // Nobody of that name is on the roster: refused.
    assignee.current.save('nobody')
  })
  // A poll starts while that is shown; the next change cancels it, and the cancelled
  // fetch puts back what was shown when it started.
  const polling = queryClient.query({ ...incidentQueries.detail(incident.id), staleTime: 0 })
  act(() => {
    // Resolving without a root cause and a resolution: refused too.
    result.current.save({ status: 'resolved' })
  })
  expect(cached()).toMatchObject({ assignee: 'nobody', status: 'resolved' })
  await polling
  await allSettled(queryClient)
  expect(assignee.current.failure).toBe('rejected')
  expect(result.current.failure).toBe('rejected')
  expect(cached()).toEqual(incident)
})
