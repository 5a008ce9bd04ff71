/**
 * Incident changes on TanStack's mutations, hook by hook, against the mock backend: the
 * order and version they are sent on, what the screen shows meanwhile, and the conflict
 * check. The whole page is in src/app/routes/incident*.test.tsx.
 */
import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { addNote, declareIncident, escalateIncident, fetchIncident, incidentQueries, patchIncident } from '@/api/incidents'
import { controlSimulator } from '@/api/simulator'
import { showChanges, useChangesOnTheirWay } from './changes-on-their-way'
import { discardChanges, setIncidentWriteDefaults, writesOf } from './incident-writes'
import { useChangeAssignee, useChangeStatus, useEscalateIncident, useSetChecklistStep } from './use-incident-mutation'
import { useUnsavedChanges } from './use-unsaved-changes'

const clients: QueryClient[] = []

beforeEach(() => {
  localStorage.clear()
})

// A change still retrying must not reach the next test's backend.
afterEach(() => {
  for (const c of clients.splice(0)) discardChanges(c, writesOf(c).map((m) => m.state.variables?.key ?? ''))
})

/** The writes that left for the backend: method, If-Match and Idempotency-Key. */
function watchWrites() {
  const spy = vi.spyOn(globalThis, 'fetch')
  return () =>
    spy.mock.calls.flatMap(([, init]) => {
      const headers = new Headers(init?.headers)
      const method = init?.method ?? 'GET'
      return method === 'GET' ? [] : [{ method, ifMatch: headers.get('If-Match'), key: headers.get('Idempotency-Key') }]
    })
}

let n = 0
/** A new incident on the backend, loaded in a client like the app's (retries as given). */
async function setUp(retries = 0, retryDelayMs = 10) {
  n += 1
  const incident = await declareIncident({ title: 'TTS silent', severity: 'P2', impact: '', services: ['tts'] }, `writes-test-${n}`)
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  clients.push(client)
  setIncidentWriteDefaults(client, { retry: (failures) => failures < retries, retryDelay: () => retryDelayMs })
  client.setQueryData(incidentQueries.detail(incident.id).queryKey, incident)
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
  /** Renders hooks with the incident as the page shows it (`shown`). */
  const render = <T,>(hook: () => T) =>
    renderHook(
      () => {
        const changes = useChangesOnTheirWay(incident.id)
        const { data } = useQuery(incidentQueries.detail(incident.id))
        return { ...hook(), shown: data === undefined ? undefined : showChanges(data, changes) }
      },
      { wrapper },
    )
  const settled = () =>
    waitFor(() => {
      expect(client.isMutating()).toBe(0)
    })
  return { incident, client, render, settled }
}

test('ticks made fast each show at once and go one at a time, each on the version the last one produced', async () => {
  const { incident, render, settled } = await setUp()
  const writes = watchWrites()
  const { result } = render(() => useSetChecklistStep(incident.id))
  const steps = ['triage.assess', 'triage.assign', 'triage.document']

  act(() => {
    for (const stepId of steps) result.current.save({ stepId, done: true })
  })
  expect(result.current.shown?.checklist).toEqual(steps)
  await settled()

  // No 412 on the way: each was sent with the version its predecessor's answer brought.
  expect(writes().map((w) => w.ifMatch)).toEqual(['"1"', '"2"', '"3"'])
  expect(new Set(writes().map((w) => w.key)).size).toBe(3)
  expect(await fetchIncident(incident.id)).toMatchObject({ version: 4, checklist: steps })
  expect(result.current.shown?.checklist).toEqual(steps)
})

test('a failed change leaves the screen at once (its rollback), and what the server said meanwhile stays', async () => {
  const { incident, client, render } = await setUp(3, 5_000)
  const { result } = render(() => useChangeStatus(incident.id))
  await controlSimulator({ faults: { rate: 1, status: 500 } })

  act(() => {
    result.current.save({ status: 'identified' })
  })
  expect(result.current.shown?.status).toBe('identified')
  // A colleague's assignee lands while the change is on its way.
  act(() => {
    client.setQueryData(incidentQueries.detail(incident.id).queryKey, { ...incident, assignee: 'tom', version: 5 })
  })

  await waitFor(() => {
    expect(result.current.problem).toMatch(/^Not saved yet — The server failed \(HTTP 500\)/)
  })
  expect(result.current.shown).toMatchObject({ status: 'investigating', assignee: 'tom', version: 5 })
  expect(result.current.failure).toBe('queued')
})

test('a change someone already made is not made twice: an escalation to L2 stays at L2', async () => {
  const { incident, render, settled } = await setUp()
  // Tom escalates while this responder still sees L1 and escalates too.
  await escalateIncident(incident.id, incident.version, { actor: 'tom' })
  const { result } = render(() => useEscalateIncident(incident.id))
  act(() => {
    result.current.save(undefined)
  })
  await settled()
  expect(await fetchIncident(incident.id)).toMatchObject({ escalationLevel: 2 })
  expect(result.current.problem).toBeNull()
})

test('a 412 caused by an unrelated change is sent again on the newer version; a field someone else set is a conflict', async () => {
  const { incident, render, settled } = await setUp()
  await addNote(incident.id, { text: 'Looking at LiveKit', actor: 'tom' })
  const { result } = render(() => ({ status: useChangeStatus(incident.id), assignee: useChangeAssignee(incident.id), unsaved: useUnsavedChanges(incident.id) }))

  act(() => {
    result.current.status.save({ status: 'identified' })
  })
  await settled()
  expect(await fetchIncident(incident.id)).toMatchObject({ status: 'identified', version: 3 })

  await patchIncident(incident.id, 3, { assignee: 'tom', actor: 'tom' })
  act(() => {
    result.current.assignee.save('ana')
  })
  await settled()
  expect(result.current.assignee.failure).toBe('conflict')
  await waitFor(() => {
    expect(result.current.unsaved.map((u) => [u.kind, u.current?.assignee])).toEqual([['conflict', 'tom']])
  })
  expect((await fetchIncident(incident.id)).assignee).toBe('tom')
})

test('a discarded change is never sent, even when its retry comes due', async () => {
  const { incident, client, render } = await setUp(3, 300)
  await controlSimulator({ faults: { rate: 1, status: 503 } })
  const writes = watchWrites()
  const { result } = render(() => useChangeStatus(incident.id))

  act(() => {
    result.current.save({ status: 'identified' })
  })
  await waitFor(() => {
    expect(result.current.failure).toBe('queued')
  })
  act(() => {
    discardChanges(client, writesOf(client).map((m) => m.state.variables?.key ?? ''))
  })
  await act(() => new Promise((resolve) => setTimeout(resolve, 500)))
  expect(writes()).toHaveLength(1)
  expect(result.current.problem).toBeNull()
})
