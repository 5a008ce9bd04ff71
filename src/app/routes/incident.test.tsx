import { act, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { patchIncident, addNote } from '@/api/incidents'
import { chosenPersonId, useIdentityActions } from '@/stores/identity'
import { renderHook } from '@testing-library/react'
import { givenApiFails, givenApiRecovers, seedIncident, setMockNow } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

// The page is a lazy route with many sections; on a busy two-core machine the first
// render takes a few seconds.
vi.setConfig({ testTimeout: 20_000 })
const LOAD = { timeout: 8_000 }

const MIN = 60_000
const minutesAgo = (m: number, from = Date.now()) => new Date(from - m * MIN).toISOString()

function forgetIdentity() {
  const { result, unmount } = renderHook(() => useIdentityActions())
  act(() => {
    result.current.identityForgotten()
  })
  unmount()
}

beforeEach(() => {
  localStorage.clear()
  forgetIdentity()
})

afterEach(() => {
  localStorage.clear()
})

async function timelineList() {
  return screen.findByRole('list', { name: 'Timeline' }, LOAD)
}

/** Renders the incident page and waits until the incident has loaded. */
async function openIncident(incident: { id: string; title: string }) {
  const view = renderRoute(`/incidents/${incident.id}`)
  await screen.findByRole('heading', { level: 1, name: `${incident.id} · ${incident.title}` }, LOAD)
  return view
}

/** The timeline's entries as text, oldest first. */
async function timelineTexts(): Promise<string[]> {
  return within(await timelineList())
    .getAllByRole('listitem')
    .map((item) => item.textContent)
}

/** Waits until an entry of the timeline matches `pattern`. */
async function expectOnTimeline(pattern: RegExp) {
  await waitFor(async () => {
    expect(await timelineTexts()).toContainEqual(expect.stringMatching(pattern))
  }, LOAD)
}

const fact = (term: string) => screen.getByRole('definition', { name: term })

test('the page shows the ID and title, the facts and a running response clock', async () => {
  const incident = seedIncident({
    title: 'STT error rate above 10 %',
    severity: 'P2',
    services: ['stt'],
    assignee: 'priya',
    impact: 'Half of the calls get no transcript',
    declaredAt: minutesAgo(2),
  })
  await openIncident(incident)

  expect(screen.getByRole('timer')).toHaveTextContent(/^Acknowledge within 1[23]:\d\d$/)
  expect(screen.getByText('Half of the calls get no transcript')).toBeInTheDocument()
  expect(fact('Escalation')).toHaveTextContent('L1 On-call engineer')
  await waitFor(() => {
    expect(fact('Assignee')).toHaveTextContent('Priya Raman')
  })
  expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('investigating')
  expect(await timelineList()).toHaveTextContent(/Declared P2 — STT error rate above 10 %/)
})

test('acknowledging a P1 stops its response clock', async () => {
  const incident = seedIncident({ severity: 'P1', declaredAt: minutesAgo(3) })
  const { user } = await openIncident(incident)

  await user.click(screen.getByRole('button', { name: 'Acknowledge' }))

  expect(await screen.findByText(/acknowledged in 3 min/i)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument()
  await expectOnTimeline(/Acknowledged$/)
})

test('the status moves investigating → identified → mitigated, each move on the timeline', async () => {
  const incident = seedIncident({ severity: 'P2' })
  const { user } = await openIncident(incident)
  const status = screen.getByRole('combobox', { name: 'Status' })

  await user.selectOptions(status, 'identified')
  await expectOnTimeline(/Status investigating → identified$/)
  expect(status).toHaveValue('identified')

  await user.selectOptions(status, 'mitigated')
  await expectOnTimeline(/Status identified → mitigated$/)
  expect(status).toHaveValue('mitigated')
  // Moving on acknowledges, and mitigating stops the time-to-mitigate clock.
  expect(await screen.findByText(/acknowledged in/i)).toBeInTheDocument()
  const summary = screen.getByRole('region', { name: 'Timeline' })
  expect(within(summary).getByRole('definition', { name: 'Time to mitigate' })).not.toHaveTextContent('not yet')
  expect(within(summary).getByRole('definition', { name: 'Time to resolve' })).toHaveTextContent('not yet')
})

test('only the moves the lifecycle allows are offered', async () => {
  const incident = seedIncident({ status: 'mitigated', acknowledgedAt: minutesAgo(1), mitigatedAt: minutesAgo(1) })
  await openIncident(incident)
  const options = within(screen.getByRole('combobox', { name: 'Status' })).getAllByRole('option')
  expect(options.map((o) => o.getAttribute('value'))).toEqual(['mitigated', 'investigating', 'resolved'])
})

test('resolving asks for the root cause and the resolution and sends them with the change', async () => {
  const incident = seedIncident({ status: 'mitigated', acknowledgedAt: minutesAgo(5), mitigatedAt: minutesAgo(2) })
  const { user } = await openIncident(incident)

  await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'resolved')
  const form = screen.getByRole('form', { name: `Resolve ${incident.id}` })
  // Nothing was sent yet: the status waits for the two fields.
  expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('mitigated')

  await user.click(within(form).getByRole('button', { name: 'Resolve' }))
  expect(within(form).getByRole('alert')).toHaveTextContent('Root cause and resolution are required to mark the incident resolved.')

  await user.type(within(form).getByRole('textbox', { name: 'Root cause' }), 'OpenAI API outage')
  await user.type(within(form).getByRole('textbox', { name: 'Resolution' }), 'Switched to Ollama fallback')
  await user.click(within(form).getByRole('button', { name: 'Resolve' }))

  await expectOnTimeline(/Status mitigated → resolved$/)
  await expectOnTimeline(/Root cause: OpenAI API outage$/)
  await expectOnTimeline(/Resolution: Switched to Ollama fallback$/)
  expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('resolved')
  expect(screen.queryByRole('form', { name: `Resolve ${incident.id}` })).not.toBeInTheDocument()
})

test('Escalate moves to L2 and the timeline says who was paged, and by whom', async () => {
  const incident = seedIncident({ severity: 'P1' })
  const { user } = await openIncident(incident)
  const escalate = screen.getByRole('button', { name: 'Escalate' })
  await waitFor(() => {
    expect(escalate).toHaveAccessibleDescription('Pages L2 Senior engineer (Ana Silva on call).')
  })

  await user.click(escalate)

  await expectOnTimeline(/Priya Raman.*Escalated to L2 Senior engineer — paged Ana Silva$/)
  expect(fact('Escalation')).toHaveTextContent('L2 Senior engineer')
  expect(fact('Assignee')).toHaveTextContent('Ana Silva')
})

test('at L4 Escalate is disabled and says why', async () => {
  const incident = seedIncident({ escalationLevel: 4 })
  await openIncident(incident)
  const escalate = screen.getByRole('button', { name: 'Escalate' })
  expect(escalate).toBeDisabled()
  expect(escalate).toHaveAccessibleDescription(/Already at L4 CTO\/VP Engineering — the top of the escalation path/)
})

test('the assignee is chosen from the roster, grouped by level', async () => {
  const incident = seedIncident()
  const { user } = await openIncident(incident)
  const assignee = screen.getByRole('combobox', { name: 'Assignee' })
  await waitFor(() => {
    expect(within(assignee).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual([
      'L1 On-call engineer',
      'L2 Senior engineer',
      'L3 Engineering lead',
      'L4 CTO/VP Engineering',
    ])
  })

  await user.selectOptions(assignee, 'ana')
  expect(assignee).toHaveValue('ana')
  await expectOnTimeline(/Assigned to Ana Silva$/)
})

test('a severity change needs a reason, which goes on the timeline', async () => {
  const incident = seedIncident({ severity: 'P2' })
  const { user } = await openIncident(incident)
  const form = screen.getByRole('form', { name: 'Change severity' })

  await user.selectOptions(within(form).getByRole('combobox', { name: 'Severity' }), 'P1')
  await user.click(within(form).getByRole('button', { name: 'Change severity' }))
  expect(within(form).getByRole('alert')).toHaveTextContent('Give a reason for the severity change.')

  await user.type(within(form).getByRole('textbox', { name: 'Reason for severity change' }), 'All calls fail now')
  await user.click(within(form).getByRole('button', { name: 'Change severity' }))

  await expectOnTimeline(/Severity P2 → P1: All calls fail now$/)
  expect(fact('Severity')).toHaveTextContent('P1')
})

test('a note added appears on the timeline and the box empties', async () => {
  const incident = seedIncident()
  const { user } = await openIncident(incident)
  const note = screen.getByRole('textbox', { name: 'Note' })

  await user.type(note, 'Restarted the connection pool')
  await user.click(screen.getByRole('button', { name: 'Add note' }))

  await expectOnTimeline(/Priya Raman.*Note.*Restarted the connection pool$/)
  expect(note).toHaveValue('')
})

test('Ctrl+Enter adds the note', async () => {
  const incident = seedIncident()
  const { user } = await openIncident(incident)

  await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Checked the STT logs{Control>}{Enter}{/Control}')

  await expectOnTimeline(/Checked the STT logs$/)
})

test('changes are signed by the person chosen under "You are"', async () => {
  const incident = seedIncident()
  const { user } = await openIncident(incident)

  await user.selectOptions(await screen.findByRole('combobox', { name: 'You are' }), 'tom')
  expect(chosenPersonId()).toBe('tom')
  await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Taking over')
  await user.click(screen.getByRole('button', { name: 'Add note' }))

  await expectOnTimeline(/Tom Becker.*Taking over$/)
})

test('a status change the server refuses with 500 is rolled back, explained and kept for retry', async () => {
  const incident = seedIncident()
  givenApiFails('/api/incidents/:id', 500, { method: 'PATCH' })
  const { user } = await openIncident(incident)
  const status = screen.getByRole('combobox', { name: 'Status' })

  await user.selectOptions(status, 'identified')

  expect(await screen.findByRole('alert')).toHaveTextContent(/^⟳ Not saved yet — The server failed \(HTTP 500\)/)
  expect(status).toHaveValue('investigating')
  expect(screen.getByText('Unsaved changes (1)')).toBeInTheDocument()
  expect(screen.getByText('Status → Identified')).toBeInTheDocument()
})

test('a note that fails keeps its text, waits as unsaved, and is sent once the backend recovers', async () => {
  const incident = seedIncident()
  givenApiFails('/api/incidents/:id/notes', 503, { retryAfterS: 60 })
  const { user } = await openIncident(incident)
  const note = screen.getByRole('textbox', { name: 'Note' })

  await user.type(note, 'Switched to the fallback LLM')
  await user.click(screen.getByRole('button', { name: 'Add note' }))

  expect(await screen.findByRole('alert')).toHaveTextContent(/Not saved yet — The service is unavailable \(HTTP 503\)/)
  expect(note).toHaveValue('Switched to the fallback LLM')
  expect(screen.getByText('Unsaved changes (1)')).toBeInTheDocument()
  // Retry-After: 60 is honoured: the next attempt is a minute away, not sooner (the
  // displayed seconds come from a once-a-second clock, so allow its tick).
  expect(screen.getByRole('heading', { name: /Unsaved changes/ })).toHaveTextContent(/Unsaved changes \(1\) — retrying in (59|60|61) s$/)

  givenApiRecovers()
  await user.click(screen.getByRole('button', { name: 'Retry now' }))

  await expectOnTimeline(/Switched to the fallback LLM$/)
  await waitFor(() => {
    expect(screen.queryByText(/Unsaved changes/)).not.toBeInTheDocument()
  })
  expect(note).toHaveValue('')
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  // Sent once, not once per attempt.
  expect((await timelineTexts()).filter((t) => t.endsWith('Switched to the fallback LLM'))).toHaveLength(1)
})

test('the note draft survives a reload', async () => {
  const incident = seedIncident()
  const first = await openIncident(incident)
  await first.user.type(screen.getByRole('textbox', { name: 'Note' }), 'Half-written thought')
  first.unmount()

  await openIncident(incident)
  expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('Half-written thought')
})

test('a change that meets a newer version with the same field changed opens the conflict dialog; "Apply mine again" wins', async () => {
  const incident = seedIncident()
  const { user } = await openIncident(incident)
  // A colleague moves the status while this page still shows version 1.
  await patchIncident(incident.id, incident.version, { status: 'identified', actor: 'tom' })

  await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'mitigated')

  const dialog = await screen.findByRole('dialog', { name: 'This incident changed since you loaded it' })
  const row = within(dialog).getByRole('row', { name: /Status/ })
  expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Mitigated', 'Identified'])

  await user.click(within(dialog).getByRole('button', { name: 'Apply mine again' }))

  await waitFor(() => {
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
  await expectOnTimeline(/Status identified → mitigated$/)
  expect(await timelineTexts()).toContainEqual(expect.stringMatching(/Tom Becker.*Status investigating → identified$/))
  // Settled: the warning next to the Status control goes too.
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  await waitFor(() => {
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('mitigated')
  })
})

test('"Keep theirs" drops the change and shows the other version', async () => {
  const incident = seedIncident()
  const { user } = await openIncident(incident)
  await patchIncident(incident.id, incident.version, { assignee: 'tom', actor: 'tom' })

  await user.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'ana')
  const dialog = await screen.findByRole('dialog', { name: 'This incident changed since you loaded it' })
  expect(within(within(dialog).getByRole('row', { name: /Assignee/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual([
    'Ana Silva',
    'Tom Becker',
  ])

  await user.click(within(dialog).getByRole('button', { name: 'Keep theirs' }))

  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  await waitFor(() => {
    expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveValue('tom')
  })
  expect(await timelineTexts()).not.toContainEqual(expect.stringMatching(/Ana Silva/))
})

test('a newer version that did not touch the changed field is no conflict: the change is applied on it', async () => {
  const incident = seedIncident()
  const { user } = await openIncident(incident)
  // A colleague's note bumps the version; the status is untouched.
  await addNote(incident.id, { text: 'Looking at LiveKit', actor: 'tom' })

  await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'identified')

  await expectOnTimeline(/Status investigating → identified$/)
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('the response clock counts on server time: with the browser 10 min behind, a P1 declared 7 min ago is breached', async () => {
  const serverNow = Date.now() + 10 * MIN
  setMockNow(serverNow)
  const incident = seedIncident({ severity: 'P1', declaredAt: minutesAgo(7, serverNow) })
  await openIncident(incident)

  // The skew comes from Date headers (whole seconds), so allow a second either way.
  expect(screen.getByRole('timer')).toHaveTextContent(/^Response time breached by (1:5\d|2:0\d)$/)
  expect(screen.getByText('BREACHED')).toHaveAttribute('role', 'status')
  expect(screen.getByText(/Response time breached — escalate\?/)).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Escalate' })).toBeEnabled()
})

test('an unknown incident says so, with a way back', async () => {
  renderRoute('/incidents/INC-99999')
  expect(await screen.findByRole('heading', { name: 'No incident INC-99999' }, LOAD)).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'All incidents' })).toHaveAttribute('href', '/incidents')
})

test('the incident page, with unsaved changes and the conflict dialog open, has no axe violations', async () => {
  const incident = seedIncident({ severity: 'P1', declaredAt: minutesAgo(7) })
  givenApiFails('/api/incidents/:id/notes', 503, { retryAfterS: 60 })
  const { user } = await openIncident(incident)
  await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Pending note')
  await user.click(screen.getByRole('button', { name: 'Add note' }))
  await screen.findByText('Unsaved changes (1)')
  await patchIncident(incident.id, incident.version, { assignee: 'tom' })
  await user.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'ana')
  await screen.findByRole('dialog', { name: 'This incident changed since you loaded it' })
  await timelineList()

  // jsdom cannot compute colours; contrast is checked in the browser tests.
  const result = await act(() => axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }))
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})
