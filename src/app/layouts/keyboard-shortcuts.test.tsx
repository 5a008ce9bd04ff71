/**
 * Keyboard-first navigation over the real app (route table, layout, mock backend): each
 * shortcut does its thing, and none fires while typing in a field or while a dialog is open.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { givenScenario, seedIncident } from '../../../test/mock-backend'
import { PREFIX_TIMEOUT_MS } from '@/lib/shortcuts/key-sequence'
import { renderRoute } from '../../../test/render'

// Lazy routes over the mock backend: the incident page takes seconds on a busy machine.
vi.setConfig({ testTimeout: 20_000 })
const LOAD = { timeout: 8_000 }

beforeEach(() => {
  localStorage.clear()
})

afterEach(() => {
  vi.useRealTimers()
  localStorage.clear()
})

async function renderPage(path: string, heading: string | RegExp) {
  const view = renderRoute(path)
  await screen.findByRole('heading', { level: 1, name: heading }, LOAD)
  return view
}

type AppRouter = ReturnType<typeof renderRoute>['router']

/** Still on `path`, and no navigation under way (lazy routes make a real one take a while). */
function expectStillAt(router: AppRouter, path: string) {
  expect(router.state.location.pathname).toBe(path)
  expect(router.state.navigation.state).toBe('idle')
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1)

test('? opens the list of every shortcut; Escape closes it and gives focus back', async () => {
  const { user } = await renderPage('/runbooks', 'Runbooks')

  await user.keyboard('?')

  const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
  for (const does of ['Show this list of shortcuts', 'Go to Overview', 'Go to Metrics', 'Go to Alerts', 'Go to Incidents', 'Go to Runbooks', 'Go to Wall']) {
    expect(within(dialog).getByText(does)).toBeInTheDocument()
  }
  for (const does of [
    'Focus the page’s search or filter: Metrics range, Alerts state, Incidents search, Runbooks search',
    'Declare incident',
    'Select the next incident or alert',
    'Select the previous incident or alert',
    'Open the selected incident, or the selected alert’s incident, playbook or chart',
    'Acknowledge',
    'Escalate',
    'Write a note',
  ]) {
    expect(within(dialog).getByText(does)).toBeInTheDocument()
  }
  // Focus moved into the dialog (its only control) and stays there.
  const close = within(dialog).getByRole('button', { name: 'Close' })
  expect(close).toHaveFocus()
  await user.tab()
  expect(close).toHaveFocus()

  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(document.body).toHaveFocus()
})

test('the Shortcuts button in the header opens the same list, and focus returns to it', async () => {
  const { user } = await renderPage('/runbooks', 'Runbooks')
  const button = screen.getByRole('button', { name: 'Shortcuts' })
  expect(button).toHaveAttribute('aria-keyshortcuts', '?')

  await user.click(button)
  const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))

  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(button).toHaveFocus()
})

test.each([
  ['o', '/', 'Overview'],
  ['m', '/metrics', 'Metrics'],
  ['a', '/alerts', 'Alerts'],
  ['i', '/incidents', 'Incidents'],
  ['r', '/runbooks', 'Runbooks'],
])('g then %s goes to %s', async (letter, path, heading) => {
  // Start somewhere else than the destination.
  const start = path === '/runbooks' ? '/incidents' : '/runbooks'
  const { user, router } = await renderPage(start, start === '/runbooks' ? 'Runbooks' : 'Incidents')

  await user.keyboard(`g${letter}`)

  await waitFor(() => {
    expect(router.state.location.pathname).toBe(path)
  })
  expect(await screen.findByRole('heading', { level: 1, name: heading }, LOAD)).toBeInTheDocument()
})

test('g then w goes to the wall display', async () => {
  const { user, router } = await renderPage('/runbooks', 'Runbooks')
  await user.keyboard('gw')
  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/wall')
  })
  // The wall has no navigation landmark of the desk layout.
  await waitFor(() => {
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()
  })
})

