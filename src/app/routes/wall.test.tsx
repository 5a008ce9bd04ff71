import { act, screen, within } from '@testing-library/react'
import { formatTimeOfDay } from '@/features/wall/wall-format'
import { followPageClock, givenApiFails, givenApiRecovers, seedIncident } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

// The first render imports Recharts lazily; on a busy machine that takes seconds.
const CHART_WAIT = { timeout: 10_000 }
const SLOW_TEST_MS = 30_000
const MIN = 60_000
const KEY_FIGURES = ['STT latency', 'LLM latency', 'TTS latency', 'STT error rate', 'LLM error rate', 'TTS error rate']

/**
 * A fake clock that moves only when the test says so, and always inside act(): only
 * timers and Date are faked, so React's scheduler and the mock backend's I/O run as
 * usual, and no update lands outside act() between two steps of a test.
 */
function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  followPageClock()
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/**
 * Lets pending I/O (fetches to the mock backend, lazy chunks) and timers due now run,
 * inside one act() scope, so React commits what they changed before the test looks.
 */
async function flush(advanceMs: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(advanceMs)
    for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve))
  })
}

/** Moves the fake clock on in small steps, so each refresh's fetch completes in its own time. */
async function advance(ms: number, stepMs = 250) {
  for (let done = 0; done < ms; done += stepMs) await flush(Math.min(stepMs, ms - done))
}

/**
 * Waits until `check` passes, in real time, moving the fake clock 1 ms per round:
 * TanStack's batched notifications are zero-delay timers, which only a tick runs.
 */
async function eventually(check: () => void, timeoutMs = 15_000) {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (performance.now() > deadline) throw error
    }
    await flush(1)
  }
}

async function loadedHealthRegion() {
  const region = await screen.findByRole('region', { name: 'Service health' })
  await within(region).findByRole('list', { name: 'Service health' })
  return region
}

/** The same, under a fake clock. */
async function loadedWall() {
  await eventually(() => {
    within(screen.getByRole('region', { name: 'Service health' })).getByRole('list', { name: 'Service health' })
    screen.getByRole('figure', { name: 'STT latency' })
  })
  return screen.getByRole('region', { name: 'Service health' })
}

test(
  'the wall shows the health strip, the six key figures with their thresholds, and open incidents with their clocks',
  async () => {
    const p2 = seedIncident({ severity: 'P2', title: 'TTS voices cut out', declaredAt: new Date(Date.now() - 3 * MIN).toISOString() })
    const late = seedIncident({ severity: 'P3', title: 'Slow saves', declaredAt: new Date(Date.now() - 62 * MIN - 10_000).toISOString() })
    seedIncident({ severity: 'P1', title: 'Old outage', status: 'resolved', resolvedAt: new Date().toISOString() })
    renderRoute('/wall')

    expect(await screen.findByRole('heading', { level: 1, name: 'War room' }, CHART_WAIT)).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()

    const items = within(await loadedHealthRegion()).getAllByRole('listitem')
    expect(items).toHaveLength(8)
    // The agent process first: the runbook's first P1 is "Voice Agent Service Down".
    expect(items[0]).toHaveTextContent(/^Voice agent: up\b/)
    for (const item of items) expect(item).toHaveTextContent(/^(Voice agent|STT|LLM|TTS|LiveKit|Database|OpenAI API|Groq API): (up|degraded|down)\b/)

    for (const name of KEY_FIGURES) {
      const figure = await screen.findByRole('figure', { name }, CHART_WAIT)
      expect(within(figure).getByText(/^Thresholds: /)).toBeInTheDocument()
    }
    expect(within(screen.getByRole('figure', { name: 'STT latency' })).getByText('Thresholds: Warning: > 3 s for 1 min.')).toBeInTheDocument()
    expect(
      within(screen.getByRole('figure', { name: 'TTS error rate' })).getByText('Thresholds: Warning: > 5 % for 15 min; Critical: > 10 % for 5 min.'),
    ).toBeInTheDocument()
    expect(screen.getByText('TTS error rate now:')).toBeInTheDocument()

    const incidents = within(screen.getByRole('list', { name: 'Open incidents' })).getAllByRole('listitem')
    // P2 before P3; the resolved P1 is not open.
    expect(incidents).toHaveLength(2)
    expect(incidents[0]).toHaveTextContent(`${p2.id} · TTS voices cut out`)
    expect(incidents[0]).toHaveTextContent(/Ack due in 1[12]:\d\d/)
    expect(incidents[1]).toHaveTextContent(`${late.id} · Slow saves`)
    expect(incidents[1]).toHaveTextContent(/BREACHED \+2:1\d/)
    expect(screen.getByText('2 open')).toBeInTheDocument()
    expect(document.title).toBe('War room · Vigil')
  },
  SLOW_TEST_MS,
)

