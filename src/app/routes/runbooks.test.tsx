import { act, screen, within } from '@testing-library/react'
import axe from 'axe-core'
import { givenApiAnswers, givenApiFails } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

test('the runbooks page lists the four playbooks and the runbook sections, each under its heading', async () => {
  renderRoute('/runbooks')
  expect(await screen.findByRole('heading', { level: 1, name: 'Runbooks' })).toBeInTheDocument()
  const playbooks = screen.getByRole('region', { name: 'Playbooks' })
  for (const title of ['Agent Not Responding', 'High Error Rate', 'Database Connection Lost', 'Rate Limiting Triggered']) {
    expect(within(playbooks).getByRole('link', { name: title })).toBeInTheDocument()
  }
  expect(within(playbooks).getByRole('link', { name: 'Rate Limiting Triggered' })).toHaveAttribute('href', '/runbooks/rate-limiting')

  const severities = screen.getByRole('region', { name: 'Severity levels' })
  expect(within(severities).getByRole('rowheader', { name: 'P1 – Critical' })).toBeInTheDocument()
  expect(within(severities).getByRole('row', { name: /P3 – Medium Partial functionality affected 1 hour/ })).toBeInTheDocument()
  const process = screen.getByRole('region', { name: 'Response process' })
  expect(within(process).getByRole('heading', { name: '5. Post-Incident' })).toBeInTheDocument()
  expect(within(screen.getByRole('region', { name: 'Escalation path' })).getByText(/CTO\/VP Engineering/)).toBeInTheDocument()
  const monitoring = screen.getByRole('region', { name: 'Monitoring alerts' })
  expect(within(monitoring).getByRole('heading', { name: 'Critical' })).toBeInTheDocument()
  expect(within(monitoring).getByText('Latency > 3 seconds (P95)')).toBeInTheDocument()
})

test('searching filters the playbooks by symptom, command or cause, and keeps the query in the URL', async () => {
  const { user, router } = renderRoute('/runbooks')
  const search = await screen.findByRole('searchbox', { name: 'Search runbooks' })
  const playbooks = screen.getByRole('region', { name: 'Playbooks' })

  await user.type(search, 'psql')
  expect(within(playbooks).getAllByRole('link').map((l) => l.textContent)).toEqual(['Database Connection Lost'])
  expect(router.state.location.search).toBe('?q=psql')

  await user.clear(search)
  await user.type(search, 'livekit')
  expect(within(playbooks).getAllByRole('link').map((l) => l.textContent)).toEqual(['Agent Not Responding'])

  await user.clear(search)
  await user.type(search, 'kubernetes')
  expect(within(playbooks).queryByRole('link')).not.toBeInTheDocument()
  expect(within(playbooks).getByText('No runbook matches “kubernetes”.')).toBeInTheDocument()
  await user.click(within(playbooks).getByRole('button', { name: 'Clear search' }))
  expect(within(playbooks).getAllByRole('link')).toHaveLength(4)
  expect(router.state.location.search).toBe('')
})

test('a link with ?q= opens the page already filtered', async () => {
  renderRoute('/runbooks?q=429')
  expect(await screen.findByRole('searchbox', { name: 'Search runbooks' })).toHaveValue('429')
  const playbooks = screen.getByRole('region', { name: 'Playbooks' })
  expect(within(playbooks).getAllByRole('link').map((l) => l.textContent)).toEqual(['Rate Limiting Triggered'])
})

const diskFull = {
  slug: 'disk-full',
  title: '<img src=x onerror="alert(1)"> Disk Full',
  symptoms: ['Writes fail with ENOSPC'],
  investigation: [{ kind: 'command', comment: 'Check disk', command: 'df -h /var' }],
  causes: [],
  resolution: [{ id: 'clean-logs', label: 'Clean old logs' }],
}

