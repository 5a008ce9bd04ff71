/**
 * /incidents against the mock backend: the list, its URL-kept filters, and declaring
 * an incident end to end.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { vi } from 'vitest'
import { incidentQueries } from '@/api/incidents'
import { manyIncidents } from '@/features/incident-list/incident-builder'
import { givenApiAnswers, givenApiFails, givenApiRecovers, seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const MIN = 60_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
const LOAD = { timeout: 5_000 }

async function incidentTable() {
  return screen.findByRole('table', { name: 'Incidents' }, LOAD)
}

/** Data rows (the header row is left out), in the order shown. */
async function rows() {
  const table = await incidentTable()
  return within(table).getAllByRole('row').slice(1)
}

const idsShown = async () => (await rows()).map((r) => within(r).getByRole('link').textContent)

/** The URL changes before the list re-renders: wait for the rows to follow. */
async function expectIds(expected: string[]) {
  await waitFor(async () => {
    expect(await idsShown()).toEqual(expected)
  })
}

const query = (search: string) => new URLSearchParams(search)

/** jsdom has no colours or layout: contrast is checked in a real browser. */
async function axeViolations() {
  const result = await act(() => axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }))
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

test('the list shows each incident with severity, status, services, assignee, level, age and its response clock', async () => {
  seedIncident({
    id: 'INC-20001',
    title: 'Agent not speaking',
    severity: 'P1',
    services: ['stt', 'openai'],
    assignee: 'priya',
    escalationLevel: 2,
    declaredAt: ago(3 * MIN),
  })
  seedIncident({ id: 'INC-20002', title: 'LLM timeouts', severity: 'P2', declaredAt: ago(20 * MIN) })
  seedIncident({ id: 'INC-20003', title: 'Slow TTS', severity: 'P3', status: 'identified', declaredAt: ago(10 * MIN), acknowledgedAt: ago(7 * MIN) })
  seedIncident({ id: 'INC-20004', title: 'Old and done', severity: 'P4', status: 'resolved', declaredAt: ago(3 * 24 * 60 * MIN), resolvedAt: ago(2 * 24 * 60 * MIN) })
  renderRoute('/incidents')

  expect(await screen.findByRole('heading', { level: 1, name: 'Incidents' }, LOAD)).toBeInTheDocument()
  await expectIds(['INC-20001', 'INC-20002', 'INC-20003'])
  const [p1, p2, p3] = await rows()
  if (p1 === undefined || p2 === undefined || p3 === undefined) throw new Error('three rows expected')

  expect(within(p1).getByRole('link', { name: 'INC-20001' })).toHaveAttribute('href', '/incidents/INC-20001')
  expect(p1).toHaveTextContent('Agent not speaking')
  expect(p1).toHaveTextContent('Investigating')
  expect(p1).toHaveTextContent('STT, OpenAI API')
  expect(await within(p1).findByText('Priya Raman')).toBeInTheDocument()
  expect(within(p1).getByText('L2')).toHaveAttribute('title', 'L2: Senior engineer')
  const age = within(p1).getByText('3 min ago')
  expect(age).toHaveAttribute('title', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d\d:\d\d$/))
  expect(within(p1).getByText(/^[12]:\d\d left$/)).toBeInTheDocument()

  // A breach is said in words and marked with an icon, not only coloured.
  const breach = within(p2).getByText(/^Breached \+5:\d\d/)
  expect(breach).toHaveTextContent(/not acknowledged/)
  expect(within(p2).getByText('Unassigned')).toBeInTheDocument()

  expect(within(p3).getByText('Acknowledged in 3 min')).toBeInTheDocument()
  expect(p3).toHaveTextContent('Identified')
})

test('the severity counts sit at the top, unknown included, and the table says how many rows it has', async () => {
  seedIncident({ severity: 'P1' })
  seedIncident({ severity: 'P1' })
  seedIncident({ severity: 'P3' })
  seedIncident({ severity: 'SEV0' })
  renderRoute('/incidents')

  const table = await incidentTable()
  expect(table).toHaveAttribute('aria-rowcount', '5')
  const counts = screen.getByRole('group', { name: 'Severity' })
  expect(within(counts).getByRole('button', { name: 'P1 2 incidents' })).toHaveAttribute('aria-pressed', 'false')
  expect(within(counts).getByRole('button', { name: 'P2 0 incidents' })).toBeInTheDocument()
  expect(within(counts).getByRole('button', { name: 'P3 1 incident' })).toBeInTheDocument()
  expect(within(counts).getByRole('button', { name: 'Unknown 1 incident' })).toBeInTheDocument()
})