test(
  'a panel whose refreshes fail keeps its data, says it is stale with the age in whole minutes, and recovers by itself',
  async () => {
    useFakeClock()
    const { queryClient } = renderRoute('/wall')
    const region = await loadedWall()
    // The live region is there, empty, before anything goes wrong: what is put into it later is announced.
    const status = within(region).getByRole('status')
    expect(status).toBeEmptyDOMElement()

    givenApiFails('/api/health', 503)
    // One lost refresh is retried quickly and says nothing; failures past two refreshes are reported.
    await advance(6_000)
    expect(status).toBeEmptyDOMElement()
    await advance(10_000)
    const lastData = formatTimeOfDay(queryClient.getQueryState(['health'])?.dataUpdatedAt ?? 0)
    // One sentence, naming the panel, the time of the last data and its age in whole minutes...
    expect(within(region).getByRole('status')).toBe(status)
    expect(status.textContent).toBe(`Service health: Stale — The server failed. Last data at ${lastData}, under a minute ago`)
    expect(within(region).getAllByRole('listitem')).toHaveLength(8)
    // ...that does not change every second, so it is not announced every second.
    await advance(20_000)
    expect(status.textContent).toBe(`Service health: Stale — The server failed. Last data at ${lastData}, under a minute ago`)

    await advance(2 * MIN)
    expect(status.textContent).toBe(`Service health: Stale — The server failed. Last data at ${lastData}, 2 min ago`)
    // Only the failing panel is stale.
    for (const other of ['Open incidents', 'Alerts', 'Key metrics, last hour']) {
      expect(within(screen.getByRole('region', { name: other })).getByRole('status')).toBeEmptyDOMElement()
    }

    givenApiRecovers()
    // The backoff is capped at 30 s, so a returning backend is seen within that.
    await advance(31_000)
    expect(within(region).getByRole('status')).toBe(status)
    expect(status.textContent).toBe('Service health: data is current again.')
    expect(within(region).queryByText(/ ago$/)).not.toBeInTheDocument()
    expect(within(region).getAllByRole('listitem')).toHaveLength(8)
  },
  SLOW_TEST_MS,
)

test(
  'a panel that never got data says so once, keeps retrying, and says when data arrives',
  async () => {
    useFakeClock()
    givenApiFails('/api/health', 503)
    renderRoute('/wall')
    await eventually(() => {
      expect(within(screen.getByRole('region', { name: 'Service health' })).getByRole('status').textContent).toBe(
        'Service health: No data yet — The server failed.',
      )
    })
    const region = screen.getByRole('region', { name: 'Service health' })
    const status = within(region).getByRole('status')
    expect(within(region).queryByRole('list', { name: 'Service health' })).not.toBeInTheDocument()
    // When the next attempt comes, beside the live region (a countdown there would be read out every second).
    expect(within(region).getByText(/^Retrying in [45] s\.$/)).toBeVisible()
    // Said once: through the next attempts the sentence stays, never back to "Loading".
    for (let t = 0; t < 12_000; t += 250) {
      await flush(250)
      expect(status.textContent, `+${t} ms`).toBe('Service health: No data yet — The server failed.')
    }

    givenApiRecovers()
    await advance(31_000)
    await eventually(() => within(region).getByRole('list', { name: 'Service health' }))
    expect(within(region).getByRole('status')).toBe(status)
    expect(status.textContent).toBe('Service health: data is current again.')
  },
  SLOW_TEST_MS,
)

