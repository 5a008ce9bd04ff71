import { render, screen, within } from '@testing-library/react'
import type { ChartSeries, ChartThreshold } from './chart-data'
import { LineChart } from './line-chart'

const T0 = new Date(2026, 10, 27, 14, 0, 0).getTime()
const p50: ChartSeries = { label: 'P50', color: '#0284c7', data: { fromMs: T0, stepS: 60, values: [400, 420, null, 410, 410] } }
const p95: ChartSeries = { label: 'P95', color: '#7c3aed', dash: '5 2', data: { fromMs: T0, stepS: 60, values: [600, 700, 650, 640, 640] } }
const warning: ChartThreshold = { value: 3000, severity: 'warning', label: 'P95 warning: > 3 s for 1 min', series: ['P95'] }

/**
 * The drawn series of a chart. SVG shapes have no role to query by; the path data is
 * exactly what these tests are about.
 */
function seriesPaths(figure: HTMLElement): SVGPathElement[] {
  return [...figure.querySelectorAll<SVGPathElement>('path.line-chart-series')]
}

function thresholdLineY(figure: HTMLElement): number {
  return Number(figure.querySelector('.line-chart-threshold line')?.getAttribute('y1'))
}

const ys = (d: string) => [...d.matchAll(/-?[\d.]+,(-?[\d.]+)/g)].map((m) => Number(m[1]))

test('the chart is a figure named by its title, with the thresholds and the latest values in text', () => {
  render(<LineChart title="STT latency" unit="ms" series={[p50, p95]} thresholds={[warning]} />)
  const figure = screen.getByRole('figure', { name: 'STT latency' })
  expect(within(figure).getByText('Thresholds: P95 warning: > 3 s for 1 min.')).toBeInTheDocument()
  expect(within(figure).getByText('P50 now 410 ms; P95 now 640 ms, below the 3 s warning threshold.')).toBeInTheDocument()
})

test('the figure is described by its latest values and where they stand against the thresholds', () => {
  const over: ChartSeries = { ...p95, data: { ...p95.data, values: [600, 3400] } }
  const { rerender } = render(<LineChart title="STT latency" unit="ms" series={[p50, over]} thresholds={[warning]} />)
  expect(screen.getByRole('figure', { name: 'STT latency', description: 'P50 now 410 ms; P95 now 3.4 s, above the 3 s warning threshold.' })).toBeInTheDocument()

  // On the wall the sentence is for screen readers only, and still describes the figure.
  rerender(<LineChart title="STT latency" unit="ms" series={[p50, over]} thresholds={[warning]} compact />)
  expect(screen.getByRole('figure', { name: 'STT latency', description: /^P50 now 410 ms; P95 now 3.4 s, above/ })).toBeInTheDocument()

  rerender(<LineChart title="STT latency" unit="ms" series={[{ ...p50, data: { ...p50.data, values: [null] } }]} thresholds={[warning]} />)
  expect(screen.getByRole('figure', { name: 'STT latency', description: 'No data in this range.' })).toBeInTheDocument()
})

test('the legend names each series in text', () => {
  render(<LineChart title="STT latency" unit="ms" series={[p50, p95]} />)
  const legend = screen.getByRole('list', { name: 'STT latency series' })
  expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['P50', 'P95'])
})

test('each series is a path, and a gap splits its line in two rather than joining across it', () => {
  render(<LineChart title="STT latency" unit="ms" series={[p50, p95]} />)
  const [gappy, whole] = seriesPaths(screen.getByRole('figure', { name: 'STT latency' }))
  expect(gappy).toHaveAttribute('data-series', 'P50')
  expect(gappy?.getAttribute('d')?.match(/M/g)).toHaveLength(2)
  expect(whole).toHaveAttribute('data-series', 'P95')
  expect(whole?.getAttribute('d')?.match(/M/g)).toHaveLength(1)
})

test('the y-axis reaches past the threshold when the data is far below it, so its line stays on screen', () => {
  const low: ChartSeries = { ...p95, data: { ...p95.data, values: [100, 120, 110] } }
  render(<LineChart title="TTS latency" unit="ms" series={[low]} thresholds={[warning]} height={200} />)
  const figure = screen.getByRole('figure', { name: 'TTS latency' })
  const lineY = thresholdLineY(figure)
  expect(lineY).toBeGreaterThan(0)
  expect(lineY).toBeLessThan(200)
  // Above every point of the data (SVG y grows downwards), and labelled on the chart.
  for (const y of ys(seriesPaths(figure)[0]?.getAttribute('d') ?? '')) expect(y).toBeGreaterThan(lineY)
  expect(within(figure).getByText('warning 3 s')).toBeInTheDocument()
  expect(within(figure).getByText('4 s')).toBeInTheDocument()
})

test('shaded spans are stated in text with their times', () => {
  render(
    <LineChart
      title="STT latency"
      unit="ms"
      series={[p95]}
      spans={[{ fromMs: T0 + 60_000, toMs: T0 + 120_000, kind: 'firing', label: 'P95 latency alert' }]}
    />,
  )
  const figure = screen.getByRole('figure', { name: 'STT latency' })
  expect(within(figure).getByText('Shaded: P95 latency alert firing 14:01–14:02')).toBeInTheDocument()
})

test('a series that stopped reporting says when its last value was, not that it is current', () => {
  const stopped: ChartSeries = { ...p95, data: { ...p95.data, values: [600, 3400, null, null] } }
  render(<LineChart title="LLM latency" unit="ms" series={[stopped]} />)
  expect(screen.getByText('P95 last 3.4 s at 14:01.')).toBeInTheDocument()
})

test('a chart with only gaps says there is no data rather than drawing zeros', () => {
  const empty: ChartSeries = { ...p95, data: { fromMs: T0, stepS: 60, values: [null, null] } }
  render(<LineChart title="TTS latency" unit="ms" series={[empty]} />)
  const figure = screen.getByRole('figure', { name: 'TTS latency' })
  expect(within(figure).getByText('No data in this range.')).toBeInTheDocument()
  expect(figure).toHaveAccessibleDescription('No data in this range.')
  expect(seriesPaths(figure)[0]).toHaveAttribute('d', '')
})

test('the chart draws at the width its figure is given', () => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 900, 300))
  render(<LineChart title="STT latency" unit="ms" series={[p95]} height={180} />)
  const figure = screen.getByRole('figure', { name: 'STT latency' })
  // eslint-disable-next-line testing-library/no-node-access -- the drawing's coordinate system
  expect(figure.querySelector('svg[viewBox]')).toHaveAttribute('viewBox', '0 0 900 180')
  // The line spans the plot: from the left margin to 12 px short of the right edge.
  const xs = [...(seriesPaths(figure)[0]?.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),/g)].map((m) => Number(m[1]))
  expect(Math.max(...xs)).toBe(888)
})
