import { DEFAULT_LOG_FILTERS, parseLogFilters, toLogRequest, writeLogFilters } from './log-filters'

const parse = (query: string) => parseLogFilters(new URLSearchParams(query))

test.each([
  ['', DEFAULT_LOG_FILTERS],
  ['level=ERROR&service=stt&logq=rate', { level: 'ERROR', service: 'stt', q: 'rate' }],
  ['level=warn&service=STT', { level: 'WARN', service: 'stt', q: '' }],
  ['level=FATAL', DEFAULT_LOG_FILTERS],
  [`service=${'x'.repeat(51)}`, DEFAULT_LOG_FILTERS],
  ['service=billing', { ...DEFAULT_LOG_FILTERS, service: 'billing' }],
  [`logq=${'a'.repeat(300)}`, { ...DEFAULT_LOG_FILTERS, q: 'a'.repeat(200) }],
  ['logq=%3Cscript%3E', { ...DEFAULT_LOG_FILTERS, q: '<script>' }],
] as const)('?%s reads as the expected filters', (query, expected) => {
  expect(parse(query)).toEqual(expected)
})

test('writing keeps other parameters and leaves empty filters out', () => {
  const params = new URLSearchParams('range=6h&level=WARN&state=firing')
  expect(writeLogFilters(params, { level: 'ERROR', service: '', q: '  rate limit ' }).toString()).toBe(
    'range=6h&state=firing&level=ERROR&logq=rate+limit',
  )
  expect(writeLogFilters(params, DEFAULT_LOG_FILTERS).toString()).toBe('range=6h&state=firing')
})

test('the request names only what narrows the tail', () => {
  expect(toLogRequest(DEFAULT_LOG_FILTERS)).toEqual({ limit: 100 })
  expect(toLogRequest({ level: 'ERROR', service: 'stt', q: ' 429 ' })).toEqual({ level: 'ERROR', service: 'stt', q: '429', limit: 100 })
})
