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

function listOf(answer: Record<string, Item[] | string>, key: string): Item[] {
  const list = answer[key]
  if (!Array.isArray(list) || list.length < 2) throw new Error(`the mock answered too few ${key}`)
  return list
}

test('an incident with an unknown status is set aside; the others are listed', async () => {
  const first = seedIncident({ title: 'Checkout calls drop', severity: 'P2' })
  const bad = seedIncident({ title: 'From a newer backend', severity: 'P1' })
  const third = seedIncident({ title: 'TTS voices garbled', severity: 'P3', escalationLevel: 2 })
  givenApiAnswers('/api/incidents', {
    incidents: [first, { ...bad, status: 'paused' }, { ...third, escalationLevel: 5 }, first],
  })
  renderRoute('/incidents')

  expect(await screen.findByText('Checkout calls drop')).toBeInTheDocument()
  // An escalation level above L4 is shown as sent, not dropped.
  expect(screen.getByText('TTS voices garbled')).toBeInTheDocument()
  expect(screen.getByText('L5')).toBeInTheDocument()
  expect(screen.queryByText('From a newer backend')).not.toBeInTheDocument()
  expect(screen.getByText('2 incidents set aside: unknown status "paused"; duplicate id "' + first.id + '".')).toBeInTheDocument()
})

test('an alert in an unknown state is set aside; the other alerts are shown', async () => {
  givenScenario('openai-outage')
  const answer = await answerOf('/api/alerts')
  const alerts = listOf(answer, 'alerts')
  const [broken, ...rest] = alerts
  givenApiAnswers('/api/alerts', { ...answer, alerts: [{ ...broken, state: 'resolved' }, ...rest] })
  renderRoute('/alerts')

  expect(await screen.findByText('1 alert set aside: unknown state "resolved".')).toBeInTheDocument()
  const firstShown = rest[0]
  expect(screen.getAllByText(String(firstShown?.name)).length).toBeGreaterThan(0)
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