test('g then a letter after the prefix timeout does nothing', async () => {
  const { user, router } = await renderPage('/runbooks', 'Runbooks')
  // Only Date is faked: jsdom stamps each key event with Date.now().
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })

  await user.keyboard('g')
  vi.setSystemTime(Date.now() + PREFIX_TIMEOUT_MS + 1)
  await user.keyboard('m')

  expectStillAt(router, '/runbooks')
  // Just inside the timeout the same sequence navigates: the clock, not the letter, decided.
  await user.keyboard('g')
  vi.setSystemTime(Date.now() + PREFIX_TIMEOUT_MS)
  await user.keyboard('m')
  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/metrics')
  })
})

test('/ focuses the incident search, and typing there is text, not shortcuts', async () => {
  const { user, router } = await renderPage('/incidents', 'Incidents')
  const search = await screen.findByRole('searchbox', { name: 'Search' }, LOAD)

  await user.keyboard('/')
  expect(search).toHaveFocus()

  await user.keyboard('gmd?')
  expect(search).toHaveValue('gmd?')
  expectStillAt(router, '/incidents')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('/ focuses the alert filter on the Alerts page', async () => {
  const { user } = await renderPage('/alerts', 'Alerts')
  const state = await screen.findByRole('combobox', { name: 'State' }, LOAD)

  await user.keyboard('/')

  expect(state).toHaveFocus()
})

test('/ focuses the runbook search on Runbooks', async () => {
  const { user } = await renderPage('/runbooks', 'Runbooks')
  const search = screen.getByRole('searchbox', { name: 'Search runbooks' })
  expect(search).toHaveAttribute('aria-keyshortcuts', '/')

  await user.keyboard('/')

  expect(search).toHaveFocus()
})

test('/ focuses the Range on Metrics, its only filter', async () => {
  const { user } = await renderPage('/metrics', 'Metrics')
  const range = screen.getByRole('combobox', { name: 'Range' })
  expect(range).toHaveAttribute('aria-keyshortcuts', '/')

  await user.keyboard('/')

  expect(range).toHaveFocus()
})

test('/ on Alerts still focuses the State filter, not the Range the page header shares with Metrics', async () => {
  const { user } = await renderPage('/alerts', 'Alerts')
  const state = await screen.findByRole('combobox', { name: 'State' }, LOAD)
  expect(screen.getByRole('combobox', { name: 'Range' })).not.toHaveAttribute('aria-keyshortcuts')

  await user.keyboard('/')

  expect(state).toHaveFocus()
})

test('the Overview has no search or filter: / leaves focus alone and the key to the browser (its find-in-page)', async () => {
  const { user } = await renderPage('/', 'Overview')
  let prevented: boolean | null = null
  const seen = (e: KeyboardEvent) => {
    if (e.key === '/') prevented = e.defaultPrevented
  }
  window.addEventListener('keydown', seen)

  await user.keyboard('/')
  window.removeEventListener('keydown', seen)

  expect(prevented).toBe(false)
  expect(document.body).toHaveFocus()
})

test('d opens Declare incident; while it is open no shortcut fires', async () => {
  const { user, router } = await renderPage('/runbooks', 'Runbooks')

  await user.keyboard('d')
  const dialog = screen.getByRole('dialog', { name: 'Declare incident' })
  expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveFocus()

  // Focus off the fields (clicking the heading leaves it on the page body): still nothing.
  await user.click(within(dialog).getByRole('heading', { name: 'Declare incident' }))
  expect(within(dialog).getByRole('textbox', { name: 'Title' })).not.toHaveFocus()
  await user.keyboard('gi?/')
  expectStillAt(router, '/runbooks')
  expect(screen.getAllByRole('dialog')).toEqual([dialog])

  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  await user.keyboard('gi')
  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/incidents')
  })
})

