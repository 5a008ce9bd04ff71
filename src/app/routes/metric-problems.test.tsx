/**
 * Per-metric problems (a server reading Prometheus: a refused query, no data, a raised
 * step) are shown on the panel that draws the metric — Metrics page, Overview and wall —
 * and on no other.
 */
import { screen, within } from '@testing-library/react'
import { fetchMetrics, problemsFor } from '@/api/metrics'
import { givenApiAnswers, givenMetricProblem } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const CHART_WAIT = { timeout: 15_000 }
const SLOW_TEST_MS = 40_000
const REFUSED = 'stt.error_rate: Prometheus refused the query — bad_data: 1:12: parse error: unexpected "}"'
const NO_DATA = 'llm.latency.p95: no data — Prometheus has no series for this query in the range'

test('problemsFor keeps a panel\'s own problems, in order; none shares one empty list', () => {
  const problems = [
    { metric: 'stt.up', message: 'stt.up: a' },
    { metric: 'llm.up', message: 'llm.up: b' },
    { metric: 'stt.up', message: 'stt.up: c' },
  ] as const
  expect(problemsFor([...problems], ['stt.up', 'tts.up']).map((p) => p.message)).toEqual(['stt.up: a', 'stt.up: c'])
  expect(problemsFor([...problems], ['db.up'])).toBe(problemsFor(undefined, ['stt.up']))
})

test('the client keeps valid problems and drops ones that break the contract, with the charts intact', async () => {
  const at = '2024-01-08T00:00:00.000Z'
  givenApiAnswers('/api/metrics', {
    from: at,
    to: at,
    step: 10,
    series: [{ metric: 'stt.up', unit: 'bool', from: at, to: at, step: 10, values: [null] }],
    problems: [{ metric: 'stt.up', message: 'stt.up: no data' }, { metric: 'stt.nope', message: 'x' }, 'garbage'],
  })
  const answer = await fetchMetrics({ metrics: ['stt.up'], window: { kind: 'relative', durationMs: 60_000 }, step: 10 }, Date.parse(at))
  expect(answer.problems).toEqual([{ metric: 'stt.up', message: 'stt.up: no data' }])
  expect(answer.series).toHaveLength(1)
})

test(
  'the Metrics page shows a problem on the figure of its metric only',
  async () => {
    givenMetricProblem({ metric: 'stt.error_rate', message: REFUSED })
    renderRoute('/metrics')
    const list = await screen.findByRole('list', { name: 'Data problems' }, CHART_WAIT)
    expect(within(list).getByRole('listitem')).toHaveTextContent(REFUSED)
    expect(screen.getAllByRole('list', { name: 'Data problems' })).toHaveLength(1)
    // The list sits in the STT error rate card (/metrics#stt-error-rate).
    // eslint-disable-next-line testing-library/no-node-access -- the card's element id is what ties the list to its figure
    const card = document.getElementById('stt-error-rate')
    expect(card).toContainElement(list)
  },
  SLOW_TEST_MS,
)

test(
  'the Overview shows a latency problem under that service\'s chart',
  async () => {
    givenMetricProblem({ metric: 'llm.latency.p95', message: NO_DATA })
    renderRoute('/')
    const list = await screen.findByRole('list', { name: 'Data problems' }, CHART_WAIT)
    expect(list).toHaveTextContent(NO_DATA)
    expect(screen.getAllByRole('list', { name: 'Data problems' })).toHaveLength(1)
    // eslint-disable-next-line testing-library/no-node-access -- the chart and its notes share one wrapper
    expect(list.parentElement).toContainElement(await screen.findByRole('figure', { name: 'LLM latency' }, CHART_WAIT))
  },
  SLOW_TEST_MS,
)

test(
  'the wall shows a problem in the cell of its chart',
  async () => {
    givenMetricProblem({ metric: 'stt.error_rate', message: REFUSED })
    renderRoute('/wall')
    const panel = await screen.findByRole('region', { name: 'Key metrics, last hour' }, CHART_WAIT)
    const list = await within(panel).findByRole('list', { name: 'Data problems' }, CHART_WAIT)
    expect(list).toHaveTextContent(REFUSED)
    expect(within(panel).getAllByRole('list', { name: 'Data problems' })).toHaveLength(1)
    // eslint-disable-next-line testing-library/no-node-access -- the cell is the chart's and the list's common wrapper
    expect(list.parentElement).toContainElement(within(panel).getByRole('figure', { name: 'STT error rate' }))
  },
  SLOW_TEST_MS,
)
