/**
 * "Post to Slack" and the server-given identity on an incident page, over the mock
 * backend set up as a server with a Slack webhook and/or an auth proxy in front
 * (givenSession). The button exists only when the session offers Slack; what it posts is
 * the text as edited, a failure says why and keeps that text, and a retry of the same
 * text reuses its Idempotency-Key.
 */
import { screen, waitFor, within } from '@testing-library/react'
import type { QueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { sessionQueries } from '@/api/session-queries'
import { givenSession, recordRequests, seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

// Whole-page tests on a shared, busy machine: the incident page is a lazy route.
vi.setConfig({ testTimeout: 20_000 })
const LOAD = { timeout: 8_000 }
const MIN = 60_000

beforeEach(() => {
  // Message drafts and the chosen identity live in localStorage; each test starts without them.
  localStorage.clear()
})

function incidentOnFire(): Incident {
  return seedIncident({
    id: 'INC-12345',
    title: 'Voice Agent Service Down',
    severity: 'P1',
    impact: 'All users affected',
    assignee: 'priya',
    declaredAt: new Date(Date.now() - 4 * MIN).toISOString(),
  })
}

async function openIncident(incident: Incident) {
  const view = renderRoute(`/incidents/${incident.id}`)
  await screen.findByRole('heading', { level: 1, name: `${incident.id} · ${incident.title}` }, LOAD)
  // Absence of a control proves nothing until the session that decides it is known.
  await waitFor(() => {
    expect(view.queryClient.getQueryState(sessionQueries.all())?.status).toBe('success')
  }, LOAD)
  return view
}

async function messageTexts(queryClient: QueryClient, id: string): Promise<string[]> {
  const events = await queryClient.query({ ...incidentQueries.timeline(id), staleTime: 0 })
  return events.filter((e) => e.kind === 'message').map((e) => e.text)
}

const group = (name: string) => screen.getByRole('group', { name })
const box = (name: string) => screen.getByRole('textbox', { name })

// ---------------------------------------------------------------- Slack

test('without Slack on the backend there is no "Post to Slack", only Copy and Mark as posted', async () => {
  await openIncident(incidentOnFire())

  for (const name of ['Internal alert', 'Status update', 'Resolution']) {
    expect(within(group(name)).getByRole('button', { name: `Copy: ${name}` })).toBeInTheDocument()
    expect(within(group(name)).getByRole('button', { name: 'Mark as posted' })).toBeInTheDocument()
    expect(within(group(name)).queryByRole('button', { name: /Post to Slack/ })).not.toBeInTheDocument()
  }
})

test('with Slack, "Post to Slack" sends the text as edited, shows progress, and the timeline shows it', async () => {
  const slack = givenSession({ slack: true })
  slack.answersAfter(300)
  const incident = incidentOnFire()
  const { user, queryClient } = await openIncident(incident)
  const alert = group('Internal alert')
  for (const name of ['Internal alert', 'Status update', 'Resolution']) {
    expect(within(group(name)).getByRole('button', { name: 'Post to Slack' })).toBeInTheDocument()
  }

  const text = '🔴 INCIDENT: voice agent down\n<script>alert(1)</script> & "quotes"'
  await user.clear(box('Internal alert'))
  await user.paste(text)
  await user.click(within(alert).getByRole('button', { name: 'Post to Slack' }))

  expect(within(alert).getByRole('button', { name: 'Posting…' })).toBeDisabled()
  expect(await within(alert).findByRole('status', {}, LOAD)).toHaveTextContent('Posted to Slack')
  expect(slack.posted).toEqual([text])
  expect(box('Internal alert')).toHaveValue(text)
  expect(await within(await screen.findByRole('list', { name: 'Timeline' })).findByText(/voice agent down/, {}, LOAD)).toBeInTheDocument()
  expect(await messageTexts(queryClient, incident.id)).toEqual([text])
})

test('a failed post says why, keeps the edited text, and the retry reuses its Idempotency-Key', async () => {
  const slack = givenSession({ slack: true })
  slack.refuses('Slack refused the message: HTTP 500: internal_error')
  const incident = incidentOnFire()
  const { user, queryClient } = await openIncident(incident)
  const update = group('Status update')

  await user.clear(box('Status update'))
  await user.paste('Mitigated; watching error rates.')
  await user.click(within(update).getByRole('button', { name: 'Post to Slack' }))

  expect(await within(update).findByRole('alert', {}, LOAD)).toHaveTextContent(
    'Not posted to Slack: Slack refused the message: HTTP 500: internal_error. Your text is kept',
  )
  expect(box('Status update')).toHaveValue('Mitigated; watching error rates.')
  expect(within(update).getByText('Edited: kept as you wrote it')).toBeInTheDocument()
  expect(await messageTexts(queryClient, incident.id)).toEqual([])

  slack.accepts()
  await user.click(within(update).getByRole('button', { name: 'Post to Slack' }))
  expect(await within(update).findByRole('status', {}, LOAD)).toHaveTextContent('Posted to Slack')
  expect(within(update).queryByRole('alert')).not.toBeInTheDocument()
  expect(slack.attempts).toHaveLength(2)
  const [refused, retried] = slack.attempts
  expect(retried?.key).toBe(refused?.key)
  expect(refused?.key).toMatch(/\S/)
  expect(await messageTexts(queryClient, incident.id)).toEqual(['Mitigated; watching error rates.'])

  // Changed words are a new message: a new key, so the backend cannot mistake it for a retry.
  await user.type(box('Status update'), ' ETA 10 min.')
  await user.click(within(update).getByRole('button', { name: 'Post to Slack' }))
  await waitFor(() => {
    expect(slack.posted).toEqual(['Mitigated; watching error rates.', 'Mitigated; watching error rates. ETA 10 min.'])
  }, LOAD)
  expect(slack.attempts[2]?.key).not.toBe(refused?.key)
})

test('a failed post of an unedited message keeps the template\'s text and shows the server\'s reason', async () => {
  const slack = givenSession({ slack: true })
  slack.refuses('Slack is not configured: set SLACK_WEBHOOK_URL on the server.')
  const { user } = await openIncident(incidentOnFire())
  const resolution = group('Resolution')
  const before = (box('Resolution') as HTMLTextAreaElement).value

  await user.click(within(resolution).getByRole('button', { name: 'Post to Slack' }))

  expect(await within(resolution).findByRole('alert', {}, LOAD)).toHaveTextContent('Slack is not configured: set SLACK_WEBHOOK_URL')
  expect(box('Resolution')).toHaveValue(before)
})

// ---------------------------------------------------------------- identity

test('behind an auth proxy the page says who is signed in, offers no "You are" menu, and writes carry no actor', async () => {
  const slack = givenSession({ slack: true, identity: 'ana@example.com' })
  const sent = recordRequests()
  const incident = incidentOnFire()
  const { user } = await openIncident(incident)

  expect(screen.getByText(/^Signed in as/)).toHaveTextContent('Signed in as ana@example.com')
  expect(screen.queryByRole('combobox', { name: 'You are' })).not.toBeInTheDocument()

  await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Taking over')
  await user.click(screen.getByRole('button', { name: 'Add note' }))
  await user.click(within(group('Internal alert')).getByRole('button', { name: 'Post to Slack' }))
  expect(await within(group('Internal alert')).findByRole('status', {}, LOAD)).toHaveTextContent('Posted to Slack')

  await waitFor(() => {
    const writes = sent.filter((r) => r.method === 'POST' && r.path.startsWith(`/api/incidents/${incident.id}/`))
    expect(writes.map((r) => r.path)).toEqual(
      expect.arrayContaining([`/api/incidents/${incident.id}/notes`, `/api/incidents/${incident.id}/messages/slack`]),
    )
    for (const write of writes) expect(write.body).not.toHaveProperty('actor')
  }, LOAD)
  expect(slack.posted).toHaveLength(1)
})

test('with nobody signed in by a proxy, the "You are" menu stays and writes are signed with the choice', async () => {
  givenSession({ identity: null })
  const sent = recordRequests()
  const incident = incidentOnFire()
  const { user } = await openIncident(incident)

  expect(screen.queryByText(/^Signed in as/)).not.toBeInTheDocument()
  await user.selectOptions(await screen.findByRole('combobox', { name: 'You are' }), 'tom')
  await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Taking over')
  await user.click(screen.getByRole('button', { name: 'Add note' }))

  await waitFor(() => {
    const note = sent.find((r) => r.method === 'POST' && r.path === `/api/incidents/${incident.id}/notes`)
    expect(note?.body).toMatchObject({ text: 'Taking over', actor: 'tom' })
  }, LOAD)
})
