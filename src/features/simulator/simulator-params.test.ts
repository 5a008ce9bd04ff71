import { controlFor, parseSimulatorParams, wantsSimulatorChange } from './simulator-params'

const parse = (query: string) => parseSimulatorParams(new URLSearchParams(query))

test.each([
  ['', {}],
  ['scenario=openai-outage', { scenario: 'openai-outage' }],
  ['seed=42', { seed: 42 }],
  ['seed=0&scenario=healthy', { scenario: 'healthy', seed: 0 }],
  ['scenario=&seed=', {}],
])('?%s asks for %j', (query, expected) => {
  expect(parse(query)).toEqual({ ...expected, problems: [] })
})

test.each([
  ['scenario=bogus', /scenario “bogus”, which the simulator does not know/],
  ['scenario=<script>', /scenario “<script>”/],
  ['seed=-1', /seed “-1” is not a whole number/],
  ['seed=1.5', /seed “1.5”/],
  ['seed=abc', /seed “abc”/],
  ['seed=99999999999999999999', /not a whole number/],
])('?%s is a problem to show, not a request', (query, message) => {
  const request = parse(query)
  expect(wantsSimulatorChange(request)).toBe(false)
  expect(request.problems).toEqual([expect.stringMatching(message)])
})

test.each([
  [{ scenario: 'openai-outage' as const }, { scenario: 'healthy', seed: 1 }, { scenario: 'openai-outage' }],
  [{ scenario: 'healthy' as const }, { scenario: 'healthy', seed: 1 }, null],
  [{ seed: 7 }, { scenario: 'healthy', seed: 1 }, { seed: 7 }],
  [{ seed: 1 }, { scenario: 'healthy', seed: 1 }, null],
  [{ scenario: 'llm-timeout' as const, seed: 7 }, { scenario: 'healthy', seed: 7 }, { scenario: 'llm-timeout' }],
  [{}, { scenario: 'rate-limiting', seed: 3 }, null],
] as const)('asking %j of a simulator at %j posts %j', (asked, state, expected) => {
  expect(controlFor({ ...asked, problems: [] }, state)).toEqual(expected)
})
