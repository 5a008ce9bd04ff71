/**
 * Changes shown before the server answers (ticks, status, assignee, follow-ups) show in
 * the render that handles the click — never a task later, when the browser may already
 * have painted the control's old value — and stay shown until their save is answered,
 * however fast the responder goes. Every assertion right after `fireEvent` is made with
 * no timer or promise awaited in between.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { fetchIncident } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

// Whole-page tests on a shared, busy machine: each click round-trips through the mock backend.
vi.setConfig({ testTimeout: 20_000 })
const LOAD = { timeout: 8_000 }
const MIN = 60_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

beforeEach(() => {
  localStorage.clear()
})

const followUp = { id: 'f1', text: 'Add a quota alert', owner: '@ana', due: null, done: false }

/** Resolved, so the post-incident section shows; a quota alert, so a playbook is suggested. */
function resolvedOutage(partial: Partial<Incident> = {}): Incident {
  return seedIncident({
    title: 'Voice Agent Service Down',
    severity: 'P1',
    assignee: 'priya',
    declaredAt: ago(30 * MIN),
    status: 'resolved',
    resolvedAt: ago(MIN),
    rootCause: 'Quota exhausted',
    resolution: 'Raised the quota',
    alertIds: ['quota-exceeded:openai'],
    followUps: [followUp],
    ...partial,
  })
}

async function openIncident(incident: Incident) {
  const view = renderRoute(`/incidents/${incident.id}`)
  await screen.findByRole('heading', { level: 1, name: `${incident.id} · ${incident.title}` }, LOAD)
  return view
}

/** Lets pending microtasks run (a browser runs them between two clicks), but no timer and no network answer. */
async function betweenClicks() {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

/** Waits until no save of this control is under way (it says so with aria-busy). */
async function saved(control: HTMLElement) {
  await waitFor(() => {
    expect(control).not.toHaveAttribute('aria-busy')
  }, LOAD)
}

test.each([
  ['Response process', 'Identify: Root cause', (i: Incident) => i.checklist.includes('investigation.identify')],
  ['Rate Limiting Triggered', 'Add more API keys (load balance)', (i: Incident) => i.checklist.length === 1],
  ['Post-incident', 'Create incident report', (i: Incident) => i.checklist.length === 1],
  ['Post-incident', 'Add a quota alert', (i: Incident) => i.followUps[0]?.done === true],
])('%s: “%s” shows ticked in the render of the click, and stays ticked once saved', async (where, name, onServer) => {
  const incident = resolvedOutage()
  await openIncident(incident)
  const section = await screen.findByRole(where === 'Rate Limiting Triggered' ? 'article' : 'region', { name: where }, LOAD)
  const box = within(section).getByRole('checkbox', { name })
  expect(box).not.toBeChecked()

  fireEvent.click(box)
  expect(box).toBeChecked()

  await saved(box)
  expect(box).toBeChecked()
  expect(onServer(await fetchIncident(incident.id))).toBe(true)
})

test('a process tick counts in its phase and overall in the same render', async () => {
  const incident = seedIncident({ title: 'TTS silent', declaredAt: ago(4 * MIN) })
  await openIncident(incident)
  const process = screen.getByRole('region', { name: 'Response process' })
  const triage = within(process).getByRole('group', { name: '2. Triage' })

  fireEvent.click(within(triage).getByRole('checkbox', { name: 'Assess: Determine severity level' }))
  expect(within(triage).getByText('1 of 3')).toBeInTheDocument()
  expect(within(process).getByText('1 of 15 steps')).toBeInTheDocument()
  await saved(within(triage).getByRole('checkbox', { name: 'Assess: Determine severity level' }))
})

test('a status chosen shows in the select in the render of the choice, and stays once saved', async () => {
  const incident = seedIncident({ title: 'TTS silent', severity: 'P2' })
  await openIncident(incident)
  const status = screen.getByRole('combobox', { name: 'Status' })

  fireEvent.change(status, { target: { value: 'identified' } })
  expect(status).toHaveValue('identified')

  await waitFor(() => {
    expect(status).toBeEnabled()
  }, LOAD)
  expect(status).toHaveValue('identified')
  expect((await fetchIncident(incident.id)).status).toBe('identified')
})

test('an assignee chosen shows in the select in the render of the choice, and stays once saved', async () => {
  const incident = seedIncident({ title: 'TTS silent', assignee: 'priya' })
  await openIncident(incident)
  const assignee = screen.getByRole('combobox', { name: 'Assignee' })
  await within(assignee).findByRole('option', { name: /^Ana Silva/ }, LOAD)

  fireEvent.change(assignee, { target: { value: 'ana' } })
  expect(assignee).toHaveValue('ana')

  await waitFor(() => {
    expect(assignee).toBeEnabled()
  }, LOAD)
  expect(assignee).toHaveValue('ana')
  expect((await fetchIncident(incident.id)).assignee).toBe('ana')
})

/**
 * Samples the boxes at every point the browser could paint (each batch of DOM changes
 * in the panel), so a box that is unticked and ticked again in between is caught.
 */
function watchBoxes(panel: HTMLElement, boxes: readonly HTMLInputElement[]) {
  const samples: string[] = []
  const sample = () => {
    const now = boxes.map((b) => (b.checked ? 'x' : '.')).join('')
    if (samples.at(-1) !== now) samples.push(now)
  }
  sample()
  const observer = new MutationObserver(sample)
  observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true })
  return {
    sample,
    stop: () => {
      observer.disconnect()
      return samples
    },
  }
}

test('ticking a whole phase fast: each box ticks with its click and none unticks while the saves are answered one by one', async () => {
  const incident = seedIncident({ title: 'TTS silent', declaredAt: ago(4 * MIN) })
  await openIncident(incident)
  const process = screen.getByRole('region', { name: 'Response process' })
  const triage = within(process).getByRole('group', { name: '2. Triage' })
  const boxes = within(triage).getAllByRole<HTMLInputElement>('checkbox')
  expect(boxes).toHaveLength(3)
  const watch = watchBoxes(process, boxes)

  for (const box of boxes) {
    fireEvent.click(box)
    expect(box).toBeChecked()
    watch.sample()
    // Not long enough for any save to be answered: all three are in flight together.
    await betweenClicks()
  }
  expect(within(triage).getByText('3 of 3')).toBeInTheDocument()

  // Each answer lands in a task of its own; the first two come while later ticks wait.
  await waitFor(async () => {
    expect((await fetchIncident(incident.id)).checklist).toHaveLength(3)
  }, LOAD)
  await Promise.all(boxes.map(saved))
  expect(watch.stop()).toEqual(['...', 'x..', 'xx.', 'xxx'])
  expect(within(triage).getByText('3 of 3')).toBeInTheDocument()
})
