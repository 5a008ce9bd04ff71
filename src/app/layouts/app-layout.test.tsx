import { screen, waitFor, within } from '@testing-library/react'
import { givenApiFails, givenScenario } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

test('the main navigation has the six sections and marks the current one', async () => {
  renderRoute('/alerts')
  await screen.findByRole('heading', { level: 1, name: 'Alerts' })

  const nav = screen.getByRole('navigation', { name: 'Main' })
  const links = within(nav).getAllByRole('link')
  expect(links.map((l) => l.textContent)).toEqual(['Overview', 'Metrics', 'Alerts', 'Incidents', 'Runbooks', 'Wall'])
  expect(within(nav).getByRole('link', { name: 'Alerts' })).toHaveAttribute('aria-current', 'page')
  expect(within(nav).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current')
})

test('a skip link leads to the main content', async () => {
  renderRoute('/metrics')
  await screen.findByRole('heading', { level: 1, name: 'Metrics' })
  expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main')
  expect(screen.getByRole('main')).toHaveAttribute('id', 'main')
})

test.each([
  ['/metrics', 'Metrics'],
  ['/alerts', 'Alerts'],
  ['/incidents', 'Incidents'],
  ['/runbooks', 'Runbooks'],
])('%s has the h1 "%s" and the document title "%s · Vigil"', async (path, heading) => {
  renderRoute(path)
  expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument()
  expect(document.title).toBe(`${heading} · Vigil`)
})

test('an incident page has the incident ID in its h1', async () => {
  renderRoute('/incidents/INC-12345')
  expect(await screen.findByRole('heading', { level: 1, name: /INC-12345/ })).toBeInTheDocument()
})

test('an unknown address says the page was not found and links home', async () => {
  const { user, router } = renderRoute('/no/such/page')
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
  expect(screen.getByText('/no/such/page')).toBeInTheDocument()

  await user.click(screen.getByRole('link', { name: 'Go to the Overview' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument()
  expect(router.state.location.pathname).toBe('/')
})

test('navigating by the menu loads the page', async () => {
  const { user } = renderRoute('/metrics')
  await screen.findByRole('heading', { level: 1, name: 'Metrics' })
  await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Runbooks' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Runbooks' })).toBeInTheDocument()
})

test('the wall has its own dark layout without the navigation', async () => {
  renderRoute('/wall')
  expect(await screen.findByRole('heading', { level: 1, name: 'War room' })).toBeInTheDocument()
  expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()
  expect(await screen.findByRole('list', { name: 'Service health' })).toBeInTheDocument()
})

test('the theme control switches the page between light, dark and the system setting', async () => {
  const { user } = renderRoute('/metrics')
  await screen.findByRole('heading', { level: 1, name: 'Metrics' })
  const theme = screen.getByRole('combobox', { name: 'Theme' })

  await user.selectOptions(theme, 'Dark')
  expect(document.documentElement).toHaveClass('dark')
  await user.selectOptions(theme, 'Light')
  expect(document.documentElement).not.toHaveClass('dark')
  // jsdom has no prefers-color-scheme, so "system" means light here.
  await user.selectOptions(theme, 'System')
  expect(document.documentElement).not.toHaveClass('dark')
  expect(theme).toHaveValue('system')
})

test('problems met at start-up are shown on every page', async () => {
  renderRoute('/metrics', { runtime: { problems: ['The built-in mock backend could not start (no service worker).'] } })
  expect(await screen.findByRole('alert')).toHaveTextContent('The built-in mock backend could not start')
})

test('with a real backend there is no Scenario control', async () => {
  renderRoute('/metrics', { runtime: { backend: 'http' } })
  await screen.findByRole('heading', { level: 1, name: 'Metrics' })
  expect(screen.queryByRole('combobox', { name: 'Scenario' })).not.toBeInTheDocument()
})

// ---------------------------------------------------------------- simulator control and URL

async function sttItem() {
  await screen.findByRole('list', { name: 'Service health' })
  return sttItemNow()
}

function sttItemNow() {
  const list = screen.getByRole('list', { name: 'Service health' })
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent.startsWith('STT'))
  if (item === undefined) throw new Error('no STT item')
  return item
}

test('the Scenario control lists every scenario and shows the current one', async () => {
  givenScenario('llm-timeout')
  renderRoute('/metrics')
  const scenario = await screen.findByRole('combobox', { name: 'Scenario' })
  expect(await within(scenario).findByRole('option', { name: 'LLM timeout', selected: true })).toBeInTheDocument()
  expect(within(scenario).getAllByRole('option').map((o) => o.textContent)).toEqual([
    'Healthy',
    'Voice agent down',
    'OpenAI outage',
    'LLM timeout',
    'LiveKit outage',
    'Database connection lost',
    'Rate limiting',
    'Slow degradation',
  ])
})

test('choosing a scenario puts it in the URL, keeps other parameters and refreshes the data', async () => {
  const { user, router } = renderRoute('/?range=1h')
  expect(await sttItem()).toHaveTextContent(/\bup\b/)

  const scenario = screen.getByRole('combobox', { name: 'Scenario' })
  await user.selectOptions(scenario, 'OpenAI outage')

  const params = new URLSearchParams(router.state.location.search)
  expect(params.get('scenario')).toBe('openai-outage')
  expect(params.get('range')).toBe('1h')
  // The refetch that follows the switch is what the user waits for.
  await waitFor(() => {
    expect(sttItemNow()).toHaveTextContent(/\bdown\b/)
  })
  expect(scenario).toHaveValue('openai-outage')
})

test('?scenario= in the URL is applied before the page shows data', async () => {
  renderRoute('/?scenario=openai-outage')
  expect(await sttItem()).toHaveTextContent(/\bdown\b/)
  expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('openai-outage')
})

test('?scenario= also works on the wall', async () => {
  renderRoute('/wall?scenario=openai-outage')
  expect(await sttItem()).toHaveTextContent(/\bdown\b/)
})

test('an unknown scenario in the URL is explained and the page still works', async () => {
  renderRoute('/?scenario=meteor-strike')
  expect(await screen.findByRole('alert')).toHaveTextContent('The link asks for scenario “meteor-strike”, which the simulator does not know.')
  expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument()
  expect(await sttItem()).toHaveTextContent(/\bup\b/)
})

test('when the simulator cannot be reached, a link without ?scenario= raises no scenario message', async () => {
  givenApiFails('/api/simulator', 404)
  renderRoute('/metrics')
  expect(await screen.findByText(/Scenario unavailable/)).toBeInTheDocument()
  expect(screen.queryByText(/from the link could not be applied/)).not.toBeInTheDocument()
})

test('when the simulator cannot be reached, a ?scenario= link says so and the page still shows', async () => {
  givenApiFails('/api/simulator', 404)
  renderRoute('/metrics?scenario=openai-outage')
  expect(await screen.findByRole('alert')).toHaveTextContent('The scenario from the link could not be applied.')
  expect(await screen.findByRole('heading', { level: 1, name: 'Metrics' })).toBeInTheDocument()
})
