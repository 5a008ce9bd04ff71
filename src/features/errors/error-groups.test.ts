import { summarizeErrors } from './error-groups'

test('error types are ranked by count with their share of all errors', () => {
  const summary = summarizeErrors(
    [
      { service: 'stt', errorType: 'timeout', count: 10 },
      { service: 'stt', errorType: 'upstream_5xx', count: 60 },
      { service: 'tts', errorType: 'upstream_5xx', count: 25 },
      { service: 'llm', errorType: 'context_length', count: 5 },
    ],
    3,
  )
  expect(summary.total).toBe(100)
  expect(summary.top).toEqual([
    { service: 'stt', errorType: 'upstream_5xx', label: 'STT upstream_5xx', count: 60, share: 0.6 },
    { service: 'tts', errorType: 'upstream_5xx', label: 'TTS upstream_5xx', count: 25, share: 0.25 },
    { service: 'stt', errorType: 'timeout', label: 'STT timeout', count: 10, share: 0.1 },
  ])
  expect(summary.otherCount).toBe(5)
  expect(summary.byService).toEqual([
    { service: 'stt', label: 'STT', count: 70 },
    { service: 'tts', label: 'TTS', count: 25 },
    { service: 'llm', label: 'LLM', count: 5 },
  ])
})

test('equal counts keep a stable order, and an unknown service keeps its own name', () => {
  const summary = summarizeErrors([
    { service: 'tts', errorType: 'timeout', count: 4 },
    { service: 'billing', errorType: 'declined', count: 4 },
    { service: 'stt', errorType: 'timeout', count: 4 },
  ])
  expect(summary.top.map((r) => r.label)).toEqual(['billing declined', 'STT timeout', 'TTS timeout'])
})

test('no errors is an empty summary, not a division by zero', () => {
  expect(summarizeErrors([{ service: 'stt', errorType: 'timeout', count: 0 }])).toEqual({
    total: 0,
    top: [],
    otherCount: 0,
    byService: [{ service: 'stt', label: 'STT', count: 0 }],
  })
})
