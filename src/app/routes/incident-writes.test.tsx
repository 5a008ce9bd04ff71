/**
 * The write path's promises, each first written against the bug it reproduces (issue 12,
 * section 4): no edit silently overwritten, none lost offline, in flight or on reload, and
 * none stored twice. Whole-page tests against the mock backend, as a responder works.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import { onlineManager } from '@tanstack/react-query'
import { fetchIncident, incidentQueries, patchIncident } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { givenApiFails, givenApiRecovers, givenWritesRecorded, seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

vi.setConfig({ testTimeout: 30_000 })
const LOAD = { timeout: 8_000 }
const MIN = 60_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

beforeEach(() => {
  localStorage.clear()
})

afterEach(() => {
  onlineManager.setOnline(true)
  localStorage.clear()
})

async function openIncident(incident: Incident) {
  const view = renderRoute(`/incidents/${incident.id}`)
  await screen.findByRole('heading', { level: 1, name: `${incident.id} · ${incident.title}` }, LOAD)
  return view
}

async function timelineTexts(id: string): Promise<string[]> {
  const r = await fetch(`/api/incidents/${id}/timeline`)
  const body = (await r.json()) as { events: { text: string }[] }
  return body.events.map((e) => e.text)
}

const unload = () => {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

// ---------------------------------------------------------------- silent overwrite

test('A queues a status and then an assignee change; B sets the assignee meanwhile; A’s assignee is a conflict, never an overwrite', async () => {
  const incident = seedIncident({ assignee: 'priya' })
  givenApiFails('/api/incidents/:id', 503, { method: 'PATCH', retryAfterS: 60 })
  const { user } = await openIncident(incident)
  const assignee = screen.getByRole('combobox', { name: 'Assignee' })
  await within(assignee).findByRole('option', { name: /^Ana Silva/ }, LOAD)

  await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'identified')
  expect(await screen.findByText('Unsaved changes (1)', {}, LOAD)).toBeInTheDocument()
  await user.selectOptions(assignee, 'ana')
  expect(await screen.findByText('Unsaved changes (2)', {}, LOAD)).toBeInTheDocument()

  // B, in another browser, assigns Tom while A's changes wait.
  givenApiRecovers()
  await patchIncident(incident.id, incident.version, { assignee: 'tom', actor: 'tom' })
  await user.click(screen.getByRole('button', { name: 'Retry now' }))

  const dialog = await screen.findByRole('dialog', { name: 'This incident changed since you loaded it' }, LOAD)
  const row = within(dialog).getByRole('row', { name: /Assignee/ })
  expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Ana Silva', 'Tom Becker'])
  // A's status (which nobody else touched) went through; B's assignee is still there.
  await waitFor(async () => {
    expect(await fetchIncident(incident.id)).toMatchObject({ status: 'identified', assignee: 'tom' })
  }, LOAD)
})

// ---------------------------------------------------------------- lost offline

test('a note added offline is shown as queued, not saved; it survives a reload and is sent once', async () => {
  const incident = seedIncident()
  const first = await openIncident(incident)
  act(() => {
    onlineManager.setOnline(false)
  })
  await first.user.type(screen.getByRole('textbox', { name: 'Note' }), 'Paged the LiveKit vendor')
  await first.user.click(screen.getByRole('button', { name: 'Add note' }))

  expect(await screen.findByText('Unsaved changes (1)', {}, LOAD)).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: /Unsaved changes/ })).toHaveTextContent(/offline/)
  expect(screen.getByText('Note: Paged the LiveKit vendor')).toBeInTheDocument()
  first.unmount()

  // The reload comes back online, but the backend is still failing: the note waits, visible.
  givenApiFails('/api/incidents/:id/notes', 503, { retryAfterS: 60 })
  act(() => {
    onlineManager.setOnline(true)
  })
  const second = await openIncident(incident)
  expect(await screen.findByText('Unsaved changes (1)', {}, LOAD)).toBeInTheDocument()
  expect(screen.getByText('Note: Paged the LiveKit vendor')).toBeInTheDocument()

  givenApiRecovers()
  await second.user.click(screen.getByRole('button', { name: 'Retry now' }))
  await waitFor(() => {
    expect(screen.queryByText(/Unsaved changes/)).not.toBeInTheDocument()
  }, LOAD)
  expect((await timelineTexts(incident.id)).filter((t) => t === 'Paged the LiveKit vendor')).toHaveLength(1)
})

// ---------------------------------------------------------------- lost in flight

test('leaving the page is questioned while a change is unsent, and not once it is saved', async () => {
  const incident = seedIncident()
  givenApiFails('/api/incidents/:id/notes', 503, { retryAfterS: 60 })
  const { user } = await openIncident(incident)
  expect(unload()).toBe(false)

  await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Rolled back the deploy')
  await user.click(screen.getByRole('button', { name: 'Add note' }))
  await screen.findByText('Unsaved changes (1)', {}, LOAD)
  expect(unload()).toBe(true)

  givenApiRecovers()
  await user.click(screen.getByRole('button', { name: 'Retry now' }))
  await waitFor(() => {
    expect(screen.queryByText(/Unsaved changes/)).not.toBeInTheDocument()
  }, LOAD)
  expect(unload()).toBe(false)
})

// ---------------------------------------------------------------- lost on reload

test('what is typed in the declare dialog survives a reload', async () => {
  const { user, unmount } = renderRoute('/incidents')
  await user.click(await screen.findByRole('button', { name: 'Declare incident' }, LOAD))
  let dialog = screen.getByRole('dialog', { name: 'Declare incident' })
  await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Callers hear silence')
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Severity' }), 'P2')
  await user.type(within(dialog).getByRole('textbox', { name: 'Impact' }), 'Half of the calls')
  unmount()

  const view = renderRoute('/incidents')
  await view.user.click(await screen.findByRole('button', { name: 'Declare incident' }, LOAD))
  dialog = screen.getByRole('dialog', { name: 'Declare incident' })
  expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue('Callers hear silence')
  expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveValue('P2')
  expect(within(dialog).getByRole('textbox', { name: 'Impact' })).toHaveValue('Half of the calls')
})

test('a severity change and its reason survive a reload', async () => {
  const incident = seedIncident({ severity: 'P2' })
  const first = await openIncident(incident)
  let form = screen.getByRole('form', { name: 'Change severity' })
  await first.user.selectOptions(within(form).getByRole('combobox', { name: 'Severity' }), 'P1')
  await first.user.type(within(form).getByRole('textbox', { name: 'Reason for severity change' }), 'Every call fails now')
  first.unmount()

  await openIncident(incident)
  form = screen.getByRole('form', { name: 'Change severity' })
  expect(within(form).getByRole('combobox', { name: 'Severity' })).toHaveValue('P1')
  expect(within(form).getByRole('textbox', { name: 'Reason for severity change' })).toHaveValue('Every call fails now')
})

test('a new follow-up’s text survives a reload', async () => {
  const incident = seedIncident({ status: 'resolved', resolvedAt: ago(MIN), rootCause: 'Quota', resolution: 'Raised it' })
  const first = await openIncident(incident)
  let form = within(screen.getByRole('region', { name: 'Post-incident' })).getByRole('form', { name: 'Add follow-up' })
  await first.user.type(within(form).getByRole('textbox', { name: 'Action' }), 'Alert on quota at 80 %')
  first.unmount()

  await openIncident(incident)
  form = within(screen.getByRole('region', { name: 'Post-incident' })).getByRole('form', { name: 'Add follow-up' })
  expect(within(form).getByRole('textbox', { name: 'Action' })).toHaveValue('Alert on quota at 80 %')
})

// ---------------------------------------------------------------- duplicates

test('“Mark as posted” pressed again after a failure logs the message once, under one Idempotency-Key', async () => {
  const incident = seedIncident({ title: 'TTS silent', declaredAt: ago(4 * MIN) })
  const received = givenWritesRecorded('post', '/api/incidents/:id/messages', 1)
  const { user } = await openIncident(incident)
  const group = screen.getByRole('group', { name: 'Status update' })

  await user.click(within(group).getByRole('button', { name: 'Mark as posted' }))
  await waitFor(() => {
    expect(received.length).toBeGreaterThan(0)
  }, LOAD)
  await user.click(within(group).getByRole('button', { name: /Mark as posted|Logging/ }))

  await waitFor(async () => {
    expect((await fetchIncident(incident.id)).lastStatusUpdateAt).not.toBeNull()
  }, LOAD)
  // Past the first attempt's retry (Retry-After: 1), when a second post would have gone.
  await act(() => new Promise((resolve) => setTimeout(resolve, 1_500)))
  const events = await (await fetch(`/api/incidents/${incident.id}/timeline`)).json() as { events: { kind: string }[] }
  expect(events.events.filter((e) => e.kind === 'message')).toHaveLength(1)
  expect(new Set(received.map((r) => r.key)).size).toBe(1)
  expect(received[0]?.key).toEqual(expect.any(String))
})

test('a note retried after a failure is sent under the same Idempotency-Key and stored once', async () => {
  const incident = seedIncident()
  const received = givenWritesRecorded('post', '/api/incidents/:id/notes', 1)
  const { user, queryClient } = await openIncident(incident)

  await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Failed over to the backup region')
  await user.click(screen.getByRole('button', { name: 'Add note' }))

  await waitFor(async () => {
    expect(await timelineTexts(incident.id)).toContain('Failed over to the backup region')
  }, LOAD)
  await act(() => queryClient.invalidateQueries({ queryKey: incidentQueries.all() }))
  expect((await timelineTexts(incident.id)).filter((t) => t === 'Failed over to the backup region')).toHaveLength(1)
  expect(received).toHaveLength(2)
  expect(new Set(received.map((r) => r.key)).size).toBe(1)
})
