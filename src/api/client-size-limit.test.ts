/**
 * An answer over MAX_RESPONSE_BYTES is refused with a sentence that names the endpoint
 * and the sizes, before JSON parsing. With a Content-Length over the limit nothing of the
 * body is read; without one, reading stops as soon as the count passes the limit.
 */
import { afterEach, expect, test, vi } from 'vitest'
import * as z from 'zod/mini'
import { givenApiAnswers } from '../../test/mock-backend'
import { apiFetch, isApiError, MAX_RESPONSE_BYTES, type ApiError } from './client'
import { fetchLogs } from './logs'

const MB = 1_000_000
const anything = z.unknown()

afterEach(() => {
  vi.restoreAllMocks()
})

/** A body served 1 MB at a time, on demand, for as long as it is read; it counts what was pulled and whether it was cancelled. */
function endlessBody(chunkBytes = MB) {
  const chunk = new TextEncoder().encode('x'.repeat(chunkBytes))
  const seen = { pulls: 0, cancelled: false }
  // highWaterMark 0: nothing is pulled until the reader asks, so `pulls` counts what the client read.
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls += 1
        controller.enqueue(chunk)
      },
      cancel() {
        seen.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, seen }
}

/** A body of these string pieces, each its own chunk of UTF-8 bytes (a piece may end mid-character). */
function chunkedBody(pieces: readonly Uint8Array[]) {
  let next = 0
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const piece = pieces[next++]
        if (piece === undefined) controller.close()
        else controller.enqueue(piece)
      },
    },
    { highWaterMark: 0 },
  )
}

function givenFetchAnswers(response: Response) {
  return vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(response)
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as ApiError,
  )

test('the limit is 20 MB', () => {
  expect(MAX_RESPONSE_BYTES).toBe(20 * MB)
})

test('a Content-Length over the limit is refused before a byte of the body is read', async () => {
  const { stream, seen } = endlessBody()
  givenFetchAnswers(new Response(stream, { status: 200, headers: { 'Content-Length': String(48 * MB), 'Content-Type': 'application/json' } }))

  const error = await failure(apiFetch('/api/incidents', anything))

  expect(isApiError(error)).toBe(true)
  expect(error?.message).toBe('The answer from /api/incidents is 48 MB, over the 20 MB limit.')
  expect(error).toMatchObject({ kind: 'schema', details: { path: '/api/incidents', status: 200 } })
  expect(seen.pulls).toBe(0)
  expect(seen.cancelled).toBe(true)
})

test('without a Content-Length the bytes are counted as they come, and reading stops just past the limit', async () => {
  const { stream, seen } = endlessBody()
  givenFetchAnswers(new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } }))

  const error = await failure(apiFetch('/api/logs', anything, { query: { limit: 500 } }))

  expect(error?.message).toBe('The answer from /api/logs is more than 20 MB (reading stopped at 21 MB), over the 20 MB limit.')
  expect(error?.kind).toBe('schema')
  // 21 chunks of 1 MB: the one that passed the limit is the last one read.
  expect(seen.pulls).toBe(21)
  expect(seen.cancelled).toBe(true)
})

test('a Content-Length under the limit does not let a longer body through (compressed answers count fewer bytes)', async () => {
  const { stream, seen } = endlessBody()
  givenFetchAnswers(new Response(stream, { status: 200, headers: { 'Content-Length': String(2 * MB) } }))

  const error = await failure(apiFetch('/api/metrics', anything))

  expect(error?.message).toMatch(/^The answer from \/api\/metrics is more than 20 MB \(reading stopped at 21 MB\), over the 20 MB limit\.$/)
  expect(seen.pulls).toBe(21)
})

test('an error status keeps its own message when its page is oversized: the status matters more', async () => {
  const { stream, seen } = endlessBody()
  givenFetchAnswers(new Response(stream, { status: 503, headers: { 'Content-Length': String(48 * MB), 'Retry-After': '30' } }))

  const error = await failure(apiFetch('/api/alerts', anything))

  expect(error).toMatchObject({ kind: 'http', details: { status: 503, retryAfterMs: 30_000 } })
  expect(error?.message).toBe('The service is unavailable (HTTP 503).')
  expect(seen.pulls).toBe(0)
})

test('an answer under the limit is read whole, a character split across chunks included', async () => {
  const bytes = new TextEncoder().encode(JSON.stringify({ text: 'Grüße — 日本 ✓', pad: 'y'.repeat(3000) }))
  // Cut inside "ü" (2 bytes) and inside "日" (3 bytes).
  const cuts = [9, 10, 22, 24, 1000, bytes.length]
  const pieces = cuts.map((end, i) => bytes.slice(i === 0 ? 0 : cuts[i - 1], end))
  givenFetchAnswers(new Response(chunkedBody(pieces), { status: 200 }))

  const answer = await apiFetch('/api/incidents/INC-1', z.object({ text: z.string(), pad: z.string() }))

  expect(answer.text).toBe('Grüße — 日本 ✓')
  expect(answer.pad).toHaveLength(3000)
})

test('through the mock backend: a 21 MB log answer is refused with a sentence the panel can show', async () => {
  givenApiAnswers('/api/logs', { lines: [], padding: 'z'.repeat(21 * MB) })

  const error = await failure(fetchLogs({ limit: 20 }))

  expect(error?.message).toMatch(/^The answer from \/api\/logs is (21 MB|more than 20 MB \(reading stopped at 2\d MB\)), over the 20 MB limit\.$/)
})

test('an answer just under the limit is still parsed', async () => {
  const body = JSON.stringify({ lines: [], padding: 'z'.repeat(MAX_RESPONSE_BYTES - 100) })
  expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(MAX_RESPONSE_BYTES)
  givenApiAnswers('/api/logs', JSON.parse(body))

  const answer = await fetchLogs({ limit: 20 })

  expect(answer.lines).toEqual([])
})
