import { act, screen, waitFor, within } from '@testing-library/react'
import { patchIncident, addNote } from '@/api/incidents'
import { chosenPersonId, useIdentityActions } from '@/stores/identity'
import { renderHook } from '@testing-library/react'
import { advanceMockNow, givenApiFails, givenApiRecovers, seedIncident, setMockNow } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const MIN = 60_000
const minutesAgo = (m: number, from = Date.now()) => new Date(from - m * MIN).toISOString()

function forgetIdentity() {
  const { result, unmount } = renderHook(() => useIdentityActions())
  act(() => {
    result.current.identityForgotten()
  })
  unmount()
}

beforeEach(() => {
  localStorage.clear()
  forgetIdentity()
})

afterEach(() => {
  localStorage.clear()
})

async function timelineList() {
  return screen.findByRole('list', { name: 'Timeline' })
}

/** Waits until the timeline holds an entry matching `text`. */
async function expectOnTimeline(text: RegExp | string) {
  await waitFor(async () => {
    expect(within(await timelineList()).getByText(text)).toBeInTheDocument()
  })
}

test('the page shows the ID and title, the facts and a running response clock', async () => {
  const incident = seedIncident({
    title: 'STT error rate above 10 %',
    severity: 'P2',
    services: ['stt'],
    assignee: 'priya',
    impact: 'Half of the calls get no transcript',
    declaredAt: minutesAgo(2),
  })
  renderRoute(`/incidents/${incident.id}`)

  expect(await screen.findByRole('heading', { level: 1, name: `${incident.id} · STT error rate above 10 %` })).toBeInTheDocument()
  expect(screen.getByRole('timer')).toHaveTextContent(/^Acknowledge within 1[23]:\d\d$/)
  expect(screen.getByText('Half of the calls get no transcript')).toBeInTheDocument()
  expect(screen.getByText('L1 On-call engineer')).toBeInTheDocument()
  expect(await screen.findByText('Priya Raman')).toBeInTheDocument()
  expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('investigating')
  expect(await timelineList()).toHaveTextContent(/Declared P2 — STT error rate above 10 %/)
})

test('acknowledging a P1 stops its response clock', async () => {
  const incident = seedIncident({ severity: 'P1', declaredAt: minutesAgo(3) })
  const { user } = renderRoute(`/incidents/${incident.id}`)

  await user.click(await screen.findByRole('button', { name: 'Acknowledge' }))

  expect(await screen.findByText(/acknowledged in 3 min/i)).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument()
  expect(screen.getByRole('status', { name: '' })).toBeInTheDocument()
  await expectOnTimeline('Acknowledged')
})
