/**
 * The declaration dialog on its own, against the mock backend (msw/node, started by
 * test/setup.ts). The full page flow lives in src/app/routes/incidents.test.tsx.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { incidentQueries } from '@/api/incidents'
import type { Alert } from '@/api/schemas'
import { DeclareFromAlertButton, DeclareIncidentButton } from './declare-dialog'
import type { DeclareInitial } from './declare-form'

function renderAt(opener: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const router = createMemoryRouter(
    [
      { path: '/', element: opener },
      { path: '/incidents/:id', element: <h1>Incident page</h1> },
    ],
    { initialEntries: ['/'] },
  )
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { user: userEvent.setup(), router, queryClient }
}

const renderButton = (initial?: DeclareInitial) => renderAt(<DeclareIncidentButton initial={initial} />)

/** What the backend holds now, read the way the list reads it. */
const incidentsOnServer = (queryClient: QueryClient) => queryClient.query({ ...incidentQueries.list(), staleTime: 0 })

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Declare incident' }))
  return screen.getByRole('dialog', { name: 'Declare incident' })
}

test('the dialog opens on Title, keeps Tab inside, and Escape returns focus to the button', async () => {
  const { user } = renderButton()
  const opener = screen.getByRole('button', { name: 'Declare incident' })
  const dialog = await openDialog(user)

  expect(dialog).toHaveAttribute('aria-modal', 'true')
  expect(within(dialog).getByLabelText('Title')).toHaveFocus()
  await user.tab({ shift: true })
  expect(within(dialog).getByRole('button', { name: 'Declare' })).toHaveFocus()
  await user.tab()
  expect(within(dialog).getByLabelText('Title')).toHaveFocus()

  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(opener).toHaveFocus()
})

test('the fields a responder fills are labelled as the runbook names them', async () => {
  const { user } = renderButton()
  const dialog = await openDialog(user)

  expect(within(dialog).getByRole('textbox', { name: 'Title' })).toBeInTheDocument()
  expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveValue('')
  expect(within(dialog).getByRole('textbox', { name: 'Impact' })).toBeInTheDocument()
  const services = within(dialog).getByRole('group', { name: 'Affected services' })
  const boxes = within(services).getAllByRole('checkbox')
  const names = ['Voice agent', 'STT', 'LLM', 'TTS', 'LiveKit', 'Database', 'OpenAI API', 'Groq API']
  expect(boxes).toHaveLength(names.length)
  boxes.forEach((box, i) => {
    expect(box).toHaveAccessibleName(names[i])
    expect(box).not.toBeChecked()
  })
})

test('a missing title and severity are said beside the fields, and nothing is declared', async () => {
  const { user, queryClient, router } = renderButton()
  const dialog = await openDialog(user)

  await user.click(within(dialog).getByRole('button', { name: 'Declare' }))

  const title = within(dialog).getByRole('textbox', { name: 'Title' })
  expect(title).toHaveAttribute('aria-invalid', 'true')
  expect(title).toHaveAccessibleDescription(/Enter a title/)
  expect(title).toHaveFocus()
  expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveAccessibleDescription(/Choose a severity/)

  // The message goes as soon as the field is filled.
  await user.type(title, 'Agent silent')
  expect(title).not.toHaveAttribute('aria-invalid', 'true')
  expect(router.state.location.pathname).toBe('/')
  expect(await incidentsOnServer(queryClient)).toEqual([])
})

test('"Use P2" from the severity guide sets the Severity field', async () => {
  const { user } = renderButton()
  const dialog = await openDialog(user)

  await user.click(within(dialog).getByRole('switch', { name: 'Is major functionality broken?' }))
  await user.click(within(dialog).getByRole('button', { name: 'Use P2' }))

  expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveValue('P2')
})

