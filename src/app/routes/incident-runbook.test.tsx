/**
 * The runbook on an incident page, against the mock backend: the process checklist,
 * the playbooks, the three Slack messages with the status-update reminder, and the
 * post-incident section. Each tick and message must reach the timeline.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import type { QueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { givenApiFails, seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const MIN = 60_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
const LOAD = { timeout: 5_000 }
// Whole-page tests on a shared, busy machine: each click round-trips through the mock backend.
vi.setConfig({ testTimeout: 20_000 })

beforeEach(() => {
  // Message drafts live in localStorage; each test starts without any.
  localStorage.clear()
})

function voiceAgentDown(partial: Partial<Incident> = {}): Incident {
  return seedIncident({
    id: 'INC-12345',
    title: 'Voice Agent Service Down',
    severity: 'P1',
    impact: 'All users affected',
    assignee: 'priya',
    declaredAt: ago(4 * MIN),
    ...partial,
  })
}

async function openIncident(incident: Incident) {
  const view = renderRoute(`/incidents/${incident.id}`)
  // The h1 shows the id alone while loading, then the id and the title.
  await screen.findByRole('heading', { level: 1, name: `${incident.id} · ${incident.title}` }, LOAD)
  return view
}

async function timelineTexts(queryClient: QueryClient, id: string): Promise<string[]> {
  const events = await queryClient.query({ ...incidentQueries.timeline(id), staleTime: 0 })
  return events.map((e) => e.text)
}

const timelineList = () => screen.findByRole('list', { name: 'Timeline' }, LOAD)

// ---------------------------------------------------------------- process checklist

test('ticking a process step saves it, counts it in its phase and writes it on the timeline', async () => {
  const incident = voiceAgentDown()
  const { user, queryClient } = await openIncident(incident)
  const process = screen.getByRole('region', { name: 'Response process' })
  const triage = within(process).getByRole('group', { name: '2. Triage' })
  expect(within(triage).getByText('0 of 3')).toBeInTheDocument()

  const assess = within(triage).getByRole('checkbox', { name: 'Assess: Determine severity level' })
  await user.click(assess)
  expect(assess).toBeChecked()
  expect(within(triage).getByText('1 of 3')).toBeInTheDocument()

  // The timeline says what was done in the runbook's words, not the step's id.
  const checked = 'Checked: Triage — Assess: Determine severity level'
  expect(await within(await timelineList()).findByText(checked, {}, LOAD)).toBeInTheDocument()
  expect(await timelineTexts(queryClient, incident.id)).toContain(checked)
  expect(within(await timelineList()).queryByText(/triage\.assess/)).not.toBeInTheDocument()

  await user.click(assess)
  expect(assess).not.toBeChecked()
  expect(await within(await timelineList()).findByText('Unchecked: Triage — Assess: Determine severity level', {}, LOAD)).toBeInTheDocument()
})

test('a tick the server refuses is rolled back and the reason is said beside the step', async () => {
  const incident = voiceAgentDown()
  givenApiFails('/api/incidents/:id/checklist', 400, { method: 'POST' })
  const { user } = await openIncident(incident)
  const step = screen.getByRole('checkbox', { name: 'Identify: Root cause' })
  await user.click(step)
  expect(await screen.findByRole('alert', {}, LOAD)).toHaveTextContent(/^Not saved/)
  expect(step).not.toBeChecked()
  expect(step).toHaveAccessibleDescription(/^Not saved/)
})

test('steps already ticked show ticked, with progress per phase and overall', async () => {
  const incident = voiceAgentDown({ checklist: ['detection.automated', 'detection.source', 'triage.assign'] })
  await openIncident(incident)
  const process = screen.getByRole('region', { name: 'Response process' })
  expect(within(process).getByRole('checkbox', { name: 'Automated: Monitoring alerts trigger' })).toBeChecked()
  expect(within(process).getByRole('checkbox', { name: 'Manual: User reports issue' })).not.toBeChecked()
  expect(within(within(process).getByRole('group', { name: '1. Detection' })).getByText(/2 of 3/)).toBeInTheDocument()
  expect(within(process).getByText('3 of 15 steps')).toBeInTheDocument()
})

// ---------------------------------------------------------------- playbooks

test('the playbook an alert suggests is there to follow: its steps tick onto the timeline, its commands copy', async () => {
  const incident = voiceAgentDown({ alertIds: ['quota-exceeded:openai'] })
  const { user, queryClient } = await openIncident(incident)
  const playbooks = screen.getByRole('region', { name: 'Playbooks' })
  const rateLimiting = await within(playbooks).findByRole('article', { name: 'Rate Limiting Triggered' }, LOAD)
  expect(within(rateLimiting).getByText(/^Suggested by/)).toBeInTheDocument()
  expect(within(playbooks).queryByRole('article', { name: 'High Error Rate' })).not.toBeInTheDocument()

  await user.click(within(rateLimiting).getByRole('checkbox', { name: 'Add more API keys (load balance)' }))
  expect(within(rateLimiting).getByText('1 of 4')).toBeInTheDocument()
  await waitFor(async () => {
    expect(await timelineTexts(queryClient, incident.id)).toContain('Checked: Rate Limiting Triggered — Add more API keys (load balance)')
  })

  await user.click(within(rateLimiting).getByRole('button', { name: 'Copy: Check rate limit logs' }))
  expect(await navigator.clipboard.readText()).toBe('grep "rate limit" logs/app/*.log')
  expect(within(rateLimiting).getByRole('status')).toHaveTextContent('Copied')
})

test('a playbook can be attached by hand and detached again, both on the timeline', async () => {
  const incident = voiceAgentDown()
  const { user, queryClient } = await openIncident(incident)
  const playbooks = screen.getByRole('region', { name: 'Playbooks' })
  expect(within(playbooks).getByText(/No alert linked to this incident suggests a playbook/)).toBeInTheDocument()

  await user.selectOptions(within(playbooks).getByRole('combobox', { name: 'Attach playbook' }), 'Database Connection Lost')
  const attached = await within(playbooks).findByRole('article', { name: 'Database Connection Lost' }, LOAD)
  expect(within(attached).getByText('Attached by hand')).toBeInTheDocument()
  expect(within(attached).getByRole('checkbox', { name: 'Restart database connection pool' })).not.toBeChecked()
  expect(within(within(playbooks).getByRole('combobox', { name: 'Attach playbook' })).queryByRole('option', { name: 'Database Connection Lost' })).not.toBeInTheDocument()

  await user.click(within(attached).getByRole('button', { name: 'Detach Database Connection Lost' }))
  await waitFor(() => {
    expect(within(playbooks).queryByRole('article', { name: 'Database Connection Lost' })).not.toBeInTheDocument()
  }, LOAD)
  const texts = await timelineTexts(queryClient, incident.id)
  expect(texts).toContain('Playbook attached: database-connection-lost')
  expect(texts).toContain('Playbook detached: database-connection-lost')
})

// ---------------------------------------------------------------- messages

const messageBox = (name: string) => screen.getByRole('textbox', { name })
const messageText = (name: string) => (messageBox(name) as HTMLTextAreaElement).value

test('the three messages are filled from the incident, with no gaps printed as "undefined"', async () => {
  const incident = voiceAgentDown()
  await openIncident(incident)
  const internal = await waitFor(() => {
    const box = messageBox('Internal alert')
    // The on-call handle comes from the roster, which may land after the incident.
    expect(box).toHaveValue(
      '[P1] Voice Agent Service Down\nStatus: Investigating\nImpact: All users affected\nOn-call: @priya\nIncident: INC-12345',
    )
    return box
  }, LOAD)
  expect(internal).toBeInTheDocument()
  for (const name of ['Internal alert', 'Status update', 'Resolution']) {
    const text = messageText(name)
    expect(text).toMatch(/^\[P1\] Voice Agent Service Down/)
    expect(text).not.toMatch(/undefined|null/)
  }
  expect(messageBox('Status update')).toHaveValue('[P1] Voice Agent Service Down - UPDATE\nStatus: Investigating\nRoot Cause: TBD\nResolution: TBD\nETA: TBD')
  expect(messageBox('Resolution')).toHaveValue(
    '[P1] Voice Agent Service Down - RESOLVED\nDuration: 4 minutes\nRoot Cause: TBD\nResolution: TBD\nPost-mortem: Not scheduled',
  )
})

test('the ETA goes into the status update; an edit is kept through refreshes until "Reset to template"', async () => {
  const incident = voiceAgentDown()
  const { user } = await openIncident(incident)
  await user.type(screen.getByRole('textbox', { name: 'ETA' }), '5 minutes')
  expect(messageText('Status update')).toContain('ETA: 5 minutes')

  const internal = messageBox('Internal alert')
  await user.click(internal)
  await user.keyboard('{Control>}{End}{/Control}')
  await user.type(internal, '\nBridge: https://meet.example/inc')
  const edited = messageText('Internal alert')
  expect(edited).toMatch(/Incident: INC-12345\nBridge: https:\/\/meet\.example\/inc$/)

  // A change to the incident (here: acknowledging it) refreshes the data; the edit stays.
  await user.click(screen.getByRole('button', { name: /acknowledge/i }))
  await waitFor(() => {
    expect(screen.queryByRole('button', { name: /^acknowledge$/i })).not.toBeInTheDocument()
  }, LOAD)
  expect(messageBox('Internal alert')).toHaveValue(edited)

  const group = screen.getByRole('group', { name: 'Internal alert' })
  await user.click(within(group).getByRole('button', { name: 'Reset to template' }))
  expect(messageText('Internal alert')).not.toContain('Bridge')
  expect(within(group).queryByRole('button', { name: 'Reset to template' })).not.toBeInTheDocument()
})

test('drafts are kept per incident across a reload of the page', async () => {
  const incident = voiceAgentDown()
  const first = await openIncident(incident)
  await first.user.clear(messageBox('Status update'))
  await first.user.type(messageBox('Status update'), 'Mitigated; watching error rates.')
  first.unmount()

  await openIncident(incident)
  expect(messageBox('Status update')).toHaveValue('Mitigated; watching error rates.')
})

test('"Mark as posted" records the exact text on the timeline and restarts the status-update clock', async () => {
  const incident = voiceAgentDown({ declaredAt: ago(20 * MIN) })
  const { user, queryClient } = await openIncident(incident)
  expect(screen.getByText(/Status update overdue/)).toHaveAttribute('role', 'status')

  const group = screen.getByRole('group', { name: 'Status update' })
  await user.type(screen.getByRole('textbox', { name: 'ETA' }), '10 minutes')
  const text = messageText('Status update')
  await user.click(within(group).getByRole('button', { name: 'Mark as posted' }))
  expect(await within(group).findByText('Logged on the timeline as posted.', {}, LOAD)).toBeInTheDocument()
  await waitFor(async () => {
    expect(await timelineTexts(queryClient, incident.id)).toContain(text)
  })
  await waitFor(() => {
    expect(screen.queryByText(/Status update overdue/)).not.toBeInTheDocument()
  }, LOAD)
  expect(screen.getByText(/Last status update/)).toHaveTextContent('Last status update just now')
})

test('the status-update reminder says how long ago the last update was, and turns urgent past the cadence', async () => {
  const fresh = voiceAgentDown({ declaredAt: ago(30 * MIN), lastStatusUpdateAt: ago(12 * MIN) })
  const { unmount } = await openIncident(fresh)
  expect(screen.getByText(/Last status update/)).toHaveTextContent('Last status update 12 min ago')
  expect(screen.queryByText(/Status update overdue/)).not.toBeInTheDocument()
  unmount()

  const stale = voiceAgentDown({ id: 'INC-12346', declaredAt: ago(30 * MIN), lastStatusUpdateAt: ago(16 * MIN) })
  await openIncident(stale)
  expect(screen.getByText(/Last status update/)).toHaveTextContent('Last status update 16 min ago')
  const overdue = screen.getByText(/Status update overdue/)
  expect(overdue).toHaveAttribute('role', 'status')
  expect(overdue).toHaveTextContent('⚠ Status update overdue: P1 incidents owe one every 15 min.')
})

test('a resolved incident owes no status update', async () => {
  await openIncident(voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), lastStatusUpdateAt: ago(60 * MIN) }))
  expect(screen.queryByText(/Last status update/)).not.toBeInTheDocument()
  expect(screen.queryByText(/Status update overdue/)).not.toBeInTheDocument()
})

test('Copy puts the message on the clipboard; when the clipboard refuses, the text is selected instead', async () => {
  const incident = voiceAgentDown()
  const { user } = await openIncident(incident)
  const group = screen.getByRole('group', { name: 'Resolution' })
  await user.click(within(group).getByRole('button', { name: 'Copy: Resolution' }))
  expect(await navigator.clipboard.readText()).toBe(messageText('Resolution'))
  expect(within(group).getByRole('status')).toHaveTextContent('Copied')

  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'))
  const alertGroup = screen.getByRole('group', { name: 'Internal alert' })
  await user.click(within(alertGroup).getByRole('button', { name: 'Copy: Internal alert' }))
  expect(await within(alertGroup).findByRole('status')).toHaveTextContent('Press Ctrl+C to copy')
  const box = messageBox('Internal alert') as HTMLTextAreaElement
  expect(box).toHaveFocus()
  expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length])
})

test('hostile text in the incident stays text in the messages and the report', async () => {
  const hostile = '<img src=x onerror="alert(1)">'
  const incident = voiceAgentDown({ title: hostile, impact: '<script>alert(2)</script>' })
  await openIncident(incident)
  expect(messageText('Internal alert')).toContain(`[P1] ${hostile}`)
  expect(screen.queryByRole('img')).not.toBeInTheDocument()
  const report = await screen.findByRole('textbox', { name: 'Report preview (Markdown)' }, LOAD)
  expect((report as HTMLTextAreaElement).value).toContain('\\<img src=x onerror="alert(1)">')
})

// ---------------------------------------------------------------- post-incident

test('the post-incident checklist ticks onto the timeline like every other step', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN) })
  const { user, queryClient } = await openIncident(incident)
  const section = screen.getByRole('region', { name: 'Post-incident' })
  const item = within(section).getByRole('checkbox', { name: 'Create incident report' })
  await user.click(item)
  expect(item).toBeChecked()
  expect(within(within(section).getByRole('group', { name: 'Post-incident checklist' })).getByText('1 of 6')).toBeInTheDocument()
  await waitFor(async () => {
    expect(await timelineTexts(queryClient, incident.id)).toContain('Checked: Post-incident checklist — Create incident report')
  })
})

test('scheduling the post-mortem saves it and fills the resolution message', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN) })
  const { user, queryClient } = await openIncident(incident)
  const section = screen.getByRole('region', { name: 'Post-incident' })
  const input = within(section).getByLabelText('Post-mortem')
  await user.type(input, '2030-01-15T10:00')
  await user.click(within(section).getByRole('button', { name: 'Save post-mortem time' }))

  await waitFor(() => {
    expect(messageText('Resolution')).toMatch(/Post-mortem: Scheduled for 2030-01-15 10:00 /)
  }, LOAD)
  const saved = new Date(2030, 0, 15, 10, 0).toISOString()
  expect(await timelineTexts(queryClient, incident.id)).toContain(`Post-mortem scheduled for ${saved}`)
  expect(input).toHaveValue('2030-01-15T10:00')
})

test('follow-up actions are added with owner and due date, ticked done and removed', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN) })
  const { user, queryClient } = await openIncident(incident)
  const section = screen.getByRole('region', { name: 'Post-incident' })
  const form = within(section).getByRole('form', { name: 'Add follow-up' })
  await user.type(within(form).getByRole('textbox', { name: 'Action' }), 'Alert on OpenAI quota at 80 %')
  await user.type(within(form).getByRole('combobox', { name: 'Owner' }), '@ana')
  await user.type(within(form).getByLabelText('Due date'), '2026-12-04')
  await user.click(within(form).getByRole('button', { name: 'Add follow-up' }))

  const list = await within(section).findByRole('list', { name: 'Follow-up actions' }, LOAD)
  const action = within(list).getByRole('checkbox', { name: 'Alert on OpenAI quota at 80 %' })
  expect(within(list).getByText('@ana · due 2026-12-04')).toBeInTheDocument()
  expect(within(form).getByRole('textbox', { name: 'Action' })).toHaveValue('')

  await user.click(action)
  await waitFor(() => {
    expect(within(list).getByRole('checkbox', { name: 'Alert on OpenAI quota at 80 %' })).toBeChecked()
  }, LOAD)
  await user.click(within(list).getByRole('button', { name: 'Remove follow-up: Alert on OpenAI quota at 80 %' }))
  await waitFor(() => {
    expect(within(section).queryByRole('list', { name: 'Follow-up actions' })).not.toBeInTheDocument()
  }, LOAD)
  expect((await timelineTexts(queryClient, incident.id)).filter((t) => /follow-up/i.test(t))).toHaveLength(3)
})

test('the report previews the Markdown and downloads it as INC-12345-report.md', async () => {
  const incident = voiceAgentDown({
    status: 'resolved',
    resolvedAt: ago(MIN),
    rootCause: 'OpenAI API outage',
    resolution: 'Switched to Ollama fallback',
    followUps: [{ id: 'f1', text: 'Add a quota alert', owner: 'ana', due: '2026-12-04', done: false }],
  })
  const { user } = await openIncident(incident)
  const section = screen.getByRole('region', { name: 'Post-incident' })
  const preview = await within(section).findByRole('textbox', { name: 'Report preview (Markdown)' }, LOAD)
  const markdown = (preview as HTMLTextAreaElement).value
  expect(markdown).toMatch(/^# INC-12345: Voice Agent Service Down\n/)
  expect(markdown).toContain('## Root cause\n\nOpenAI API outage')
  expect(markdown).toContain('- [ ] Add a quota alert — owner: Ana Silva (@ana), due 2026-12-04')

  const blobs: Blob[] = []
  const createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob)
    return 'blob:report'
  })
  const revokeObjectURL = vi.fn()
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }))
  const downloads: string[] = []
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(`${this.download} ${this.href}`)
  })
  try {
    await user.click(within(section).getByRole('button', { name: 'Download report' }))
    expect(downloads).toEqual(['INC-12345-report.md blob:report'])
    expect(blobs).toHaveLength(1)
    expect(await blobs[0]?.text()).toBe(markdown)
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:report')
  } finally {
    click.mockRestore()
    vi.unstubAllGlobals()
  }
})

test('the runbook sections of an incident page have no axe violations', async () => {
  const incident = voiceAgentDown({
    alertIds: ['quota-exceeded:openai'],
    followUps: [{ id: 'f1', text: 'Add a quota alert', owner: 'ana', due: null, done: false }],
  })
  await openIncident(incident)
  await screen.findByRole('textbox', { name: 'Report preview (Markdown)' }, LOAD)
  const options: axe.RunOptions = { rules: { 'color-contrast': { enabled: false } } }
  for (const name of ['Response process', 'Playbooks', 'Messages', 'Post-incident']) {
    const region = screen.getByRole('region', { name })
    const result = await act(() => axe.run(region, options))
    expect(result.violations.map((v) => `${name} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})