test('j and k move a visible selection through the incident list, and Enter opens it', async () => {
  seedIncident({ id: 'INC-91001', title: 'First', severity: 'P1' })
  seedIncident({ id: 'INC-91002', title: 'Second', severity: 'P2' })
  seedIncident({ id: 'INC-91003', title: 'Third', severity: 'P3' })
  const { user, router } = await renderPage('/incidents', 'Incidents')
  const table = await screen.findByRole('table', { name: 'Incidents' }, LOAD)
  await waitFor(() => {
    expect(rowsOf(table)).toHaveLength(3)
  })
  const selected = () => within(table).queryAllByRole('row', { selected: true })
  const idOf = (row: HTMLElement | undefined) => (row === undefined ? '' : within(row).getByRole('link').textContent)
  const order = rowsOf(table).map(idOf)
  expect(selected()).toEqual([])

  await user.keyboard('j')
  expect(selected().map(idOf)).toEqual([order[0]])
  await user.keyboard('jj')
  expect(selected().map(idOf)).toEqual([order[2]])
  // The last row stays selected at the end of the list.
  await user.keyboard('j')
  expect(selected().map(idOf)).toEqual([order[2]])
  await user.keyboard('k')
  expect(selected().map(idOf)).toEqual([order[1]])

  await user.keyboard('{Enter}')
  await waitFor(() => {
    expect(router.state.location.pathname).toBe(`/incidents/${order[1] ?? ''}`)
  })
})

test('Enter with nothing selected opens nothing', async () => {
  seedIncident({ id: 'INC-92001', title: 'Only' })
  const { user, router } = await renderPage('/incidents', 'Incidents')
  await screen.findByRole('table', { name: 'Incidents' }, LOAD)

  await user.keyboard('{Enter}')

  expectStillAt(router, '/incidents')
})

/** The alerts on /alerts, in the order j walks them: firing, then pending, then the rest. */
function alertItems() {
  return screen
    .getAllByRole('list', { name: /^(Firing|Pending|Inactive or without data|Inactive|No data) \(\d+\)$/ })
    .flatMap((list) => within(list).getAllByRole('listitem'))
}
const selectedAlerts = () => alertItems().filter((li) => li.getAttribute('aria-current') === 'true')
const STT_ERRORS = 'STT error rate > 10 %'
const indexOfAlert = (name: string) => alertItems().findIndex((li) => within(li).queryByText(name, { exact: true }) !== null)

test('j and k move a visible selection through the alerts, firing first, and it stays at either end', async () => {
  givenScenario('openai-outage')
  const { user } = await renderPage('/alerts', 'Alerts')
  await screen.findByRole('list', { name: /^Firing \(\d+\)$/ }, LOAD)
  const items = alertItems()
  expect(items.length).toBeGreaterThan(2)
  expect(selectedAlerts()).toEqual([])

  await user.keyboard('j')
  expect(selectedAlerts()).toEqual([items[0]])
  expect(within(screen.getByRole('list', { name: /^Firing/ })).getAllByRole('listitem', { current: true })).toEqual([items[0]])
  await user.keyboard('jj')
  expect(selectedAlerts()).toEqual([items[2]])
  await user.keyboard('k')
  expect(selectedAlerts()).toEqual([items[1]])
  await user.keyboard('kk')
  expect(selectedAlerts()).toEqual([items[0]])
  // Past the last alert the last one stays selected.
  await user.keyboard('j'.repeat(items.length + 2))
  expect(selectedAlerts()).toEqual([items[items.length - 1]])
})

