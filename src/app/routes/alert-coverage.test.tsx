import { screen, waitFor, within } from '@testing-library/react'
import { givenScenario, seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const WAIT = { timeout: 10_000 }
const SLOW_TEST_MS = 30_000
const STT_ERRORS = 'error-rate-critical:stt'

async function firingItem(name: string) {
  const list = await screen.findByRole('list', { name: /^Firing \(\d+\)$/ }, WAIT)
  const item = await waitFor(() => {
    const found = within(list)
      .getAllByRole('listitem')
      .find((li) => within(li).queryByText(name, { exact: true }) !== null)
    if (found === undefined) throw new Error(`no firing alert named ${name}`)
    return found
  }, WAIT)
  return item
}

test(
  'on /alerts an alert that an open incident lists reads "Handled in INC-…" with a link, and offers no second Declare',
  async () => {
    givenScenario('openai-outage')
    const incident = seedIncident({ id: 'INC-777', title: 'OpenAI down', status: 'investigating', alertIds: [STT_ERRORS] })
    renderRoute('/alerts')
    const item = await firingItem('STT error rate > 10 %')
    const link = await within(item).findByRole('link', { name: incident.id }, WAIT)
    expect(link).toHaveAttribute('href', '/incidents/INC-777')
    expect(item).toHaveTextContent('Handled in INC-777')
    expect(within(item).queryByRole('button', { name: /Declare incident/ })).toBeNull()
  },
  SLOW_TEST_MS,
)

test(
  'a resolved incident handles nothing: the alert offers Declare again, and the amber line counts it',
  async () => {
    givenScenario('openai-outage')
    seedIncident({ id: 'INC-778', status: 'resolved', resolvedAt: new Date().toISOString(), alertIds: [STT_ERRORS] })
    renderRoute('/alerts')
    const item = await firingItem('STT error rate > 10 %')
    expect(within(item).getByRole('button', { name: /Declare incident/ })).toBeInTheDocument()
    expect(within(item).queryByText(/Handled in/)).toBeNull()
    expect(await screen.findByText(/^\d+ critical firing · no incident declared$/, {}, WAIT)).toBeInTheDocument()
  },
  SLOW_TEST_MS,
)

test(
  'the amber line says how many critical alerts no open incident covers when some are covered',
  async () => {
    givenScenario('openai-outage')
    seedIncident({ id: 'INC-779', status: 'identified', alertIds: [STT_ERRORS] })
    renderRoute('/alerts')
    await firingItem('STT error rate > 10 %')
    const line = await screen.findByText(/^\d+ of \d+ critical firing · not in any open incident$/, {}, WAIT)
    const [uncovered, firing] = (line.textContent.match(/\d+/g) ?? []).map(Number)
    expect(firing).toBeGreaterThan(1)
    expect(uncovered).toBe((firing ?? 0) - 1)
  },
  SLOW_TEST_MS,
)

test(
  'the Overview says which firing alert is handled, and counts critical alerts in the tab title and on the favicon',
  async () => {
    givenScenario('openai-outage')
    seedIncident({ id: 'INC-780', status: 'investigating', alertIds: [STT_ERRORS] })
    renderRoute('/')
    const panel = await screen.findByRole('list', { name: 'Firing and pending alerts' }, WAIT)
    const item = await waitFor(() => {
      const found = within(panel)
        .getAllByRole('listitem')
        .find((li) => within(li).queryByText('STT error rate > 10 %', { exact: true }) !== null)
      if (found === undefined) throw new Error('STT error rate not listed yet')
      return found
    }, WAIT)
    expect(await within(item).findByRole('link', { name: 'INC-780' }, WAIT)).toHaveAttribute('href', '/incidents/INC-780')
    await waitFor(() => {
      expect(document.title).toMatch(/^\(\d+\) Overview · Vigil$/)
    }, WAIT)
    // The favicon lives in <head>, outside anything Testing Library queries.
    // eslint-disable-next-line testing-library/no-node-access
    const icon = document.head.querySelector('link[rel="icon"]')
    expect(icon?.getAttribute('href')).toMatch(/^data:image\/svg\+xml,/)
  },
  SLOW_TEST_MS,
)

test('with nothing firing, the title carries no count and nothing amber is said', async () => {
  givenScenario('healthy')
  renderRoute('/alerts')
  await screen.findByRole('list', { name: /^Pending \(\d+\)$|^Inactive or without data \(\d+\)$/ }, WAIT).catch(() => undefined)
  await screen.findByText(/^0 firing · /, {}, WAIT)
  expect(document.title).toBe('Alerts · Vigil')
  expect(screen.queryByText(/no incident declared|not in any open incident/)).toBeNull()
}, SLOW_TEST_MS)

test(
  'the wall says in amber that critical alerts fire with no incident declared, never a green "No open incidents"',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/wall')
    // "critical" as on /alerts and the Overview: beside the wall's Alerts panel, which counts every firing alert.
    expect(await screen.findByText(/^\d+ critical firing · no incident declared$/, {}, WAIT)).toBeInTheDocument()
    expect(screen.queryByText('No open incidents')).toBeNull()
  },
  SLOW_TEST_MS,
)

