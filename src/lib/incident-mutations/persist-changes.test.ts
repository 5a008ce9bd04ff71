import { QueryClient, onlineManager, MutationObserver } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import { declareIncident, fetchIncident } from '@/api/incidents'
import { incidentWriteKey, runChange, setIncidentWriteDefaults, writesOf, type ChangeVariables } from './incident-writes'
import { persistChanges, readStoredChanges, UNSAVED_CHANGES_KEY } from './persist-changes'

const stops: (() => void)[] = []

beforeEach(() => {
  localStorage.clear()
})

afterEach(() => {
  for (const stop of stops.splice(0)) stop()
  onlineManager.setOnline(true)
})

function newClient() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  setIncidentWriteDefaults(client, { retry: () => false, retryDelay: () => 0 })
  stops.push(persistChanges(client))
  return client
}

const note = (incidentId: string, key: string, text: string): ChangeVariables => ({
  key,
  createdAt: 1_700_000_000_000,
  incidentId,
  change: { kind: 'note', text },
  stake: [],
  summary: `Note: ${text}`,
  actor: 'priya',
  drafts: [],
})

const stored = () => readStoredChanges(localStorage.getItem(UNSAVED_CHANGES_KEY))

test('a change made offline is stored (mutation key and variables) and, restored by the next start, sent once', async () => {
  const incident = await declareIncident({ title: 'TTS silent', severity: 'P2', impact: '', services: ['tts'] }, 'persist-1')
  onlineManager.setOnline(false)
  const before = newClient()
  void runChange(before, note(incident.id, 'key-1', 'Paged the vendor')).catch(() => undefined)

  expect(stored()).toEqual([{ mutationKey: incidentWriteKey(incident.id), variables: note(incident.id, 'key-1', 'Paged the vendor') }])

  // The tab closes; the next start comes back online.
  stops.splice(0).forEach((stop) => {
    stop()
  })
  onlineManager.setOnline(true)
  const after = newClient()
  // Both the closed tab's copy (resumed online) and the restored one are sent: under one key, stored once.
  await waitFor(() => {
    expect([...writesOf(before), ...writesOf(after)]).toEqual([])
  })
  expect(stored()).toEqual([])
  const timeline = await (await fetch(`/api/incidents/${incident.id}/timeline`)).json() as { events: { text: string }[] }
  expect(timeline.events.filter((e) => e.text === 'Paged the vendor')).toHaveLength(1)
  expect((await fetchIncident(incident.id)).version).toBe(2)
})

test('what does not read as a stored change is dropped; the rest is kept', () => {
  const good = { mutationKey: ['incident', 'INC-1'], variables: note('INC-1', 'k', 'x') }
  const text = JSON.stringify({ version: 1, changes: [good, { mutationKey: 'x' }, { mutationKey: [], variables: { key: 3 } }, null] })
  expect(readStoredChanges(text)).toEqual([good])
  expect(readStoredChanges('not json')).toEqual([])
  expect(readStoredChanges(null)).toEqual([])
})

test("another tab's stored changes are kept when this tab writes its own", () => {
  onlineManager.setOnline(false)
  const client = newClient()
  const theirs = { mutationKey: ['incident', 'INC-2'], variables: note('INC-2', 'theirs', 'from the other tab') }
  localStorage.setItem(UNSAVED_CHANGES_KEY, JSON.stringify({ version: 1, changes: [theirs] }))

  new MutationObserver<unknown, Error, ChangeVariables>(client, { mutationKey: incidentWriteKey('INC-1'), scope: { id: 'incident:INC-1:note' } })
    .mutate(note('INC-1', 'mine', 'from here'))
    .catch(() => undefined)

  expect(stored().map((c) => c.variables.key)).toEqual(['theirs', 'mine'])
})
