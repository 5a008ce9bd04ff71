/**
 * One bad item never blanks a panel: the rest of the list is shown, and the panel says
 * how many items it set aside and why.
 */
import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { givenApiAnswers, givenScenario, seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

type Item = Record<string, unknown>

/** A valid answer from the mock backend, to break one item of. */
async function answerOf(path: string): Promise<Record<string, Item[] | string>> {
  const response = await fetch(path)
  return (await response.json()) as Record<string, Item[] | string>
}

function listOf(answer: Record<string, Item[] | string>, key: string, atLeast = 2): Item[] {
  const list = answer[key]
  if (!Array.isArray(list) || list.length < atLeast) throw new Error(`the mock answered too few ${key}`)
  return list
}

test('an incident in an unknown status is listed, its status shown as unknown; a repeated one is set aside', async () => {
  const first = seedIncident({ title: 'Checkout calls drop', severity: 'P2' })
  const newer = seedIncident({ title: 'From a newer backend', severity: 'P1' })
  const third = seedIncident({ title: 'TTS voices garbled', severity: 'P3', escalationLevel: 2 })
  givenApiAnswers('/api/incidents', {
    incidents: [first, { ...newer, status: 'monitoring' }, { ...third, escalationLevel: 5 }, first],
  })
  renderRoute('/incidents')

  expect(await screen.findByText('Checkout calls drop')).toBeInTheDocument()
  // An escalation level above L4 is shown as sent, not dropped.
  expect(screen.getByText('TTS voices garbled')).toBeInTheDocument()
  expect(screen.getByText('L5')).toBeInTheDocument()
  // A status this version does not know counts as open, so the default (open) view lists it, with the word as sent.
  const row = screen.getAllByRole('row').find((r) => within(r).queryByText('From a newer backend') !== null)
  expect(row).toBeDefined()
  expect(within(row ?? document.body).getByText('monitoring (unknown status)')).toBeInTheDocument()
  expect(screen.getByText('1 incident set aside: duplicate id "' + first.id + '".')).toBeInTheDocument()
})

test('an alert in an unknown state is listed as unknown, counted neither firing nor quiet; nothing is set aside', async () => {
  givenScenario('openai-outage')
  const answer = await answerOf('/api/alerts')
  const alerts = listOf(answer, 'alerts')
  const broken = alerts.find((a) => a.state === 'firing')
  if (broken === undefined) throw new Error('the outage scenario has no firing alert')
  const rest = alerts.filter((a) => a !== broken)
  givenApiAnswers('/api/alerts', { ...answer, alerts: [...rest, { ...broken, state: 'resolved', name: 'From a newer backend' }] })
  renderRoute('/alerts')

  const section = await screen.findByRole('region', { name: 'In a state this version does not know (1)' })
  expect(within(section).getByText('From a newer backend')).toBeInTheDocument()
  expect(within(section).getByText('resolved (unknown state)')).toBeInTheDocument()
  const count = (state: string) => rest.filter((a) => a.state === state).length
  expect(
    screen.getByText(
      `${count('firing')} firing · ${count('pending')} pending · ${count('inactive') + count('nodata')} inactive or without data · 1 in an unknown state`,
    ),
  ).toBeInTheDocument()
  expect(screen.queryByText(/alerts? set aside/)).not.toBeInTheDocument()
})

test('the wall and the P1 takeover show a P1 whose status this version does not know', async () => {
  const p1 = seedIncident({ title: 'Agent silent on every call', severity: 'P1' })
  givenApiAnswers('/api/incidents', { incidents: [{ ...p1, status: 'monitoring' }] })
  renderRoute('/wall')

  const takeover = await screen.findByRole('alert', {}, { timeout: 10_000 })
  expect(takeover).toHaveTextContent(`P1 declared: ${p1.id} Agent silent on every call`)
  const panel = screen.getByRole('region', { name: 'Open incidents' })
  const list = within(panel).getByRole('list', { name: 'Open incidents' })
  expect(list).toHaveTextContent(/Agent silent on every call/)
  expect(within(list).getByText('monitoring (unknown status)')).toBeInTheDocument()
  expect(within(panel).queryByText(/set aside/)).not.toBeInTheDocument()
})

test('an incident in an unknown status opens; no status change is offered, and the page says why', async () => {
  const incident = seedIncident({ title: 'Queue backlog', severity: 'P2' })
  givenApiAnswers(`/api/incidents/${incident.id}`, { ...incident, status: 'monitoring' })
  renderRoute(`/incidents/${incident.id}`)

  const status = await screen.findByRole('combobox', { name: 'Status' }, { timeout: 10_000 })
  expect(status).toBeDisabled()
  expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual(['monitoring (unknown status)'])
  expect(status).toHaveAccessibleDescription(/“monitoring” is a status this version of Vigil does not know.*offers none/)
  expect(screen.getByRole('definition', { name: 'Status' })).toHaveTextContent('monitoring (unknown status)')
})

test('a new health component and an unknown state are shown; a broken one is set aside', async () => {
  const answer = await answerOf('/api/health')
  const [first, second, ...rest] = listOf(answer, 'components')
  givenApiAnswers('/api/health', {
    ...answer,
    components: [
      { ...first, state: 'flapping' },
      { ...second, name: 42 },
      ...rest,
      { id: 'redis', name: 'Redis', kind: 'infrastructure', state: 'up', reason: 'PING ok', ruleId: null },
    ],
  })
  renderRoute('/')

  const strip = await screen.findByRole('list', { name: 'Service health' })
  const tiles = within(strip).getAllByRole('listitem')
  expect(tiles).toHaveLength(rest.length + 2)
  const flapping = tiles.find((tile) => within(tile).queryByText(String(first?.name)) !== null)
  expect(flapping).toHaveTextContent(/unknown/i)
  expect(within(strip).getByText('Redis')).toBeInTheDocument()
  expect(screen.getByText('1 component set aside: name: Invalid input: expected string, received number.')).toBeInTheDocument()
})

test('a log line with level FATAL is shown as sent; a line without a message is set aside', async () => {
  const answer = await answerOf('/api/logs?limit=20')
  const [first, second, ...rest] = listOf(answer, 'lines')
  const { message: _dropped, ...noMessage } = second ?? {}
  givenApiAnswers('/api/logs', { lines: [{ ...first, level: 'FATAL', message: 'the agent fell over' }, noMessage, ...rest] })
  renderRoute('/alerts')

  const lines = await screen.findByRole('list', { name: 'Log lines' })
  expect(within(lines).getAllByRole('listitem')).toHaveLength(rest.length + 1)
  expect(within(lines).getByText('FATAL')).toBeInTheDocument()
  expect(within(lines).getByText('the agent fell over')).toBeInTheDocument()
  expect(screen.getByText('1 log line set aside: message is missing.')).toBeInTheDocument()
})

test('the wall shows a P1 and the other incidents when one incident is broken, and says so', async () => {
  const p1 = seedIncident({ title: 'Agent silent on every call', severity: 'P1' })
  const other = seedIncident({ title: 'Slow LLM answers', severity: 'P3' })
  givenApiAnswers('/api/incidents', { incidents: [p1, { ...other, id: '' }] })
  renderRoute('/wall')

  const panel = await screen.findByRole('region', { name: 'Open incidents' })
  expect(await within(panel).findByText('1 incident set aside: id: Too small: expected string to have >=1 characters.')).toBeInTheDocument()
  expect(within(panel).getByRole('list', { name: 'Open incidents' })).toHaveTextContent(/Agent silent on every call/)
})

test('a broken timeline event is set aside and a repeated one shown once; the rest of the story is shown', async () => {
  const incident = seedIncident({ title: 'Checkout calls drop', severity: 'P2' })
  const [declared] = listOf(await answerOf(`/api/incidents/${incident.id}/timeline`), 'events', 1)
  givenApiAnswers(`/api/incidents/${incident.id}/timeline`, {
    events: [
      declared,
      { ...declared, id: 'EV-note', kind: 'note', text: 'Paged the payments vendor' },
      { ...declared, id: 'EV-broken', kind: 'note', text: 'Sent at no time', at: 'yesterday' },
      { ...declared, id: 'EV-new-kind', kind: 'vendor-ticket', text: 'Ticket 4711 opened' },
      { ...declared, id: 'EV-note', kind: 'note', text: 'A repeat of the note' },
    ],
  })
  renderRoute(`/incidents/${incident.id}`)

  const timeline = await screen.findByRole('list', { name: 'Timeline' }, { timeout: 10_000 })
  expect(within(timeline).getByText('Paged the payments vendor')).toBeInTheDocument()
  // A kind the app has no label for is still an event: shown under its own name.
  expect(within(timeline).getByText('Ticket 4711 opened')).toBeInTheDocument()
  expect(within(timeline).queryByText('Sent at no time')).not.toBeInTheDocument()
  expect(within(timeline).queryByText('A repeat of the note')).not.toBeInTheDocument()
  expect(within(timeline).getAllByRole('listitem')).toHaveLength(3)
  expect(screen.getByText(/^2 timeline events set aside: at: .+; duplicate id "EV-note"\.$/)).toBeInTheDocument()
})

test('a span of the alert history in an unknown state is set aside; the alerts and the rest of their history are shown', async () => {
  givenScenario('openai-outage')
  const to = new Date()
  const from = new Date(to.getTime() - 60 * 60_000)
  const history = await answerOf(`/api/alerts/history?from=${from.toISOString()}&to=${to.toISOString()}`)
  const spans = listOf(history, 'spans', 1)
  givenApiAnswers('/api/alerts/history', { ...history, spans: [{ ...spans[0], state: 'resolved' }, ...spans] })
  renderRoute('/alerts')

  expect(await screen.findByText('1 history span set aside: unknown state "resolved".', {}, { timeout: 10_000 })).toBeInTheDocument()
  expect(screen.getAllByText(/^History: /).length).toBeGreaterThan(0)
})
