import { act, screen, within } from '@testing-library/react'
import { givenApiAnswers, givenApiFails, givenFaults, givenScenario } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

// The first render imports the charts lazily; on a busy machine that takes seconds.
const CHART_WAIT = { timeout: 8_000 }
const SLOW_TEST_MS = 20_000

const COMPONENT_NAMES = ['Voice agent', 'STT', 'LLM', 'TTS', 'LiveKit', 'Database', 'OpenAI API', 'Groq API']

/**
 * A 200 whose frame breaks the contract (no list of components at all). One bad
 * component is only set aside (see set-aside.test.tsx); a broken frame is the panel's error.
 */
function givenHealthViolatesContract() {
  givenApiAnswers('/api/health', { at: new Date().toISOString(), components: 'all fine' })
}

async function healthItems() {
  const list = await screen.findByRole('list', { name: 'Service health' })
  return within(list).getAllByRole('listitem')
}

test('the Overview shows its heading, a health item per component and the three latency charts', async () => {
  renderRoute('/')

  expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument()
  expect(document.title).toBe('Overview · Vigil')

  const items = await healthItems()
  expect(items).toHaveLength(8)
  items.forEach((item, i) => {
    expect(item).toHaveTextContent(COMPONENT_NAMES[i] ?? '')
    expect(item).toHaveTextContent(/\b(up|degraded|down)\b/)
  })

  for (const name of ['STT latency', 'LLM latency', 'TTS latency']) {
    const figure = await screen.findByRole('figure', { name }, CHART_WAIT)
    expect(within(figure).getByText(/^Thresholds: P95 warning: > 3 s/)).toBeInTheDocument()
    const legend = within(figure).getByRole('list', { name: `${name} series` })
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['P50', 'P95'])
    expect(within(figure).getByText(/^P50 now \d+ ms; P95 now \d[^,]*, (above|below|at) the 3 s warning threshold/)).toBeInTheDocument()
  }
}, SLOW_TEST_MS)

test('in the healthy scenario every component is up', async () => {
  renderRoute('/')
  for (const item of await healthItems()) expect(item).toHaveTextContent(/\bup\b/)
})

test('when the voice agent crashes, the first item says it is down and the stages behind it are unknown', async () => {
  givenScenario('agent-down')
  renderRoute('/')

  const items = await healthItems()
  expect(items[0]).toHaveTextContent('Voice agent: down. Voice agent down > 1 min — firing')
  expect(items.find((item) => item.textContent.startsWith('STT'))).toHaveTextContent(/^STT: unknown\. No data for STT up/)
})

test('during an OpenAI outage the STT item says down', async () => {
  givenScenario('openai-outage')
  renderRoute('/')

  const stt = (await healthItems()).find((item) => item.textContent.startsWith('STT'))
  expect(stt).toHaveTextContent(/\bdown\b/)
})

test('during an OpenAI outage the OpenAI API item says down with the rule that decided it; Groq API stays up', async () => {
  givenScenario('openai-outage')
  renderRoute('/')

  const items = await healthItems()
  const item = (name: string) => items.find((i) => i.textContent.startsWith(name))
  expect(item('OpenAI API')).toHaveTextContent('OpenAI API: down. STT and TTS down > 1 min — firing')
  expect(item('Groq API')).toHaveTextContent(/^Groq API: up\. /)
})

test('an LLM timeout shades the LLM latency chart where its P95 rule was pending and firing, and says so', async () => {
  givenScenario('llm-timeout')
  renderRoute('/')

  const llm = await screen.findByRole('figure', { name: 'LLM latency' }, CHART_WAIT)
  expect(await within(llm).findByText(/^Shaded: .*LLM P95 latency > 3 s firing \d\d:\d\d–\d\d:\d\d/)).toBeInTheDocument()
  expect(within(screen.getByRole('figure', { name: 'STT latency' })).queryByText(/^Shaded: /)).not.toBeInTheDocument()
}, SLOW_TEST_MS)

test('when a health refresh fails, the strip keeps its items and says it is stale', async () => {
  const { queryClient } = renderRoute('/')
  expect(await healthItems()).toHaveLength(8)

  givenApiFails('/api/health', 503)
  // What the 10 s refetchInterval does, without waiting for it.
  await act(() => queryClient.refetchQueries({ queryKey: ['health'] }))

  const region = screen.getByRole('region', { name: 'Service health' })
  const status = await within(region).findByRole('status')
  expect(status).toHaveTextContent(/^⚠ Stale — last data just now/)
  expect(status).toHaveTextContent('The service is unavailable (HTTP 503)')
  expect(within(region).getAllByRole('listitem')).toHaveLength(8)
})

test('a health answer that breaks the contract is reported on its panel while the charts still render', async () => {
  givenHealthViolatesContract()
  renderRoute('/')

  const region = await screen.findByRole('region', { name: 'Service health' })
  expect(await within(region).findByText(/did not match the contract/)).toBeInTheDocument()
  expect(within(region).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  expect(within(region).queryByRole('list', { name: 'Service health' })).not.toBeInTheDocument()

  expect(await screen.findByRole('figure', { name: 'STT latency' }, CHART_WAIT)).toBeInTheDocument()
  expect(screen.getByRole('figure', { name: 'TTS latency' })).toBeInTheDocument()
}, SLOW_TEST_MS)

test('Retry on a failed panel loads it once the backend answers again', async () => {
  givenFaults(1, 500)
  const { user } = renderRoute('/')
  const region = await screen.findByRole('region', { name: 'Service health' })
  expect(await within(region).findByText(/could not be loaded\. The server failed\./)).toBeInTheDocument()

  givenFaults(0, 500)
  await user.click(within(region).getByRole('button', { name: 'Retry' }))

  expect(await within(region).findByRole('list', { name: 'Service health' })).toBeInTheDocument()
  expect(within(region).queryByText(/could not be loaded/)).not.toBeInTheDocument()
})

test('when the metrics API fails, the latency panel says so and the health strip is unaffected', async () => {
  givenApiFails('/api/metrics', 'malformed')
  renderRoute('/')

  const region = await screen.findByRole('region', { name: 'Pipeline latency, last hour' })
  expect(await within(region).findByText(/not valid JSON/, {}, CHART_WAIT)).toBeInTheDocument()
  expect(screen.queryByRole('figure', { name: 'STT latency' })).not.toBeInTheDocument()
  expect(await healthItems()).toHaveLength(8)
}, SLOW_TEST_MS)