/** A firing alert as GET /api/alerts sends it; the alerts screen passes such an object. */
const sttErrors: Alert = {
  id: 'error-rate-critical:stt',
  ruleId: 'error-rate-critical',
  name: 'STT error rate > 10 %',
  severity: 'critical',
  subject: 'stt',
  state: 'firing',
  value: 0.14,
  threshold: 0.1,
  since: new Date(Date.now() - 6 * 60_000).toISOString(),
  summary: 'STT error rate 14 % > 10 % for 5 min',
  playbook: 'high-error-rate',
  metric: 'stt.error_rate',
}

test('declaring from a firing alert prefills the form and links the alert to the new incident', async () => {
  const { user, router, queryClient } = renderAt(<DeclareFromAlertButton alert={sttErrors} />)
  const dialog = await openDialog(user)

  expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue('STT error rate > 10 %')
  expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveValue('P2')
  expect(within(dialog).getByRole('checkbox', { name: 'STT' })).toBeChecked()
  expect(within(dialog).getByRole('checkbox', { name: 'LLM' })).not.toBeChecked()
  expect(within(dialog).getByText('error-rate-critical:stt')).toBeInTheDocument()

  await user.click(within(dialog).getByRole('button', { name: 'Declare' }))

  expect(await screen.findByRole('heading', { name: 'Incident page' })).toBeInTheDocument()
  const id = router.state.location.pathname.replace('/incidents/', '')
  expect(id).toMatch(/^INC-\d+$/)
  const [declared] = await incidentsOnServer(queryClient)
  expect(declared).toMatchObject({
    id,
    title: 'STT error rate > 10 %',
    severity: 'P2',
    services: ['stt'],
    alertIds: ['error-rate-critical:stt'],
    impact: 'STT error rate 14 % > 10 % for 5 min',
  })
})

test('the declaration is signed by who "I" am: with nobody chosen, the L1 on-call', async () => {
  const { user, router, queryClient } = renderButton({ title: 'Agent silent', severity: 'P1' })
  const dialog = await openDialog(user)
  await user.click(within(dialog).getByRole('button', { name: 'Declare' }))
  await screen.findByRole('heading', { name: 'Incident page' })

  const id = router.state.location.pathname.replace('/incidents/', '')
  const events = await queryClient.query(incidentQueries.timeline(id))
  expect(events.find((e) => e.kind === 'declared')?.actor).toBe('priya')
})

// Two events before the first answer arrives. userEvent waits between events long enough
// for the in-process mock server to answer, so it could never show a double submit.
test('a double click on Declare declares one incident', async () => {
  const { user, queryClient } = renderButton({ title: 'Double clicked', severity: 'P4' })
  const dialog = await openDialog(user)
  const declare = within(dialog).getByRole('button', { name: 'Declare' })

  fireEvent.click(declare)
  fireEvent.click(declare)

  await screen.findByRole('heading', { name: 'Incident page' })
  await waitFor(() => {
    expect(queryClient.isMutating()).toBe(0)
  })
  expect((await incidentsOnServer(queryClient)).map((i) => i.title)).toEqual(['Double clicked'])
})

test('Enter held in the title (a burst of submits) declares one incident', async () => {
  const { user, queryClient } = renderButton({ severity: 'P3' })
  const dialog = await openDialog(user)
  await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Held enter')

  const form = within(dialog).getByRole('form', { name: 'Declare incident' })
  fireEvent.submit(form)
  fireEvent.submit(form)
  fireEvent.submit(form)

  await screen.findByRole('heading', { name: 'Incident page' })
  await waitFor(() => {
    expect(queryClient.isMutating()).toBe(0)
  })
  expect((await incidentsOnServer(queryClient)).map((i) => i.title)).toEqual(['Held enter'])
})

test('Cancel closes without declaring, and a new opening starts empty', async () => {
  const { user, queryClient } = renderButton()
  let dialog = await openDialog(user)
  await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Not really')
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

  dialog = await openDialog(user)
  expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue('')
  expect(await incidentsOnServer(queryClient)).toEqual([])
})
