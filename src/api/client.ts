/**
 * The one fetch wrapper. Every response is parsed with its zod schema here, and every
 * failure (transport, timeout, HTTP status, malformed JSON, schema violation) becomes
 * an ApiError with a kind, so panels can say in words what went wrong.
 */
import { safeParse } from 'zod/mini'
import type { $ZodType, output } from 'zod/v4/core'
import { noteServerDate, serverNow } from './server-time'

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'malformed' | 'schema' | 'aborted'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: {
      status?: number
      /** Milliseconds the server asked us to wait (Retry-After). */
      retryAfterMs?: number
      /** Parsed JSON error body, when the server sent one. */
      body?: unknown
      path?: string
    } = {},
  ) {
    super(message)
  }

  get status(): number | undefined {
    return this.details.status
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

let baseUrl = ''

/** Points every request at a backend; '' means same origin (the mock backend). */
export function configureApi(options: { baseUrl: string }): void {
  baseUrl = options.baseUrl.replace(/\/$/, '')
}

/** The backend configureApi pointed at ('' = same origin), for what does not go through fetch: the event stream. */
export function apiBaseUrl(): string {
  return baseUrl
}

export const DEFAULT_TIMEOUT_MS = 10_000

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
  timeoutMs?: number
  query?: Record<string, string | number | undefined>
}

export interface ApiResponse<T> {
  data: T
  status: number
  headers: Headers
}

/** Fetches `path`, parses the JSON body with `schema`, returns data and headers. */
export async function apiRequest<S extends $ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<ApiResponse<output<S>>> {
  return readResponse(await send(path, options), schema)
}

/** A copy the caller already holds, and the ETag it came with. */
export interface Held<T> {
  data: T
  etag: string
}

/**
 * GETs `path` with If-None-Match: the tag of the copy the caller holds, if any. A 304 is
 * an answer, not an error: nothing is read or parsed, and the answer's data is `held.data`
 * itself (same reference), status 304. Sending If-None-Match ourselves makes fetch hand us
 * the raw 304; 'no-store' also keeps the browser's own HTTP cache out of the way.
 */
export async function apiConditionalGet<S extends $ZodType>(
  path: string,
  schema: S,
  held: Held<output<S>> | null,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<ApiResponse<output<S>> & { etag: string | null }> {
  const headers = { ...options.headers, ...(held === null ? {} : { 'If-None-Match': held.etag }) }
  const sent = await send(path, { ...options, headers }, 'no-store')
  const { response } = sent
  // A 304 to a request that named no tag leaves nothing to show: readResponse makes it an error.
  if (response.status === 304 && held !== null) {
    return { data: held.data, status: 304, headers: response.headers, etag: response.headers.get('ETag') ?? held.etag }
  }
  const answer = await readResponse(sent, schema)
  return { ...answer, etag: answer.headers.get('ETag') }
}

interface Sent {
  response: Response
  path: string
  timeout: AbortSignal
  timeoutMs: number
}

/** The request itself: every way it can fail to get an answer becomes an ApiError. */
async function send(path: string, options: RequestOptions, cache?: RequestCache): Promise<Sent> {
  const url = buildUrl(path, options.query)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'

  let response: Response
  const sentAt = Date.now()
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal,
      ...(cache === undefined ? {} : { cache }),
    })
  } catch (e) {
    if (options.signal?.aborted) throw new ApiError('aborted', 'The request was cancelled.', { path })
    if (timeout.aborted) throw new ApiError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s.`, { path })
    throw new ApiError('network', `Could not reach the server (${describe(e)}).`, { path })
  }
  noteServerDate(response.headers.get('Date'), Date.now(), sentAt)
  return { response, path, timeout, timeoutMs }
}

/** Reads the body: an error status, JSON that does not parse or breaks the contract all become ApiErrors. */
async function readResponse<S extends $ZodType>({ response, path, timeout, timeoutMs }: Sent, schema: S): Promise<ApiResponse<output<S>>> {
  let body: LimitedBody
  try {
    body = await readLimited(response, MAX_RESPONSE_BYTES)
  } catch (e) {
    if (timeout.aborted) throw new ApiError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s.`, { path })
    throw new ApiError('network', `The connection broke while reading (${describe(e)}).`, { path })
  }
  // An error status is still reported as one when its page is oversized: the status and
  // Retry-After matter more than the page. Not retried: the same answer would come again.
  if (body.kind === 'too-large' && response.ok) {
    throw new ApiError('schema', `The answer from ${path} ${body.size}, over the ${megabytes(MAX_RESPONSE_BYTES)} limit.`, {
      path,
      status: response.status,
    })
  }
  const text = body.kind === 'text' ? body.text : ''

  let json: unknown = undefined
  let jsonOk = true
  if (text.length > 0) {
    try {
      json = JSON.parse(text)
    } catch {
      jsonOk = false
    }
  }

  if (!response.ok) {
    // An HTTP-date in Retry-After is on the server's clock (noted from this very response).
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), serverNow())
    throw new ApiError('http', httpMessage(response.status, json), {
      status: response.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      body: jsonOk ? json : undefined,
      path,
    })
  }
  if (!jsonOk) throw new ApiError('malformed', 'The server sent a response that is not valid JSON.', { path, status: response.status })

  const parsed = safeParse(schema, json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : ''
    throw new ApiError('schema', `The server's answer did not match the contract${where}: ${first?.message ?? 'invalid'}.`, {
      path,
      status: response.status,
    })
  }
  return { data: parsed.data, status: response.status, headers: response.headers }
}

