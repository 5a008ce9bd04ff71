import { act, screen, within } from '@testing-library/react'
import axe from 'axe-core'
import { givenApiAnswers, givenScenario } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const WAIT = { timeout: 10_000 }
const SLOW_TEST_MS = 30_000

function search(router: ReturnType<typeof renderRoute>['router']) {
  return new URLSearchParams(router.state.location.search)
}

async function firingList() {
  return screen.findByRole('list', { name: /^Firing \(\d+\)$/ }, WAIT)
}

function itemNamed(list: HTMLElement, name: string) {
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => within(li).queryByText(name, { exact: true }) !== null)
  if (item === undefined) throw new Error(`no alert named ${name}`)
  return item
}

test(
  'during an OpenAI outage the STT error rate > 10 % alert fires, with its condition, history, chart and playbook',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/alerts?range=6h')
    expect(await screen.findByRole('heading', { level: 1, name: 'Alerts' }, WAIT)).toBeInTheDocument()

    const item = itemNamed(await firingList(), 'STT error rate > 10 %')
    expect(item).toHaveTextContent('Critical')
    expect(item).toHaveTextContent(/Firing/)
    expect(item).toHaveTextContent('Error rate above 10 % for 5 min.')
    expect(item).toHaveTextContent(/Firing since .* ago\./)
    expect(within(item).getByRole('link', { name: 'Playbook: High Error Rate' })).toHaveAttribute('href', '/runbooks/high-error-rate')
    expect(within(item).getByRole('link', { name: 'Chart of STT error rate > 10 %' })).toHaveAttribute(
      'href',
      '/metrics?range=6h#stt-error-rate',
    )
    expect(await within(item).findByText(/^History: .*Pending \d\d:\d\d–\d\d:\d\d; Firing since \d\d:\d\d\.$/, {}, WAIT)).toBeInTheDocument()
  },
  SLOW_TEST_MS,
)

test(
  'in the healthy scenario nothing fires',
  async () => {
    renderRoute('/alerts')
    const firing = await screen.findByRole('region', { name: 'Firing (0)' }, WAIT)
    expect(firing).toHaveTextContent('Nothing is firing.')
    expect(screen.getByRole('list', { name: /^Inactive or without data/ })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Declare incident/ })).not.toBeInTheDocument()
  },
  SLOW_TEST_MS,
)

test(
  'the state and severity filters live in the URL',
  async () => {
    givenScenario('openai-outage')
    const { user, router } = renderRoute('/alerts?state=pending')
    expect(await screen.findByRole('combobox', { name: 'State' }, WAIT)).toHaveValue('pending')
    expect(await screen.findByRole('heading', { name: /^Pending \(\d+\)$/ }, WAIT)).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: /^Firing/ })).not.toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Firing')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'Critical')
    expect(search(router).get('state')).toBe('firing')
    expect(search(router).get('severity')).toBe('critical')
    const list = await firingList()
    for (const item of within(list).getAllByRole('listitem')) expect(item).toHaveTextContent('Critical')
    expect(screen.queryByRole('heading', { name: /^Pending/ })).not.toBeInTheDocument()
  },
  SLOW_TEST_MS,
)

test(
  'Declare incident on a firing alert opens the declaration prefilled from it',
  async () => {
    givenScenario('openai-outage')
    const { user } = renderRoute('/alerts')
    await firingList()
    await user.click(screen.getByRole('button', { name: 'Declare incident for STT error rate > 10 %' }))

    const dialog = await screen.findByRole('dialog', { name: 'Declare incident' })
    expect(within(dialog).getByLabelText('Title')).toHaveValue('STT error rate > 10 %')
  },
  SLOW_TEST_MS,
)

test(
  'errors are grouped by error_type in a chart and a table, upstream 5xx leading during an OpenAI outage',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/alerts?range=1h')
    const figure = await screen.findByRole('figure', { name: 'Errors by type' }, WAIT)
    const table = within(figure).getByRole('table', { name: /^Errors by service and type/ })
    const [header, first] = within(table).getAllByRole('row')
    expect(header).toHaveTextContent('ServiceError typeCountShare')
    expect(first).toHaveTextContent(/^(STT|TTS)upstream_5xx\d+\d+(\.\d)? %$/)
    expect(figure).toHaveTextContent(/errors over the last 1 h: /)
  },
  SLOW_TEST_MS,
)

