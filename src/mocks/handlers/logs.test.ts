import { apiFetch, type ApiError } from '@/api/client'
import { errorGroupsResponse, logsResponse } from '@/api/schemas'
import { givenScenario, setMockNow } from '../../../test/mock-backend'

const NOW = Date.parse('2026-11-27T12:00:00Z')
const HOUR = 3_600_000

beforeEach(() => {
  setMockNow(NOW)
})

const logs = (query: Record<string, string | number> = {}) => apiFetch('/api/logs', logsResponse, { query })
const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ApiError)

test('the tail is newest first, 100 lines by default, none after now', async () => {
  const { lines } = await logs()

  expect(lines).toHaveLength(100)
  const times = lines.map((l) => Date.parse(l.at))
  expect(times).toEqual([...times].sort((a, b) => b - a))
  expect(Math.max(...times)).toBeLessThanOrEqual(NOW)
})

test('filters by level, service and text (case-insensitive), honouring the limit', async () => {
  givenScenario('openai-outage')

  const errors = await logs({ level: 'error', limit: 20 })
  expect(errors.lines).toHaveLength(20)
  expect(errors.lines.every((l) => l.level === 'ERROR')).toBe(true)

  const tts = await logs({ service: 'TTS', limit: 30 })
  expect(tts.lines.length).toBeGreaterThan(0)
  expect(tts.lines.every((l) => l.service === 'tts')).toBe(true)

  const text = await logs({ q: 'SERVICE UNAVAILABLE', limit: 10 })
  expect(text.lines.length).toBeGreaterThan(0)
  expect(text.lines.every((l) => l.message.toLowerCase().includes('service unavailable'))).toBe(true)
})

test('several levels at once', async () => {
  const { lines } = await logs({ level: 'WARN,ERROR', limit: 50 })
  expect(lines.length).toBeGreaterThan(0)
  expect(new Set(lines.map((l) => l.level))).not.toContain('INFO')
})

test.each([
  ['an unknown level', { level: 'LOUD' }],
  ['a zero limit', { limit: 0 }],
  ['a limit over 1000', { limit: 1001 }],
  ['a fractional limit', { limit: 2.5 }],
  ['a very long query', { q: 'x'.repeat(201) }],
])('400 for %s', async (_case, query) => {
  expect(await failure(logs(query))).toMatchObject({ kind: 'http', details: { status: 400 } })
})

test('error groups over a range point at the cause of an outage', async () => {
  givenScenario('rate-limiting')
  const from = new Date(NOW - HOUR).toISOString()
  const to = new Date(NOW).toISOString()
  const body = await apiFetch('/api/errors', errorGroupsResponse, { query: { from, to } })

  expect(body.from).toBe(from)
  expect(body.to).toBe(to)
  expect(body.groups[0]?.errorType).toBe('rate_limited')
  const counts = body.groups.map((g) => g.count)
  expect(counts).toEqual([...counts].sort((a, b) => b - a))
})

test('error groups need a valid range', async () => {
  const missing = failure(apiFetch('/api/errors', errorGroupsResponse, { query: { to: new Date(NOW).toISOString() } }))
  expect(await missing).toMatchObject({ kind: 'http', details: { status: 400 } })
  const tooLong = failure(
    apiFetch('/api/errors', errorGroupsResponse, {
      query: { from: new Date(NOW - 40 * 24 * HOUR).toISOString(), to: new Date(NOW).toISOString() },
    }),
  )
  expect(await tooLong).toMatchObject({ kind: 'http', details: { status: 400 } })
})