test(
  'on the wall an alert row names the incident handling it',
  async () => {
    givenScenario('openai-outage')
    seedIncident({ id: 'INC-781', severity: 'P2', status: 'investigating', alertIds: [STT_ERRORS] })
    renderRoute('/wall')
    const list = await screen.findByRole('list', { name: 'Active alerts' }, WAIT)
    await waitFor(() => expect(within(list).getByText('Handled in INC-781')).toBeInTheDocument(), WAIT)
    expect(await screen.findByText(/^\d+ of \d+ critical firing · not in any open incident$/, {}, WAIT)).toBeInTheDocument()
  },
  SLOW_TEST_MS,
)

test(
  'a red tile whose alert an open incident handles stays red and says where it is handled, on the Overview and the wall',
  async () => {
    givenScenario('openai-outage')
    seedIncident({ id: 'INC-782', status: 'investigating', alertIds: ['service-down:stt'] })
    const { unmount } = renderRoute('/')
    const strip = await screen.findByRole('list', { name: 'Service health' }, WAIT)
    const stt = await waitFor(() => {
      const item = within(strip)
        .getAllByRole('listitem')
        .find((li) => li.textContent.startsWith('STT'))
      if (item === undefined || !/Handled in INC-782/.test(item.textContent)) throw new Error('STT tile not handled yet')
      return item
    }, WAIT)
    expect(stt).toHaveTextContent(/down/i)
    expect(within(stt).getByRole('link', { name: 'INC-782' })).toHaveAttribute('href', '/incidents/INC-782')
    const tts = within(strip)
      .getAllByRole('listitem')
      .find((li) => li.textContent.startsWith('TTS'))
    expect(tts).not.toHaveTextContent(/Handled in/)
    unmount()

    renderRoute('/wall')
    const tiles = await screen.findByRole('list', { name: 'Service health' }, WAIT)
    await waitFor(() => {
      expect(within(tiles).getByText(/Handled in INC-782/)).toBeInTheDocument()
    }, WAIT)
  },
  SLOW_TEST_MS,
)

test(
  'declaring from a firing alert shows first the open incident already on that service, as a link that closes the dialog',
  async () => {
    givenScenario('openai-outage')
    seedIncident({ id: 'INC-783', title: 'Transcription failing', severity: 'P2', status: 'investigating', services: ['stt'], alertIds: [] })
    const { user, router } = renderRoute('/alerts')
    const item = await firingItem('STT error rate > 10 %')
    await user.click(within(item).getByRole('button', { name: /Declare incident/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Declare incident' }, WAIT)
    const already = await within(dialog).findByRole('region', { name: 'Already open' }, WAIT)
    const link = within(already).getByRole('link', { name: 'INC-783 · Transcription failing' })
    expect(already).toHaveTextContent('(P2, investigating)')
    await user.click(link)
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/incidents/INC-783')
    })
    expect(screen.queryByRole('dialog', { name: 'Declare incident' })).toBeNull()
  },
  SLOW_TEST_MS,
)

test(
  'a firing alert can be linked to an open incident from /alerts: it then reads "Handled in", and the incident\'s timeline says so',
  async () => {
    givenScenario('openai-outage')
    seedIncident({ id: 'INC-784', title: 'Speech recognition failing', severity: 'P2', status: 'investigating', alertIds: [] })
    const { user } = renderRoute('/alerts')
    const item = await firingItem('STT error rate > 10 %')
    const form = within(item).getByRole('form', { name: 'Link STT error rate > 10 % to an open incident' })
    await user.selectOptions(within(form).getByRole('combobox', { name: 'or link to' }), 'INC-784')
    await user.click(within(form).getByRole('button', { name: /^Link/ }))
    await waitFor(() => {
      expect(within(item).getByRole('link', { name: 'INC-784' })).toHaveAttribute('href', '/incidents/INC-784')
    }, WAIT)
    expect(within(item).queryByRole('button', { name: /Declare incident/ })).toBeNull()

    const events = await fetch('/api/incidents/INC-784/timeline').then((r) => r.json() as Promise<{ events: { text?: string }[] }>)
    expect(events.events.map((e) => e.text)).toContain('Alert linked: STT error rate > 10 % (error-rate-critical:stt)')
  },
  SLOW_TEST_MS,
)