test('an unknown severity from the API is shown as sent, first', async () => {
  seedIncident({ id: 'INC-30001', severity: 'P1', declaredAt: ago(MIN) })
  seedIncident({ id: 'INC-30002', severity: 'SEV0', title: 'New kind of outage', declaredAt: ago(10 * MIN) })
  seedIncident({ id: 'INC-30003', severity: 'P2', declaredAt: ago(30 * 1000) })
  renderRoute('/incidents')

  await expectIds(['INC-30002', 'INC-30001', 'INC-30003'])
  const [first] = await rows()
  expect(within(first ?? document.body).getByText('SEV0')).toHaveAttribute('title', expect.stringMatching(/most urgent/))
})

test('filters are read from the URL, and changing one writes it back', async () => {
  seedIncident({ id: 'INC-40001', severity: 'P1', services: ['stt'] })
  seedIncident({ id: 'INC-40002', severity: 'P2', services: ['llm'] })
  seedIncident({ id: 'INC-40003', severity: 'P1', status: 'closed', declaredAt: ago(5 * 24 * 60 * MIN), resolvedAt: ago(4 * 24 * 60 * MIN), closedAt: ago(4 * 24 * 60 * MIN) })
  const { user, router } = renderRoute('/incidents?severity=P1&scenario=healthy')

  await expectIds(['INC-40001'])
  expect(screen.getByRole('button', { name: /^P1 / })).toHaveAttribute('aria-pressed', 'true')

  await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'All')
  await waitFor(() => {
    expect(query(router.state.location.search).get('status')).toBe('all')
  })
  await expectIds(['INC-40001', 'INC-40003'])

  await user.click(screen.getByRole('button', { name: /^P2 / }))
  await waitFor(() => {
    expect(query(router.state.location.search).get('severity')).toBe('P1,P2')
  })
  await expectIds(['INC-40001', 'INC-40002', 'INC-40003'])

  await user.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'LLM')
  await waitFor(() => {
    expect(query(router.state.location.search).get('service')).toBe('llm')
  })
  await expectIds(['INC-40002'])
  // Other parameters in the link survive.
  expect(query(router.state.location.search).get('scenario')).toBe('healthy')
})

test('sorting by a column header is kept in the URL', async () => {
  seedIncident({ id: 'INC-50001', severity: 'P1', declaredAt: ago(30 * MIN) })
  seedIncident({ id: 'INC-50002', severity: 'P3', declaredAt: ago(MIN) })
  const { user, router } = renderRoute('/incidents')
  await expectIds(['INC-50001', 'INC-50002'])

  await user.click(screen.getByRole('button', { name: /^Age/ }))
  await waitFor(() => {
    expect(query(router.state.location.search).get('sort')).toBe('age')
  })
  await expectIds(['INC-50002', 'INC-50001'])
  expect(screen.getByRole('columnheader', { name: /^Age/ })).toHaveAttribute('aria-sort', 'ascending')

  await user.click(screen.getByRole('button', { name: /^Age/ }))
  await waitFor(() => {
    expect(query(router.state.location.search).get('reverse')).toBe('1')
  })
  await expectIds(['INC-50001', 'INC-50002'])
})

test('typed search text shows at once and filters once typing pauses', async () => {
  seedIncident({ id: 'INC-60001', title: 'OpenAI outage' })
  seedIncident({ id: 'INC-60002', title: 'Database connection lost' })
  const { user, router } = renderRoute('/incidents')
  expect(await idsShown()).toHaveLength(2)

  const search = screen.getByRole('searchbox', { name: 'Search' })
  await user.type(search, 'openai')
  expect(search).toHaveValue('openai')

  await waitFor(() => {
    expect(query(router.state.location.search).get('q')).toBe('openai')
  })
  await expectIds(['INC-60001'])
})