test(
  'the log tail reads its filters from the URL and writes them back',
  async () => {
    const { user, router } = renderRoute('/alerts?level=ERROR&service=stt&logq=openai')
    expect(await screen.findByRole('combobox', { name: 'Level' }, WAIT)).toHaveValue('ERROR')
    expect(screen.getByRole('combobox', { name: 'Service' })).toHaveValue('stt')
    expect(screen.getByRole('searchbox', { name: 'Text' })).toHaveValue('openai')

    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), 'WARN')
    expect(search(router).get('level')).toBe('WARN')

    const text = screen.getByRole('searchbox', { name: 'Text' })
    await user.clear(text)
    await user.type(text, 'rate{Enter}')
    expect(search(router).get('logq')).toBe('rate')
    expect(search(router).get('service')).toBe('stt')
  },
  SLOW_TEST_MS,
)

test(
  'log lines are filtered by level and service, newest first',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/alerts?level=ERROR&service=stt')
    const lines = within(await screen.findByRole('list', { name: 'Log lines' }, WAIT)).getAllByRole('listitem')
    expect(lines.length).toBeGreaterThan(0)
    const times = lines.map((li) => {
      expect(li).toHaveTextContent(/ERRORstt/)
      return within(li).getByText(/^\d\d:\d\d:\d\d$/).getAttribute('datetime') ?? ''
    })
    expect([...times].sort().reverse()).toEqual(times)
  },
  SLOW_TEST_MS,
)

test(
  'a hostile log line is shown as text, never run',
  async () => {
    const hostile = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>'
    givenApiAnswers('/api/logs', {
      lines: [{ id: 'l1', at: new Date().toISOString(), service: 'stt', level: 'ERROR', message: hostile, errorType: null }],
    })
    renderRoute('/alerts')
    const list = await screen.findByRole('list', { name: 'Log lines' }, WAIT)
    expect(within(list).getByText(hostile)).toBeInTheDocument()
    expect(within(list).queryByRole('img')).not.toBeInTheDocument()
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined()
  },
  SLOW_TEST_MS,
)

test(
  '/alerts, fully loaded, has no axe violations',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/alerts?range=1h')
    await firingList()
    await screen.findByRole('figure', { name: 'Errors by type' }, WAIT)
    await screen.findByRole('list', { name: 'Log lines' }, WAIT)
    // jsdom cannot compute colours; contrast is checked in the browser tests.
    const result = await act(() => axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }))
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  },
  SLOW_TEST_MS,
)

test(
  'the Overview lists firing and pending alerts with severity, value, since and links',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/')
    const list = await screen.findByRole('list', { name: 'Firing and pending alerts' }, WAIT)
    const region = screen.getByRole('region', { name: 'Firing alerts' })
    const item = itemNamed(list, 'STT error rate > 10 %')
    expect(item).toHaveTextContent(/^Critical: STT error rate > 10 %, ▲Firing\d+(\.\d)? %since \d+ min ago/)
    expect(within(item).getByRole('link', { name: 'Playbook: High Error Rate' })).toHaveAttribute('href', '/runbooks/high-error-rate')
    expect(within(item).getByRole('link', { name: 'Chart of STT error rate > 10 %' })).toHaveAttribute('href', '/metrics?range=1h#stt-error-rate')
    expect(within(region).getByRole('link', { name: 'All alerts' })).toHaveAttribute('href', '/alerts')
  },
  SLOW_TEST_MS,
)

test(
  'when nothing fires the Overview says so',
  async () => {
    renderRoute('/')
    const empty = await screen.findByText('Nothing is firing or pending.', {}, WAIT)
    expect(screen.getByRole('region', { name: 'Firing alerts' })).toContainElement(empty)
  },
  SLOW_TEST_MS,
)
