/**
 * A stand-in Prometheus for tests: a real HTTP server on a free loopback port that
 * records every request and answers what the test's handler says, so the client is
 * tested over the wire (timeouts, refused connections, non-JSON) and not only its types.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRequest {
  path: string
  params: URLSearchParams
}

export interface FakeAnswer {
  status?: number
  /** An object is sent as JSON; a string as it is (to send something that is not JSON). */
  body: unknown
  /** Answer this much later (a slow Prometheus). */
  delayMs?: number
}

export type FakeHandler = (request: FakeRequest) => FakeAnswer

export interface FakePrometheus {
  url: string
  /** host:port, as messages name it. */
  host: string
  requests: FakeRequest[]
  /** The query_range requests' `query` parameters, in order. */
  rangeQueries(): string[]
  handle(handler: FakeHandler): void
  close(): Promise<void>
}

/** Prometheus' success envelope around query data. */
export const success = (data: unknown, warnings?: string[]) => ({ status: 'success', data, ...(warnings ? { warnings } : {}) })

/** A matrix answer: one series per entry, samples [unix seconds, "value"]. */
export function matrix(...series: { labels?: Record<string, string>; values: [number, string][] }[]) {
  return success({ resultType: 'matrix', result: series.map((s) => ({ metric: s.labels ?? {}, values: s.values })) })
}

/** The error Prometheus answers, with its HTTP status. */
export function promError(errorType: string, error: string, status = 400): FakeAnswer {
  return { status, body: { status: 'error', errorType, error } }
}

/** `port` 0 is any free one; a given port brings a stopped fake back where it was. */
export async function startFakePrometheus(handler: FakeHandler = () => ({ body: matrix() }), port = 0): Promise<FakePrometheus> {
  let current = handler
  const requests: FakeRequest[] = []
  const pending = new Set<NodeJS.Timeout>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid')
    const request = { path: url.pathname, params: url.searchParams }
    requests.push(request)
    const answer = current(request)
    const send = () => {
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
      res.writeHead(answer.status ?? 200, { 'Content-Type': typeof answer.body === 'string' ? 'text/plain' : 'application/json' })
      res.end(text)
    }
    if (answer.delayMs === undefined) send()
    else {
      const timer = setTimeout(() => {
        pending.delete(timer)
        send()
      }, answer.delayMs)
      pending.add(timer)
    }
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const bound = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${bound}`,
    host: `127.0.0.1:${bound}`,
    requests,
    rangeQueries: () => requests.filter((r) => r.path === '/api/v1/query_range').map((r) => r.params.get('query') ?? ''),
    handle(next) {
      current = next
    },
    async close() {
      for (const timer of pending) clearTimeout(timer)
      server.closeAllConnections()
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      })
    },
  }
}
