import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ChartSeries } from './chart-data'
import { TimeSeriesChart } from './time-series-chart'

const T0 = new Date(2026, 10, 27, 14, 0, 0).getTime()
const p50: ChartSeries = { label: 'P50', color: '#0284c7', data: { fromMs: T0, stepS: 60, values: [400, 420, null, 410] } }
const p95: ChartSeries = { label: 'P95', color: '#7c3aed', data: { fromMs: T0, stepS: 60, values: [1200, 3400, null, null] } }

test('the chart is a figure named by its title, with thresholds and shaded spans stated in text', () => {
  render(
    <TimeSeriesChart
      title="STT latency"
      unit="ms"
      series={[p50, p95]}
      thresholds={[{ value: 3000, severity: 'warning', label: 'P95 warning: > 3 s for 1 min' }]}
      spans={[{ fromMs: T0 + 60_000, toMs: T0 + 120_000, kind: 'firing', label: 'P95 latency alert' }]}
    />,
  )
  const figure = screen.getByRole('figure', { name: 'STT latency' })
  expect(within(figure).getByText('Thresholds: P95 warning: > 3 s for 1 min.')).toBeInTheDocument()
  expect(within(figure).getByText('Shaded: P95 latency alert firing 14:01–14:02')).toBeInTheDocument()
})

test('the figure is described by each series\' latest value and where it stands against its threshold', () => {
  render(
    <TimeSeriesChart
      title="STT latency"
      unit="ms"
      series={[p50, p95]}
      thresholds={[{ value: 3000, severity: 'warning', label: 'P95 warning: > 3 s for 1 min', series: ['P95'] }]}
    />,
  )
  expect(
    screen.getByRole('figure', {
      name: 'STT latency',
      description: 'P50 now 410 ms; P95 last 3.4 s at 14:01, above the 3 s warning threshold.',
    }),
  ).toBeInTheDocument()
})

test('a chart with nothing in its range is described as such', () => {
  render(<TimeSeriesChart title="STT latency" unit="ms" series={[{ ...p50, data: { ...p50.data, values: [null, null] } }]} />)
  expect(screen.getByRole('figure', { name: 'STT latency', description: 'No data in this range.' })).toBeInTheDocument()
})

test('the legend shows each series with its latest value, skipping gaps', () => {
  render(<TimeSeriesChart title="STT latency" unit="ms" series={[p50, p95]} />)
  expect(screen.getByRole('button', { name: 'P50 410 ms' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'P95 3.4 s' })).toBeInTheDocument()
})

test('a legend entry hides and shows its series', async () => {
  const user = userEvent.setup()
  render(<TimeSeriesChart title="STT latency" unit="ms" series={[p50, p95]} />)
  const entry = screen.getByRole('button', { name: /^P95/ })
  expect(entry).toHaveAttribute('aria-pressed', 'true')

  await user.click(entry)
  expect(entry).toHaveAttribute('aria-pressed', 'false')
  expect(entry).toHaveAttribute('title', 'Show P95')

  entry.focus()
  await user.keyboard('{Enter}')
  expect(entry).toHaveAttribute('aria-pressed', 'true')
})

test('a chart with only gaps says there is no data rather than drawing zeros', () => {
  const empty: ChartSeries = { label: 'P95', color: '#000', data: { fromMs: T0, stepS: 60, values: [null, null] } }
  render(<TimeSeriesChart title="TTS latency" unit="ms" series={[empty]} />)
  const figure = screen.getByRole('figure', { name: 'TTS latency' })
  expect(within(figure).getByText('No data in this range.')).toBeInTheDocument()
  expect(within(figure).getByRole('button', { name: 'P95 no data' })).toBeInTheDocument()
})

test('hiding the only series with data leaves a chart that says so', async () => {
  const user = userEvent.setup()
  render(<TimeSeriesChart title="STT latency" unit="ms" series={[p50]} />)
  expect(screen.queryByText('No data in this range.')).not.toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: /^P50/ }))
  expect(screen.getByText('No data in this range.')).toBeInTheDocument()
})