/**
 * The largest answer read, in bytes. The largest real one is the incident list: 10,000
 * incidents are 6 MB of JSON. 20 MB leaves room for longer texts and more incidents, and
 * refuses an answer gone wrong (a proxy looping, a dump of every log line) before it
 * costs a wall display's tab its memory. One limit for every endpoint: the others are far
 * smaller, and a tighter one each would only be one more number to keep right.
 */
export const MAX_RESPONSE_BYTES = 20_000_000

type LimitedBody = { kind: 'text'; text: string } | { kind: 'too-large'; size: string }

/**
 * The body as text, or how big it was past `limit`. A Content-Length over the limit is
 * refused before a byte is read. Otherwise the bytes are counted as they stream in and
 * reading stops as soon as they pass the limit: Content-Length may be absent (chunked)
 * or count compressed bytes, so it alone cannot bound what is held.
 */
async function readLimited(response: Response, limit: number): Promise<LimitedBody> {
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > limit) {
    response.body?.cancel().catch(() => undefined)
    return { kind: 'too-large', size: `is ${megabytes(declared)}` }
  }
  if (response.body === null) return { kind: 'text', text: '' }
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let read = 0
  let text = ''
  for (;;) {
    const chunk = await reader.read()
    if (chunk.done) break
    read += chunk.value.byteLength
    if (read > limit) {
      reader.cancel().catch(() => undefined)
      return { kind: 'too-large', size: `is more than ${megabytes(limit)} (reading stopped at ${megabytes(read)})` }
    }
    text += decoder.decode(chunk.value, { stream: true })
  }
  return { kind: 'text', text: text + decoder.decode() }
}

/** "48 MB", "2.5 MB" (1 MB = 1,000,000 bytes, as a file manager shows it). */
function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000
  return `${mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10)} MB`
}

/** Like apiRequest, returning only the parsed body. */
export async function apiFetch<S extends $ZodType>(path: string, schema: S, options?: RequestOptions): Promise<output<S>> {
  return (await apiRequest(path, schema, options)).data
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v))
  const qs = params.toString()
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs)
}

function httpMessage(status: number, body: unknown): string {
  const detail =
    typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? `: ${body.message}` : ''
  const words: Record<number, string> = {
    400: 'The request was rejected',
    401: 'You are not signed in',
    403: 'This is not allowed from here',
    404: 'Not found',
    409: 'Conflict',
    412: 'Someone else changed this first',
    413: 'The request was too large',
    415: 'The request was sent in a form the server does not take',
    422: 'The request was invalid',
    428: 'The change was sent without a version',
    429: 'Too many requests',
    500: 'The server failed',
    502: 'The gateway failed',
    503: 'The service is unavailable',
    504: 'The gateway timed out',
  }
  const sentence = `${words[status] ?? 'The server answered with an error'} (HTTP ${status})${detail}`
  // A server's own message usually ends its sentence already.
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
