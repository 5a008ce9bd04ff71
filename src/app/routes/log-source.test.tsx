/** Where the log panel's lines come from (server/sources/log-file/with-log-source.ts decides it). */
import { screen, within } from '@testing-library/react'
import { givenApiAnswers, givenNoLogSource } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const WAIT = { timeout: 10_000 }

function logPanel(): Promise<HTMLElement> {
  return screen.findByRole('region', { name: 'Recent log lines' }, WAIT)
}

const LINE = { id: 'line-1', at: '2026-05-01T11:00:00.000Z', service: 'stt', level: 'ERROR', message: 'STT request failed: timeout', errorType: null }

test('no log source (Prometheus without VIGIL_LOG_FILE): the panel says what to set, and shows no lines', async () => {
  givenNoLogSource()
  renderRoute('/alerts')
  const panel = await logPanel()
  expect(await within(panel).findByText(/^No log source configured: set VIGIL_LOG_FILE/, {}, WAIT)).toBeInTheDocument()
  expect(within(panel).queryByRole('list', { name: 'Log lines' })).not.toBeInTheDocument()
  expect(within(panel).queryByText('No log lines match.')).not.toBeInTheDocument()
})

test('the simulator\'s lines are said to be simulated', async () => {
  renderRoute('/alerts')
  const panel = await logPanel()
  expect(await within(panel).findByRole('list', { name: 'Log lines' }, WAIT)).toBeInTheDocument()
  expect(within(panel).getByText(/^Simulated lines/)).toBeInTheDocument()
})

test('a followed file is named above its lines', async () => {
  givenApiAnswers('/api/logs', { lines: [LINE], source: { kind: 'file', detail: 'Following /var/log/agent.log' } })
  renderRoute('/alerts')
  const panel = await logPanel()
  expect(await within(panel).findByText('Following /var/log/agent.log', {}, WAIT)).toBeInTheDocument()
  expect(within(panel).getByText('STT request failed: timeout')).toBeInTheDocument()
})

test('an unreadable source is ignored: the lines are still shown', async () => {
  givenApiAnswers('/api/logs', { lines: [LINE], source: { kind: 'carrier-pigeon' } })
  renderRoute('/alerts')
  const panel = await logPanel()
  expect(await within(panel).findByText('STT request failed: timeout', {}, WAIT)).toBeInTheDocument()
  expect(within(panel).queryByText(/^Simulated lines|^No log source/)).not.toBeInTheDocument()
})
