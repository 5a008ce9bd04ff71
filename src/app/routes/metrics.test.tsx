import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { toDateTimeLocal } from '@/features/metrics/metric-range'
import { givenScenario } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

// Sixteen Recharts charts in jsdom on a shared machine: first renders take seconds.
const CHART_WAIT = { timeout: 15_000 }
const SLOW_TEST_MS = 40_000

const THRESHOLD_TEXT: Record<string, string> = {
  'STT latency': 'Thresholds: P95 warning: > 3 s for 1 min.',
  'LLM latency': 'Thresholds: P95 warning: > 3 s for 1 min.',
  'TTS latency': 'Thresholds: P95 warning: > 3 s for 1 min.',
  'STT error rate': 'Thresholds: Warning: > 5 % for 15 min; Critical: > 10 % for 5 min.',
  'LLM error rate': 'Thresholds: Warning: > 5 % for 15 min; Critical: > 10 % for 5 min.',
  'TTS error rate': 'Thresholds: Warning: > 5 % for 15 min; Critical: > 10 % for 5 min.',
  'End-to-end turn latency': 'Thresholds: P95 warning: > 3 s for 1 min.',
  'LiveKit health': 'Thresholds: Critical: down for 1 min.',
  'Database pool use': 'Thresholds: Warning: > 80 % for 5 min.',
  'API quota': 'Thresholds: Critical: ≥ 100 %.',
  'Retry rate': 'Thresholds: Warning: > 10 % for 5 min.',
  'CPU and memory': 'Thresholds: Warning: > 80 % for 5 min.',
}
const WITHOUT_THRESHOLDS = ['Request rate', 'Database latency']

function search(router: ReturnType<typeof renderRoute>['router']) {
  return new URLSearchParams(router.state.location.search)
}

test(
  '/metrics shows every named chart, each stating its thresholds',
  async () => {
    renderRoute('/metrics')
    expect(await screen.findByRole('heading', { level: 1, name: 'Metrics' }, CHART_WAIT)).toBeInTheDocument()

    for (const [name, text] of Object.entries(THRESHOLD_TEXT)) {
      const figure = await screen.findByRole('figure', { name }, CHART_WAIT)
      expect(within(figure).getByText(text)).toBeInTheDocument()
    }
    for (const name of WITHOUT_THRESHOLDS) {
      const figure = await screen.findByRole('figure', { name }, CHART_WAIT)
      expect(within(figure).queryByText(/^Thresholds:/)).not.toBeInTheDocument()
    }
    const latency = screen.getByRole('figure', { name: 'STT latency' })
    expect(within(latency).getByRole('button', { name: /^P95/ })).toHaveAttribute('aria-pressed', 'true')
    // Every figure can be linked to: /metrics#stt-error-rate is what the Alerts page links.
    // eslint-disable-next-line testing-library/no-node-access -- the element id is the contract under test
    expect(document.getElementById('stt-error-rate')).toContainElement(screen.getByRole('figure', { name: 'STT error rate' }))
  },
  SLOW_TEST_MS,
)

test(
  '?range=7d is honoured, and changing Range writes the URL',
  async () => {
    const { user, router } = renderRoute('/metrics?range=7d')
    const range = await screen.findByRole('combobox', { name: 'Range' }, CHART_WAIT)
    expect(range).toHaveValue('7d')
    expect(screen.getByRole('radio', { name: /Live/ })).toBeChecked()

    // A week at about 1,100 px: every chart asks the backend for 550 s steps (a point per pixel), not 10 s ones.
    // A week is 1,099.6 such steps, so the aligned window holds 1,100 or 1,101 samples, depending on the time.
    await waitFor(() => {
      expect(screen.getAllByText(/^9 min 10 s steps · 110[01] samples a series · refreshes every 9 min 10 s$/)).toHaveLength(16)
    }, CHART_WAIT)

    await user.selectOptions(range, '6 h')
    expect(search(router).get('range')).toBe('6h')
    expect(range).toHaveValue('6h')
  },
  SLOW_TEST_MS,
)

test('Paused freezes the window into the URL and Live returns to the preset', { timeout: SLOW_TEST_MS }, async () => {
  const { user, router } = renderRoute('/metrics?range=6h')
  await user.click(await screen.findByRole('radio', { name: /Paused/ }, CHART_WAIT))

  const paused = search(router)
  expect(paused.get('range')).toBe('6h')
  const from = Date.parse(paused.get('from') ?? '')
  const to = Date.parse(paused.get('to') ?? '')
  expect(to - from).toBe(6 * 3_600_000)
  expect(screen.getByRole('combobox', { name: 'Range' })).toHaveValue('custom')
  expect(screen.getByLabelText('From')).toHaveAttribute('type', 'datetime-local')
  expect(screen.getByLabelText('To')).toBeInTheDocument()

  await user.click(screen.getByRole('radio', { name: /Live/ }))
  expect(router.state.location.search).toBe('?range=6h')
  expect(screen.queryByLabelText('From')).not.toBeInTheDocument()
})

