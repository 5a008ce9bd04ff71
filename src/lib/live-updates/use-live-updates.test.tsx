import { act, render, screen, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { alertQueries } from '@/api/alerts'
import { addNote, declareIncident, incidentQueries, patchIncident } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { controlSimulator, simulatorQueries } from '@/api/simulator'
import { createFakeEventSources } from './fake-event-source'
import { LiveUpdates, useLiveConnection } from './live-updates'
import { LiveUpdatesEnvironmentProvider, type LiveUpdatesEnvironment } from './live-updates-environment'

// Set up through the API itself (lib code and its tests stay clear of test/ and the mocks).
const declare = (impact = 'Some callers') =>
  declareIncident({ title: 'LLM slow', severity: 'P3', impact, services: ['llm'] }, crypto.randomUUID())
const switchScenario = () => controlSimulator({ scenario: 'openai-outage' })

/** Shows what the cache holds for one incident, the alerts and the simulator, as a page would. */
function Probe({ id }: { id: string }) {
  const detail = useQuery(incidentQueries.detail(id))
  const timeline = useQuery(incidentQueries.timeline(id))
  const list = useQuery(incidentQueries.list())
  const alerts = useQuery(alertQueries.current())
  const simulator = useQuery(simulatorQueries.state())
  const connection = useLiveConnection()
  const notes = (timeline.data ?? []).filter((e) => e.kind === 'note').map((e) => e.text)
  return (
    <ul>
      <li>Impact: {detail.data?.impact ?? '…'}</li>
      <li>Listed impact: {list.data?.find((i) => i.id === id)?.impact ?? '…'}</li>
      <li>Notes: {notes.length === 0 ? 'none' : notes.join(', ')}</li>
      <li>Active alerts: {alerts.data ? alerts.data.alerts.filter((a) => a.state !== 'inactive').length : '…'}</li>
      <li>Scenario: {simulator.data?.scenario ?? '…'}</li>
      <li>Connection: {connection.kind}</li>
    </ul>
  )
}

function renderLive(incident: Incident, environment: Partial<LiveUpdatesEnvironment> = {}) {
  const sources = createFakeEventSources()
  // As the app's, minus retries: a test states its failures.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } })
  const view = render(
    <QueryClientProvider client={queryClient}>
      <LiveUpdatesEnvironmentProvider value={{ EventSource: sources.EventSource, random: () => 0, ...environment }}>
        <LiveUpdates>
          <Probe id={incident.id} />
        </LiveUpdates>
      </LiveUpdatesEnvironmentProvider>
    </QueryClientProvider>,
  )
  return { sources, queryClient, ...view }
}

async function loaded(incident: Incident) {
  await screen.findByText(`Impact: ${incident.impact}`)
  await screen.findByText(`Listed impact: ${incident.impact}`)
  await screen.findByText('Notes: none')
  await screen.findByText('Scenario: healthy')
  await screen.findByText(/Active alerts: \d+/)
}

const change = (notice: unknown) => JSON.stringify(notice)

test('an incident message refetches that incident, its timeline and the list; junk before it changes nothing', async () => {
  const seeded = await declare()
  const { sources } = renderLive(seeded)
  await loaded(seeded)
  act(() => {
    sources.latest().open()
  })

  // Changed behind the page's back, as another responder would.
  const patched = await patchIncident(seeded.id, seeded.version, { impact: 'Every caller' })
  const { version } = await addNote(seeded.id, { text: 'Failing over' })
  await switchScenario()
  act(() => {
    sources.latest().send('change', 'not json')
    sources.latest().send('change', change({ type: 'comet', id: seeded.id }))
    sources.latest().send('change', change({ type: 'incident', id: seeded.id, version: version ?? patched.version + 1 }))
  })

  expect(await screen.findByText('Impact: Every caller')).toBeInTheDocument()
  expect(await screen.findByText('Listed impact: Every caller')).toBeInTheDocument()
  expect(await screen.findByText('Notes: Failing over')).toBeInTheDocument()
  // An incident's change leaves the simulator's and alerts' queries alone.
  expect(screen.getByText('Scenario: healthy')).toBeInTheDocument()
})

test('an incident message for a version the cache already holds skips the detail, still refreshing the timeline', async () => {
  const seeded = await declare()
  const { sources, queryClient } = renderLive(seeded)
  await loaded(seeded)
  act(() => {
    sources.latest().open()
  })

  const { version } = await addNote(seeded.id, { text: 'Saved here' })
  if (version === null) throw new Error('the note came without a version')
  // This tab's own save already wrote that version into the cache (here with a local mark).
  const detailKey = incidentQueries.detail(seeded.id).queryKey
  queryClient.setQueryData(detailKey, { ...seeded, version, impact: 'As saved here' })
  await screen.findByText('Impact: As saved here')
  act(() => {
    sources.latest().send('change', change({ type: 'incident', id: seeded.id, version }))
  })

  expect(await screen.findByText('Notes: Saved here')).toBeInTheDocument()
  expect(screen.getByText('Impact: As saved here')).toBeInTheDocument()
  expect(queryClient.getQueryState(detailKey)?.isInvalidated).toBe(false)
})

test('an alerts message refetches alerts, health and the simulator, not incidents', async () => {
  const seeded = await declare()
  const { sources } = renderLive(seeded)
  await loaded(seeded)
  expect(screen.getByText('Active alerts: 0')).toBeInTheDocument()
  act(() => {
    sources.latest().open()
  })

  await switchScenario()
  await patchIncident(seeded.id, seeded.version, { impact: 'Every caller' })
  act(() => {
    sources.latest().send('change', change({ type: 'alerts' }))
  })

  expect(await screen.findByText('Scenario: openai-outage')).toBeInTheDocument()
  expect(await screen.findByText(/Active alerts: [1-9]/)).toBeInTheDocument()
  expect(screen.getByText('Impact: Some callers')).toBeInTheDocument()
})

test('a resync refetches incidents and alerts alike', async () => {
  const seeded = await declare()
  const { sources } = renderLive(seeded)
  await loaded(seeded)
  act(() => {
    sources.latest().open()
  })

  await switchScenario()
  await patchIncident(seeded.id, seeded.version, { impact: 'Every caller' })
  act(() => {
    sources.latest().send('change', change({ type: 'resync' }))
  })

  expect(await screen.findByText('Impact: Every caller')).toBeInTheDocument()
  expect(await screen.findByText('Listed impact: Every caller')).toBeInTheDocument()
  expect(await screen.findByText('Scenario: openai-outage')).toBeInTheDocument()
})

test('after a drop the stream reconnects by itself and refetches what it may have missed', async () => {
  const seeded = await declare()
  const { sources } = renderLive(seeded)
  await loaded(seeded)
  act(() => {
    sources.latest().open()
  })
  expect(await screen.findByText('Connection: live')).toBeInTheDocument()

  act(() => {
    sources.latest().fail()
  })
  expect(await screen.findByText('Connection: down')).toBeInTheDocument()
  // Missed while down: no message will ever say so.
  await patchIncident(seeded.id, seeded.version, { impact: 'Every caller' })
  await switchScenario()
  // random() = 0: the first retry comes after half a second.
  await waitFor(() => {
    expect(sources.opened).toHaveLength(2)
  })
  act(() => {
    sources.latest().open()
  })

  expect(await screen.findByText('Connection: live')).toBeInTheDocument()
  expect(await screen.findByText('Impact: Every caller')).toBeInTheDocument()
  expect(await screen.findByText('Scenario: openai-outage')).toBeInTheDocument()
})

test('unmounting closes the stream and cancels a pending reconnect', async () => {
  const seeded = await declare()
  const { sources, unmount } = renderLive(seeded)
  await loaded(seeded)
  act(() => {
    sources.latest().fail()
  })
  expect(await screen.findByText('Connection: down')).toBeInTheDocument()

  unmount()
  // Longer than the half-second retry that was pending.
  await new Promise((resolve) => setTimeout(resolve, 800))

  expect(sources.opened).toHaveLength(1)
  expect(sources.latest().closed).toBe(true)
})

test('without EventSource (jsdom, old browsers) nothing opens and the queries just poll', async () => {
  const seeded = await declare()
  renderLive(seeded, { EventSource: null })
  await loaded(seeded)
  expect(screen.getByText('Connection: unsupported')).toBeInTheDocument()
})

test('by default the platform EventSource is used, and jsdom has none', async () => {
  const seeded = await declare()
  renderLive(seeded, { EventSource: undefined })
  await loaded(seeded)
  expect(screen.getByText('Connection: unsupported')).toBeInTheDocument()
})