test('when nothing matches, Clear filters brings everything back, search box included', async () => {
  seedIncident({ id: 'INC-70001', severity: 'P3' })
  const { user, router } = renderRoute('/incidents?severity=P1&q=nothing')

  expect(await screen.findByText('No incidents match these filters', {}, LOAD)).toBeInTheDocument()
  const clear = screen.getAllByRole('button', { name: 'Clear filters' })
  await user.click(clear[clear.length - 1] ?? document.body)

  await expectIds(['INC-70001'])
  expect(router.state.location.search).toBe('')
  expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('')
})

test('with no incidents at all the list says there are no open incidents', async () => {
  renderRoute('/incidents')
  expect(await screen.findByText('No open incidents', {}, LOAD)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()
})

test('a failed refresh keeps the rows, marked Stale', async () => {
  seedIncident({ id: 'INC-80001' })
  const { queryClient } = renderRoute('/incidents')
  await expectIds(['INC-80001'])

  givenApiFails('/api/incidents', 503, { method: 'GET' })
  await queryClient.refetchQueries({ queryKey: incidentQueries.list().queryKey })

  expect(await screen.findByRole('status')).toHaveTextContent(/Stale/)
  await expectIds(['INC-80001'])
})

test('a background refresh of an unchanged list is a 304: the same rows stay, untouched; a change then shows', async () => {
  seedIncident({ id: 'INC-80001', declaredAt: ago(10 * MIN) })
  seedIncident({ id: 'INC-80002', declaredAt: ago(5 * MIN) })
  const { queryClient } = renderRoute('/incidents')
  await expectIds(['INC-80002', 'INC-80001'])
  const before = await rows()
  const held = queryClient.getQueryData(incidentQueries.list().queryKey)

  const table = await incidentTable()
  const changes: MutationRecord[] = []
  const observer = new MutationObserver((records) => changes.push(...records))
  observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true })
  const network = vi.spyOn(globalThis, 'fetch')
  await queryClient.refetchQueries({ queryKey: incidentQueries.list().queryKey })
  const statuses = await Promise.all(network.mock.results.map(async (r) => ((await r.value) as Response).status))
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
  observer.disconnect()

  expect(statuses).toEqual([304])
  expect(queryClient.getQueryData(incidentQueries.list().queryKey)).toBe(held)
  expect(changes).toEqual([])
  expect(await rows()).toEqual(before)
  expect(before.every((row) => row.isConnected)).toBe(true)
  expect(screen.queryByText(/Stale/)).not.toBeInTheDocument()

  seedIncident({ id: 'INC-80003', declaredAt: ago(MIN) })
  await queryClient.refetchQueries({ queryKey: incidentQueries.list().queryKey })
  await expectIds(['INC-80003', 'INC-80002', 'INC-80001'])
})

test('a failed first load says so, with Retry', async () => {
  givenApiFails('/api/incidents', 500, { method: 'GET' })
  const { user } = renderRoute('/incidents')

  expect(await screen.findByText(/Incident list could not be loaded/, {}, LOAD)).toBeInTheDocument()
  givenApiRecovers()
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(await screen.findByText('No open incidents')).toBeInTheDocument()
})

test('10,000 incidents: the table knows them all but only a window of rows is in the DOM', async () => {
  givenApiAnswers('/api/incidents', { incidents: manyIncidents(10_000) })
  renderRoute('/incidents?status=all')

  const table = await screen.findByRole('table', { name: 'Incidents' }, { timeout: 15_000 })
  expect(table).toHaveAttribute('aria-rowcount', '10001')
  const shown = within(table).getAllByRole('row').slice(1)
  expect(shown.length).toBeGreaterThan(5)
  expect(shown.length).toBeLessThan(60)
  expect(shown[0]).toHaveAttribute('aria-rowindex', '2')
}, 30_000)