test.each([
  [true, 'auto'],
  [false, 'smooth'],
] as const)('the selected alert is scrolled into view (prefers reduced motion: %s → %s scrolling)', async (reduce, behavior) => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }))
  // jsdom does not scroll: record who was asked to.
  const scrolled: { element: Element; options: unknown }[] = []
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView')
  Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
    scrolled.push({ element: this, options })
  }
  try {
    givenScenario('openai-outage')
    const { user } = await renderPage('/alerts', 'Alerts')
    await screen.findByRole('list', { name: /^Firing \(\d+\)$/ }, LOAD)

    await user.keyboard('jj')

    const second = alertItems()[1]
    expect(scrolled.at(-1)).toEqual({ element: second, options: { block: 'nearest', behavior } })
  } finally {
    if (original === undefined) Reflect.deleteProperty(Element.prototype, 'scrollIntoView')
    else Object.defineProperty(Element.prototype, 'scrollIntoView', original)
    vi.unstubAllGlobals()
  }
})

test('Enter on a selected alert that no incident handles opens its playbook', async () => {
  givenScenario('openai-outage')
  const { user, router } = await renderPage('/alerts?state=firing', 'Alerts')
  await screen.findByRole('list', { name: /^Firing \(\d+\)$/ }, LOAD)
  const at = indexOfAlert(STT_ERRORS)
  expect(at).toBeGreaterThanOrEqual(0)

  await user.keyboard('j'.repeat(at + 1))
  expect(selectedAlerts().map((li) => within(li).queryByText(STT_ERRORS, { exact: true }) !== null)).toEqual([true])
  await user.keyboard('{Enter}')

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/runbooks/high-error-rate')
  })
})

test('Enter on a selected alert that an open incident handles opens that incident', async () => {
  givenScenario('openai-outage')
  seedIncident({ id: 'INC-93001', status: 'investigating', alertIds: ['error-rate-critical:stt'] })
  const { user, router } = await renderPage('/alerts?state=firing', 'Alerts')
  const firing = await screen.findByRole('list', { name: /^Firing \(\d+\)$/ }, LOAD)
  await within(firing).findByText('Handled in', {}, LOAD)

  await user.keyboard('j'.repeat(indexOfAlert(STT_ERRORS) + 1))
  await user.keyboard('{Enter}')

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/incidents/INC-93001')
  })
})

test('Enter on /alerts with nothing selected opens nothing', async () => {
  givenScenario('openai-outage')
  const { user, router } = await renderPage('/alerts', 'Alerts')
  await screen.findByRole('list', { name: /^Firing \(\d+\)$/ }, LOAD)

  await user.keyboard('{Enter}')

  expectStillAt(router, '/alerts')
})

async function openIncident(partial: Parameters<typeof seedIncident>[0]) {
  const incident = seedIncident(partial)
  const view = await renderPage(`/incidents/${incident.id}`, `${incident.id} · ${incident.title}`)
  return { ...view, incident }
}

test('on an incident, a acknowledges', async () => {
  const { user } = await openIncident({ severity: 'P1' })
  expect(screen.getByRole('button', { name: 'Acknowledge' })).toHaveAttribute('aria-keyshortcuts', 'a')

  await user.keyboard('a')

  await waitFor(() => {
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument()
  }, LOAD)
  expect(await screen.findByText(/acknowledged in/i)).toBeInTheDocument()
})

test('on an incident, e escalates one level', async () => {
  const { user } = await openIncident({ severity: 'P1' })
  const escalation = () => screen.getByRole('definition', { name: 'Escalation' })
  expect(escalation()).toHaveTextContent('L1')

  await user.keyboard('e')

  await waitFor(() => {
    expect(escalation()).toHaveTextContent('L2 Senior engineer')
  }, LOAD)
})

test('on an incident, n focuses the Note box, and what is typed there stays text', async () => {
  const { user, router, incident } = await openIncident({ severity: 'P1' })

  await user.keyboard('n')
  const note = screen.getByRole('textbox', { name: 'Note' })
  expect(note).toHaveFocus()

  await user.keyboard('aen?gi/d')

  expect(note).toHaveValue('aen?gi/d')
  expect(screen.getByRole('button', { name: 'Acknowledge' })).toBeInTheDocument()
  expect(screen.getByRole('definition', { name: 'Escalation' })).toHaveTextContent('L1')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expectStillAt(router, `/incidents/${incident.id}`)
})
