import {
  DEFAULT_FILTERS,
  clearedFilters,
  hasActiveFilters,
  parseIncidentFilters,
  writeIncidentFilters,
  type IncidentFilters,
} from './incident-filters'

const parse = (query: string) => parseIncidentFilters(new URLSearchParams(query))

test.each<[string, Partial<IncidentFilters>]>([
  ['', {}],
  ['severity=P1,P2&status=open&q=openai&sort=severity', { severity: ['P1', 'P2'], status: ['open'], q: 'openai' }],
  ['severity=P1&severity=SEV0', { severity: ['P1', 'SEV0'] }],
  ['severity=P1,,P1, P2', { severity: ['P1', 'P2'] }],
  ['severity=unknown', { severity: ['unknown'] }],
  ['status=open,bogus,resolved', { status: ['open', 'resolved'] }],
  ['status=bogus', { status: [] }],
  ['service=stt,openai&assignee=none,priya', { service: ['stt', 'openai'], assignee: ['none', 'priya'] }],
  ['sort=age&reverse=1', { sort: 'age', reverse: true }],
  ['sort=loudest&reverse=yes', {}],
  ['q=%3Cscript%3E', { q: '<script>' }],
  [`q=${'x'.repeat(500)}`, { q: 'x'.repeat(200) }],
])('?%s reads as the view it names; what is not understood falls back', (query, expected) => {
  expect(parse(query)).toEqual({ ...DEFAULT_FILTERS, ...expected })
})

test('writing keeps unrelated parameters and leaves defaults out', () => {
  const params = new URLSearchParams('scenario=openai-outage&severity=P4&q=old')
  const next = writeIncidentFilters(params, { ...DEFAULT_FILTERS, severity: ['P1', 'P2'], status: ['open'] })
  expect(next.get('scenario')).toBe('openai-outage')
  expect(next.get('severity')).toBe('P1,P2')
  expect(next.get('status')).toBe('open')
  expect(next.has('q')).toBe(false)
  expect(next.has('sort')).toBe(false)
  expect(next.has('reverse')).toBe(false)
  // The input is left alone: setSearchParams gets a new object.
  expect(params.get('severity')).toBe('P4')
})

test('a written view reads back as itself', () => {
  const filters: IncidentFilters = {
    severity: ['SEV0', 'P3'],
    status: ['identified', 'closed'],
    service: ['livekit'],
    assignee: ['none'],
    q: 'quota exceeded',
    sort: 'deadline',
    reverse: true,
  }
  expect(parseIncidentFilters(writeIncidentFilters(new URLSearchParams(), filters))).toEqual(filters)
  expect(writeIncidentFilters(new URLSearchParams(), DEFAULT_FILTERS).toString()).toBe('')
})

test('blank text is not written', () => {
  expect(writeIncidentFilters(new URLSearchParams(), { ...DEFAULT_FILTERS, q: '   ' }).has('q')).toBe(false)
})

test('sorting is not a filter; clearing keeps the sort', () => {
  expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false)
  expect(hasActiveFilters({ ...DEFAULT_FILTERS, sort: 'age', reverse: true })).toBe(false)
  expect(hasActiveFilters({ ...DEFAULT_FILTERS, q: ' ' })).toBe(false)
  expect(hasActiveFilters({ ...DEFAULT_FILTERS, assignee: ['none'] })).toBe(true)
  const busy: IncidentFilters = { ...DEFAULT_FILTERS, severity: ['P1'], q: 'x', sort: 'age' }
  expect(clearedFilters(busy)).toEqual({ ...DEFAULT_FILTERS, sort: 'age' })
})