test('declaring an incident lands on its page, and the list shows it with an INC- id', async () => {
  const { user, router } = renderRoute('/incidents')
  await user.click(await screen.findByRole('button', { name: 'Declare incident' }, LOAD))
  const dialog = screen.getByRole('dialog', { name: 'Declare incident' })

  await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Users report the agent is silent')
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Severity' }), 'P2')
  await user.type(within(dialog).getByRole('textbox', { name: 'Impact' }), 'Calls connect, nobody answers')
  await user.click(within(dialog).getByRole('checkbox', { name: 'TTS' }))
  await user.click(within(dialog).getByRole('button', { name: 'Declare' }))

  await waitFor(() => {
    expect(router.state.location.pathname).toMatch(/^\/incidents\/INC-\d+$/)
  })
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  const id = router.state.location.pathname.split('/').pop() ?? ''

  await act(() => router.navigate('/incidents'))
  const [row] = await rows()
  expect(within(row ?? document.body).getByRole('link', { name: id })).toBeInTheDocument()
  expect(row).toHaveTextContent('Users report the agent is silent')
  expect(row).toHaveTextContent('TTS')
  expect(row).toHaveTextContent('P2')
})

test('a double click on Declare creates exactly one incident', async () => {
  const { user, router, queryClient } = renderRoute('/incidents')
  await user.click(await screen.findByRole('button', { name: 'Declare incident' }, LOAD))
  const dialog = screen.getByRole('dialog', { name: 'Declare incident' })
  await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Clicked twice')
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Severity' }), 'P3')

  // Both clicks land before the first answer (userEvent would wait for the mock server in between).
  const declare = within(dialog).getByRole('button', { name: 'Declare' })
  fireEvent.click(declare)
  fireEvent.click(declare)
  await waitFor(() => {
    expect(router.state.location.pathname).toMatch(/^\/incidents\/INC-\d+$/)
  })
  await waitFor(() => {
    expect(queryClient.isMutating()).toBe(0)
  })

  await act(() => router.navigate('/incidents'))
  await waitFor(async () => {
    expect((await rows()).filter((r) => r.textContent.includes('Clicked twice'))).toHaveLength(1)
  })
  expect(await idsShown()).toHaveLength(1)
})

test('a failed declaration keeps what was typed, says why, and the retry declares once', async () => {
  givenApiFails('/api/incidents', 500, { method: 'POST' })
  const { user, router } = renderRoute('/incidents')
  await user.click(await screen.findByRole('button', { name: 'Declare incident' }, LOAD))
  const dialog = screen.getByRole('dialog', { name: 'Declare incident' })
  await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Database connection lost')
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Severity' }), 'P2')
  await user.type(within(dialog).getByRole('textbox', { name: 'Impact' }), 'Conversations are not saved')
  await user.click(within(dialog).getByRole('checkbox', { name: 'Database' }))
  await user.click(within(dialog).getByRole('button', { name: 'Declare' }))

  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent(/not declared/)
  expect(alert).toHaveTextContent(/HTTP 500/)
  expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue('Database connection lost')
  expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveValue('P2')
  expect(within(dialog).getByRole('textbox', { name: 'Impact' })).toHaveValue('Conversations are not saved')
  expect(within(dialog).getByRole('checkbox', { name: 'Database' })).toBeChecked()
  expect(router.state.location.pathname).toBe('/incidents')

  givenApiRecovers()
  await user.click(within(dialog).getByRole('button', { name: 'Declare' }))
  await waitFor(() => {
    expect(router.state.location.pathname).toMatch(/^\/incidents\/INC-\d+$/)
  })
  await act(() => router.navigate('/incidents'))
  expect((await rows()).map((r) => r.textContent.includes('Database connection lost'))).toEqual([true])
})

test('the list and the open dialog have no axe violations', async () => {
  seedIncident({ severity: 'P1', assignee: 'priya' })
  seedIncident({ severity: 'SEV0', declaredAt: ago(40 * MIN) })
  const { user } = renderRoute('/incidents')
  await expectIds(['INC-10002', 'INC-10001'])
  expect(await axeViolations()).toEqual([])

  await user.click(screen.getByRole('button', { name: 'Declare incident' }))
  const dialog = screen.getByRole('dialog', { name: 'Declare incident' })
  await user.click(within(dialog).getByRole('button', { name: 'Declare' }))
  expect(await axeViolations()).toEqual([])
}, 20_000)
