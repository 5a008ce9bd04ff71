import { QueryClient } from '@tanstack/react-query'
import { announceIncidentChange, INCIDENT_CHANNEL, incidentsChanged, MOCK_STORE_KEY, startIncidentSync } from './incident-sync'

const world = (db: unknown, faultCalls = 0) => JSON.stringify({ v: 1, sim: { seed: 1, epochs: [], faults: null, faultCalls }, db })

test.each([
  ['the incident store changed', world({ incidents: [] }), world({ incidents: [{ id: 'INC-1' }] }), true],
  ['only the simulator counted a call', world({ incidents: [] }, 1), world({ incidents: [] }, 2), false],
  ['the world was created', null, world({ incidents: [] }), true],
  ['the world was cleared', world({ incidents: [] }), null, true],
  ['the stored text is not JSON and changed', 'a', 'b', true],
])('a mock-world write where %s → refetch: %s', (_, before, after, expected) => {
  expect(incidentsChanged(before, after)).toBe(expected)
})

function storageEvent(key: string, oldValue: string | null, newValue: string | null) {
  window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue }))
}

test("another tab's change to the incidents invalidates this tab's incident queries once per burst; other writes do not", async () => {
  vi.useFakeTimers()
  try {
    const client = new QueryClient()
    const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue()
    const stop = startIncidentSync(client)

    storageEvent(MOCK_STORE_KEY, world({ incidents: [] }, 1), world({ incidents: [] }, 2))
    storageEvent('vigil.theme', null, 'dark')
    await vi.advanceTimersByTimeAsync(500)
    expect(invalidate).not.toHaveBeenCalled()

    storageEvent(MOCK_STORE_KEY, world({ incidents: [] }), world({ incidents: [{ id: 'INC-1' }] }))
    storageEvent('vigil.outbox.v1', null, '{}')
    await vi.advanceTimersByTimeAsync(500)
    expect(invalidate).toHaveBeenCalledTimes(1)
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['incidents'] })

    stop()
    storageEvent('vigil.outbox.v1', '{}', null)
    await vi.advanceTimersByTimeAsync(500)
    expect(invalidate).toHaveBeenCalledTimes(1)
  } finally {
    vi.useRealTimers()
  }
})

test("another tab's announcement on the BroadcastChannel refetches here; this tab's own does not", async () => {
  const client = new QueryClient()
  const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue()
  const stop = startIncidentSync(client)
  try {
    announceIncidentChange('INC-1')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(invalidate).not.toHaveBeenCalled()

    const otherTab = new BroadcastChannel(INCIDENT_CHANNEL)
    otherTab.postMessage({ type: 'incident-changed', incidentId: 'INC-1', from: 'another-tab' })
    otherTab.close()
    await vi.waitFor(() => {
      expect(invalidate).toHaveBeenCalledWith({ queryKey: ['incidents'] })
    })
  } finally {
    stop()
  }
})
