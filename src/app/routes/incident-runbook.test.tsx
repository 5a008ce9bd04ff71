/**
 * The runbook on an incident page, against the mock backend: the process checklist,
 * the playbooks, the three Slack messages with the status-update reminder, and the
 * post-incident section. Each tick and message must reach the timeline.
 */
import { act, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import type { QueryClient } from '@tanstack/react-query'
import { incidentQueries, patchIncident } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { givenApiFails, givenApiRecovers, seedIncident } from '../../../test/mock-backend'
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
  // The timeline names the playbook by its title, not its slug.
  const texts = await timelineTexts(queryClient, incident.id)
  expect(texts).toContain('Playbook attached: Database Connection Lost')
  expect(texts).toContain('Playbook detached: Database Connection Lost')
  expect(texts.filter((t) => t.includes('database-connection-lost'))).toEqual([])
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

const quotaAlert = { id: 'f1', text: 'Add a quota alert', owner: '@ana', due: '2026-12-04', done: false }

async function followUpsOf(incident: Incident) {
  const { user, queryClient } = await openIncident(incident)
  const section = screen.getByRole('region', { name: 'Post-incident' })
  const list = within(section).getByRole('list', { name: 'Follow-up actions' })
  return { user, queryClient, section, list }
}

const reportText = async () => (await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Report preview (Markdown)' }, LOAD)).value

test('a follow-up is edited in place from the keyboard: Enter saves text, owner and due date, and the timeline says what changed', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), followUps: [quotaAlert] })
  const { user, queryClient, list } = await followUpsOf(incident)

  within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }).focus()
  await user.keyboard('{Enter}')
  const text = within(list).getByRole('textbox', { name: 'Follow-up text' })
  expect(text).toHaveFocus()
  expect(text).toHaveValue('Add a quota alert')
  await user.clear(text)
  await user.type(text, 'Alert on OpenAI quota at 80 %')
  const owner = within(list).getByRole('combobox', { name: 'Follow-up owner' })
  await user.clear(owner)
  await user.type(owner, '@tom')
  await user.clear(within(list).getByLabelText('Follow-up due date'))
  await user.type(within(list).getByLabelText('Follow-up due date'), '2026-12-11')
  await user.click(text)
  await user.keyboard('{Enter}')

  // The editor closes and the item shows the edit; focus is back on its Edit button.
  expect(within(list).queryByRole('textbox', { name: 'Follow-up text' })).not.toBeInTheDocument()
  const edit = within(list).getByRole('button', { name: 'Edit follow-up: Alert on OpenAI quota at 80 %' })
  expect(edit).toHaveFocus()
  expect(within(list).getByRole('checkbox', { name: 'Alert on OpenAI quota at 80 %' })).not.toBeChecked()
  expect(within(list).getByText('@tom · due 2026-12-11')).toBeInTheDocument()
  await waitFor(async () => {
    expect(await timelineTexts(queryClient, incident.id)).toContain(
      'Follow-up updated: Alert on OpenAI quota at 80 % (was “Add a quota alert”) — owner @ana → @tom, due 2026-12-04 → 2026-12-11',
    )
  }, LOAD)
  await waitFor(async () => {
    expect(await reportText()).toContain('- [ ] Alert on OpenAI quota at 80 %')
  }, LOAD)
})

test('Escape cancels an edit: nothing is saved and focus returns to the Edit button', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), followUps: [quotaAlert] })
  const { user, queryClient, list } = await followUpsOf(incident)
  await user.click(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }))
  await user.type(within(list).getByRole('textbox', { name: 'Follow-up text' }), ' by Friday')
  await user.keyboard('{Escape}')

  expect(within(list).queryByRole('textbox', { name: 'Follow-up text' })).not.toBeInTheDocument()
  expect(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' })).toHaveFocus()
  expect(within(list).getByRole('checkbox', { name: 'Add a quota alert' })).toBeInTheDocument()
  expect((await timelineTexts(queryClient, incident.id)).filter((t) => /follow-up/i.test(t))).toEqual([])

  // Saving what is already there changes nothing either: the editor just closes.
  await user.click(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }))
  await user.keyboard('{Enter}')
  expect(within(list).queryByRole('textbox', { name: 'Follow-up text' })).not.toBeInTheDocument()
  expect((await timelineTexts(queryClient, incident.id)).filter((t) => /follow-up/i.test(t))).toEqual([])
})

test('an empty follow-up text is not saved: the editor says why and stays open', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), followUps: [quotaAlert] })
  const { user, queryClient, list } = await followUpsOf(incident)
  await user.click(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }))
  const text = within(list).getByRole('textbox', { name: 'Follow-up text' })
  await user.clear(text)
  await user.keyboard('{Enter}')
  expect(within(list).getByRole('alert')).toHaveTextContent('Describe the follow-up')
  expect(text).toBeInvalid()
  expect(text).toHaveAccessibleDescription(/^Describe the follow-up/)
  expect((await timelineTexts(queryClient, incident.id)).filter((t) => /follow-up/i.test(t))).toEqual([])
})