test('a custom window can be set in From and To', { timeout: SLOW_TEST_MS }, async () => {
  const { user, router } = renderRoute('/metrics?range=1h')
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Range' }, CHART_WAIT), 'Custom')
  expect(screen.getByRole('radio', { name: /Paused/ })).toBeChecked()

  // jsdom cannot type into a datetime-local field piece by piece; a browser sends one change.
  const threeHoursAgo = toDateTimeLocal(Date.now() - 3 * 3_600_000)
  fireEvent.change(screen.getByLabelText('From'), { target: { value: threeHoursAgo } })
  expect(toDateTimeLocal(Date.parse(search(router).get('from') ?? ''))).toBe(threeHoursAgo)
  expect(screen.getByLabelText('From')).toHaveValue(threeHoursAgo)

  // A From after To is refused, and the window stays as it was.
  fireEvent.change(screen.getByLabelText('From'), { target: { value: toDateTimeLocal(Date.now() + 3_600_000) } })
  expect(screen.getByLabelText('From')).toHaveValue(threeHoursAgo)
})

test('Reset zoom returns a zoomed view to the live preset', { timeout: SLOW_TEST_MS }, async () => {
  const { user, router } = renderRoute('/metrics?range=24h&from=2026-11-27T01:00:00.000Z&to=2026-11-27T02:00:00.000Z&zoom=live')
  await user.click(await screen.findByRole('button', { name: 'Reset zoom' }, CHART_WAIT))
  expect(router.state.location.search).toBe('?range=24h')
  expect(screen.queryByRole('button', { name: 'Reset zoom' })).not.toBeInTheDocument()
})

test(
  '?downsample=off asks for 10 s data',
  async () => {
    renderRoute('/metrics?range=1h&downsample=off')
    await waitFor(() => {
      expect(screen.getAllByText(/^10 s steps · 361 samples a series$/)).toHaveLength(16)
    }, CHART_WAIT)
  },
  SLOW_TEST_MS,
)

test(
  'during an OpenAI outage the STT error-rate chart states when its alerts were pending and firing',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/metrics?range=1h')
    const figure = await screen.findByRole('figure', { name: 'STT error rate' }, CHART_WAIT)
    expect(within(figure).getByText(/^Shaded: .*STT error rate > 10 % pending \d\d:\d\d–\d\d:\d\d; .*STT error rate > 10 % firing \d\d:\d\d–\d\d:\d\d/)).toBeInTheDocument()
  },
  SLOW_TEST_MS,
)

test(
  '/metrics, fully loaded, has no axe violations',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/metrics?range=1h')
    await waitFor(() => {
      expect(screen.getAllByRole('figure')).toHaveLength(16)
    }, CHART_WAIT)
    // jsdom cannot compute colours; contrast is checked in the browser tests.
    const result = await act(() => axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } }))
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  },
  SLOW_TEST_MS,
)

/** Lets Recharts' throttled pointer handling catch up between pointer events. */
const frame = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 50)))

test(
  'dragging across a chart zooms every chart to that span, and Reset zoom goes back',
  async () => {
    const { router, user } = renderRoute('/metrics?range=1h')
    const figure = await screen.findByRole('figure', { name: 'STT latency' }, CHART_WAIT)
    const plot = await within(figure).findByRole('application')

    // jsdom has no layout: the chart draws at its 480 px fallback, the plot from x ≈ 56 to 468.
    fireEvent.mouseMove(plot, { clientX: 100, clientY: 60 })
    await frame()
    fireEvent.mouseDown(plot, { clientX: 100, clientY: 60 })
    await frame()
    fireEvent.mouseMove(plot, { clientX: 300, clientY: 60 })
    await frame()
    fireEvent.mouseUp(plot, { clientX: 300, clientY: 60 })
    await frame()

    const zoomed = search(router)
    expect(zoomed.get('zoom')).toBe('live')
    const spanMin = (Date.parse(zoomed.get('to') ?? '') - Date.parse(zoomed.get('from') ?? '')) / 60_000
    expect(spanMin).toBeGreaterThan(25)
    expect(spanMin).toBeLessThan(35)
    expect(screen.getByRole('radio', { name: /Paused/ })).toBeChecked()

    await user.click(screen.getByRole('button', { name: 'Reset zoom' }))
    expect(router.state.location.search).toBe('?range=1h')
  },
  SLOW_TEST_MS,
)