test("the team's playbooks from the backend join the built-in ones, and their text stays text", async () => {
  givenApiAnswers('/api/runbooks', { playbooks: [diskFull] })
  const { user } = renderRoute('/runbooks')
  const playbooks = await screen.findByRole('region', { name: 'Playbooks' })
  const link = await within(playbooks).findByRole('link', { name: diskFull.title })
  expect(screen.queryByRole('img')).not.toBeInTheDocument()

  await user.click(link)
  expect(await screen.findByRole('heading', { level: 1, name: diskFull.title })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Copy: Check disk' })).toBeInTheDocument()
})

test('when the backend cannot serve extra playbooks, the built-in ones are still there and the gap is said', async () => {
  givenApiFails('/api/runbooks', 500)
  renderRoute('/runbooks')
  const playbooks = await screen.findByRole('region', { name: 'Playbooks' })
  expect(await within(playbooks).findByText(/extra playbooks could not be loaded/)).toBeInTheDocument()
  expect(within(playbooks).getAllByRole('link')).toHaveLength(4)
})

test('a playbook page has its symptoms, investigation, causes and resolution', async () => {
  renderRoute('/runbooks/agent-not-responding')
  expect(await screen.findByRole('heading', { level: 1, name: 'Agent Not Responding' })).toBeInTheDocument()
  expect(within(screen.getByRole('region', { name: 'Symptoms' })).getByText('Conversation state stuck')).toBeInTheDocument()
  const investigation = screen.getByRole('region', { name: 'Investigation' })
  expect(within(investigation).getByText('curl https://backend-url/health').tagName).toBe('CODE')
  expect(within(investigation).getByText('Look at STT/LLM/TTS latency metrics')).toBeInTheDocument()
  expect(within(screen.getByRole('region', { name: 'Common causes' })).getByText(/Check LiveKit Cloud status/)).toBeInTheDocument()
  const steps = within(screen.getByRole('region', { name: 'Resolution' })).getAllByRole('listitem')
  expect(steps.map((s) => s.textContent)).toEqual([
    'Restart affected service',
    'Switch to fallback LLM provider',
    'Check API rate limits',
    'Scale up resources if needed',
  ])
})

test('Copy puts the command on the clipboard and says so', async () => {
  const { user } = renderRoute('/runbooks/agent-not-responding')
  await user.click(await screen.findByRole('button', { name: 'Copy: Check logs' }))
  expect(await navigator.clipboard.readText()).toBe('tail -f logs/app/voice-agent.log | grep ERROR')
  expect(await screen.findByRole('status')).toHaveTextContent('Copied')
})

test('when the clipboard refuses, the command is selected and the page says how to copy it', async () => {
  const { user } = renderRoute('/runbooks/database-connection-lost')
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'))
  await user.click(await screen.findByRole('button', { name: 'Copy: Check database connection' }))
  expect(await screen.findByRole('status')).toHaveTextContent('Press Ctrl+C to copy')
  expect(window.getSelection()?.toString()).toBe('psql -h db-host -U user -d voice_agent -c "SELECT 1"')
})

test('without a clipboard API at all, the same fallback applies', async () => {
  const { user } = renderRoute('/runbooks/rate-limiting')
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard')
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })
  try {
    await user.click(await screen.findByRole('button', { name: 'Copy: Check rate limit logs' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Press Ctrl+C to copy')
    expect(window.getSelection()?.toString()).toBe('grep "rate limit" logs/app/*.log')
  } finally {
    if (original) Object.defineProperty(navigator, 'clipboard', original)
  }
})

test('an unknown slug says so and links back to the runbooks', async () => {
  const { user } = renderRoute('/runbooks/no-such-thing')
  expect(await screen.findByRole('heading', { name: 'No runbook named “no-such-thing”' })).toBeInTheDocument()
  await user.click(screen.getByRole('link', { name: 'All runbooks' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Runbooks' })).toBeInTheDocument()
})

// jsdom cannot compute colours; contrast is checked in the browser tests.
const axeOptions: axe.RunOptions = { rules: { 'color-contrast': { enabled: false } } }

test.each(['/runbooks', '/runbooks/agent-not-responding', '/runbooks/no-such-thing'])('%s has no axe violations', async (path) => {
  renderRoute(path)
  await screen.findByRole('heading', { level: 1, name: /Runbooks|Agent Not Responding|Runbook not found/ })
  const result = await act(() => axe.run(document.body, axeOptions))
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}, 20_000)