test('a refused edit rolls the item back and brings the editor back with the typed text and the reason; a retry saves it', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), followUps: [quotaAlert] })
  givenApiFails('/api/incidents/:id', 400, { method: 'PATCH' })
  const { user, queryClient, list } = await followUpsOf(incident)
  await user.click(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }))
  await user.type(within(list).getByRole('textbox', { name: 'Follow-up text' }), ' at 80 %')
  await user.keyboard('{Enter}')

  const alert = await within(list).findByRole('alert', {}, LOAD)
  expect(alert).toHaveTextContent(/^Not saved/)
  const text = within(list).getByRole('textbox', { name: 'Follow-up text' })
  expect(text).toHaveValue('Add a quota alert at 80 %')
  expect(text).toHaveFocus()
  expect(text).toHaveAccessibleDescription(/^Not saved/)
  // The item's saved value is back everywhere it is shown.
  expect(await reportText()).toContain('- [ ] Add a quota alert — ')
  expect(await reportText()).not.toContain('at 80 %')
  // The open editor with its alert is as accessible as the rest of the section.
  const region = screen.getByRole('region', { name: 'Post-incident' })
  const result = await act(() => axe.run(region, { rules: { 'color-contrast': { enabled: false } } }))
  expect(result.violations.map((v) => v.id)).toEqual([])

  givenApiRecovers()
  await user.keyboard('{Enter}')
  expect(await within(list).findByRole('checkbox', { name: 'Add a quota alert at 80 %' }, LOAD)).toBeInTheDocument()
  await waitFor(async () => {
    expect(await timelineTexts(queryClient, incident.id)).toContain('Follow-up updated: Add a quota alert at 80 % (was “Add a quota alert”)')
  }, LOAD)
  expect(within(list).queryByRole('alert')).not.toBeInTheDocument()
})

test('an edit that cannot reach the server keeps the typed text, says it is kept and retried', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), followUps: [quotaAlert] })
  givenApiFails('/api/incidents/:id', 503, { method: 'PATCH', retryAfterS: 60 })
  const { user, list } = await followUpsOf(incident)
  await user.click(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }))
  await user.type(within(list).getByRole('textbox', { name: 'Follow-up text' }), ' at 80 %')
  await user.keyboard('{Enter}')

  expect(await within(list).findByRole('alert', {}, LOAD)).toHaveTextContent(/^Not saved yet — .*retried automatically/)
  expect(within(list).getByRole('textbox', { name: 'Follow-up text' })).toHaveValue('Add a quota alert at 80 %')
})

async function editedMeanwhile(queryClient: QueryClient, incident: Incident, theirs: Partial<typeof quotaAlert>) {
  await patchIncident(incident.id, incident.version, { followUps: [{ ...quotaAlert, ...theirs }], actor: 'tom' })
  await act(() => queryClient.invalidateQueries({ queryKey: incidentQueries.all() }))
  await waitFor(() => {
    expect(queryClient.getQueryData(incidentQueries.detail(incident.id).queryKey)?.followUps).toEqual([{ ...quotaAlert, ...theirs }])
  }, LOAD)
}

test('an edit made while someone else changed another field of the follow-up keeps both', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), followUps: [quotaAlert] })
  const { user, queryClient, list } = await followUpsOf(incident)
  await user.click(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }))
  await user.type(within(list).getByRole('textbox', { name: 'Follow-up text' }), ' at 80 %')
  await editedMeanwhile(queryClient, incident, { owner: '@tom' })

  await user.keyboard('{Enter}')
  expect(await within(list).findByRole('checkbox', { name: 'Add a quota alert at 80 %' }, LOAD)).toBeInTheDocument()
  expect(within(list).getByText('@tom · due 2026-12-04')).toBeInTheDocument()
  await waitFor(async () => {
    expect(await timelineTexts(queryClient, incident.id)).toContain('Follow-up updated: Add a quota alert at 80 % (was “Add a quota alert”)')
  }, LOAD)
})

test('a follow-up text someone else changed meanwhile is not overwritten unseen: the editor says so, a second Enter replaces it', async () => {
  const incident = voiceAgentDown({ status: 'resolved', resolvedAt: ago(MIN), followUps: [quotaAlert] })
  const { user, queryClient, list } = await followUpsOf(incident)
  await user.click(within(list).getByRole('button', { name: 'Edit follow-up: Add a quota alert' }))
  await user.type(within(list).getByRole('textbox', { name: 'Follow-up text' }), ' at 80 %')
  await editedMeanwhile(queryClient, incident, { text: 'Add a quota alert at 90 %' })

  await user.keyboard('{Enter}')
  expect(within(list).getByRole('alert')).toHaveTextContent(
    'Changed by someone else while you edited: now “Add a quota alert at 90 %” (@ana · due 2026-12-04)',
  )
  expect(within(list).getByRole('textbox', { name: 'Follow-up text' })).toHaveValue('Add a quota alert at 80 %')
  expect((await timelineTexts(queryClient, incident.id)).filter((t) => /follow-up/i.test(t))).toHaveLength(1)

  await user.keyboard('{Enter}')
  await waitFor(async () => {
    expect(await timelineTexts(queryClient, incident.id)).toContain('Follow-up updated: Add a quota alert at 80 % (was “Add a quota alert at 90 %”)')
  }, LOAD)
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
