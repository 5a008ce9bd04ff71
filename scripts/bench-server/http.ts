/**
 * One timed HTTP exchange over node:http, read to the last byte. Each simulated browser
 * gets its own keep-alive agent, as a browser keeps its own connections to the server.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'

export interface Exchange {
  status: number
  /** From handing the request to node:http to the last byte of the answer. */
  ms: number
  bodyBytes: number
  body: string
  etag: string | null
}

export interface RequestSpec {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: unknown
  timeoutMs?: number
}

export function newAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: 6 })
}

export function exchange(baseUrl: string, agent: http.Agent, spec: RequestSpec): Promise<Exchange> {
  const url = new URL(spec.path, baseUrl)
  const payload = spec.body === undefined ? null : JSON.stringify(spec.body)
  const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers }
  if (payload !== null) headers['Content-Length'] = String(Buffer.byteLength(payload))
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const request = http.request(url, { method: spec.method, agent, headers, timeout: spec.timeoutMs ?? 10_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.once('error', reject)
      response.once('end', () => {
        const body = Buffer.concat(chunks)
        const tag = response.headers.etag
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, bodyBytes: body.length, body: body.toString('utf8'), etag: tag ?? null })
      })
    })
    request.once('timeout', () => request.destroy(new Error(`timed out after ${spec.timeoutMs ?? 10_000} ms: ${spec.method} ${spec.path}`)))
    request.once('error', reject)
    request.end(payload ?? undefined)
  })
}

/** The headers a write from the app carries: JSON, its own origin, a fresh idempotency key. */
export function writeHeaders(origin: string, key: string): Record<string, string> {
  return { 'Content-Type': 'application/json', Origin: origin, 'Idempotency-Key': key }
}
