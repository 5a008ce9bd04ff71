/**
 * Every chart kind has a text alternative, read as its figure's accessible description:
 * the latest value and where it stands against the runbook's thresholds (issue 13).
 */
import { screen, waitFor } from '@testing-library/react'
import { givenScenario } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

// Lazy routes and many charts in jsdom on a shared machine.
const CHART_WAIT = { timeout: 15_000 }
const SLOW_TEST_MS = 40_000

async function describedFigure(name: string, description: RegExp) {
  const figure = await screen.findByRole('figure', { name }, CHART_WAIT)
  await waitFor(() => {
    expect(figure).toHaveAccessibleDescription(description)
  }, CHART_WAIT)
  return figure
}

test(
  'Overview latency: the P95 threshold is said of P95 alone, never of P50',
  async () => {
    renderRoute('/')
    for (const name of ['STT latency', 'LLM latency', 'TTS latency']) {
      await describedFigure(name, /^P50 (now|last) [^,;]+; P95 (now|last) [^,;]+, (above|below|at) the 3 s warning threshold[^;]*\.$/)
    }
  },
  SLOW_TEST_MS,
)

test(
  'Metrics: during an OpenAI outage the STT error rate figure says it is above its critical threshold',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/metrics')
    await describedFigure('STT error rate', /^Error rate now \d+(\.\d)? %, above the 10 % critical threshold\.$/)
  },
  SLOW_TEST_MS,
)

test(
  'Metrics: a service that is up is within its "down" threshold, not above it',
  async () => {
    renderRoute('/metrics')
    await describedFigure('Service availability', /^Voice agent (now|last) 100 %[^;]*, within its thresholds; STT /)
  },
  SLOW_TEST_MS,
)

test(
  'the wall: during an OpenAI outage the STT error rate figure says it is above its critical threshold',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/wall')
    await describedFigure('STT error rate', /^Error rate now \d+(\.\d)? %, above the 10 % critical threshold\.$/)
  },
  SLOW_TEST_MS,
)

test(
  'the error chart is described by its totals over the range',
  async () => {
    givenScenario('openai-outage')
    renderRoute('/alerts?range=1h')
    await describedFigure('Errors by type', /^[\d,.k]+ errors over the last 1 h: .+\.$/)
  },
  SLOW_TEST_MS,
)