test(
  'a P1 declared while the wall runs takes over the screen and the tab title at the next refresh',
  async () => {
    useFakeClock()
    renderRoute('/wall')
    await eventually(() => screen.getByText('No open incidents'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(document.title).toBe('War room · Vigil')

    const p1 = seedIncident({ severity: 'P1', title: 'Voice agent down' })
    await advance(5_000)

    await eventually(() => {
      expect(screen.getByRole('alert')).toHaveTextContent(`P1 declared: ${p1.id} Voice agent down`)
    })
    expect(document.title).toBe(`⚠ P1 ${p1.id} · Vigil`)
    expect(screen.getByRole('region', { name: /^P1 declared/ })).toHaveTextContent(/Ack due in 4:5\d/)
  },
  SLOW_TEST_MS,
)

test('an unacknowledged P1 past its deadline is shown breached in the takeover banner', async () => {
  const p1 = seedIncident({ severity: 'P1', title: 'Voice agent down', declaredAt: new Date(Date.now() - 6 * MIN - 5_000).toISOString() })
  renderRoute('/wall')
  const alert = await screen.findByRole('alert', {}, CHART_WAIT)
  expect(alert).toHaveTextContent(`P1 declared: ${p1.id} Voice agent down`)
  expect(screen.getByRole('region', { name: `P1 declared: ${p1.id} Voice agent down` })).toHaveTextContent(/BREACHED \+1:0\d/)
  expect(document.title).toBe(`⚠ P1 ${p1.id} · Vigil`)
})

test('the wall polls one stable key per panel: the cache does not grow while time moves on', async () => {
  useFakeClock()
  const { queryClient } = renderRoute('/wall')
  await loadedWall()
  const keys = () => queryClient.getQueryCache().getAll().map((q) => JSON.stringify(q.queryKey)).toSorted()
  const before = keys()
  expect(before.filter((k) => k.startsWith('["metrics"'))).toHaveLength(1)
  expect(before).toEqual(expect.arrayContaining(['["health"]', '["alerts","current"]', '["incidents","list"]']))

  await advance(2 * MIN)
  expect(keys()).toEqual(before)
}, SLOW_TEST_MS)

test('?rotate=30s shows one chart set at a time and moves on', async () => {
  useFakeClock()
  renderRoute('/wall?rotate=30s')
  const shown = async () => {
    await eventually(() => within(screen.getByRole('region', { name: 'Key metrics, last hour' })).getAllByRole('figure'))
    const panel = screen.getByRole('region', { name: 'Key metrics, last hour' })
    return KEY_FIGURES.filter((name) => within(panel).queryByRole('figure', { name }) !== null)
  }
  const first = await shown()
  expect(first).toHaveLength(3)
  await advance(30_000)
  const second = await shown()
  expect(second).toHaveLength(3)
  expect([...first, ...second].toSorted()).toEqual(KEY_FIGURES.toSorted())
}, SLOW_TEST_MS)

test('?sound=on chimes for a P1 that arrives while the wall runs, not for one already on screen', async () => {
  const started: number[] = []
  class FakeAudioContext {
    state = 'running'
    currentTime = 0
    destination = {}
    createOscillator() {
      return {
        type: 'sine',
        frequency: { value: 0 },
        connect: (node: unknown) => node,
        disconnect: () => undefined,
        start: () => started.push(1),
        stop: () => undefined,
        onended: null,
      }
    }
    createGain() {
      const gain = { gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (node: unknown) => node, disconnect: () => undefined }
      return gain
    }
    resume() {
      return Promise.resolve()
    }
    close() {
      return Promise.resolve()
    }
  }
  vi.stubGlobal('AudioContext', FakeAudioContext)
  useFakeClock()
  seedIncident({ severity: 'P1', title: 'Already here' })
  renderRoute('/wall?sound=on')
  await eventually(() => screen.getByRole('alert'))
  await advance(5_000)
  expect(started).toHaveLength(0)

  seedIncident({ severity: 'P1', title: 'Brand new' })
  await advance(5_000)
  await eventually(() => {
    expect(screen.getByRole('alert')).toHaveTextContent('Brand new')
  })
  // Two tones, one chime.
  expect(started).toHaveLength(2)
}, SLOW_TEST_MS)
