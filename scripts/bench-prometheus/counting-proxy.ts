/**
 * A loopback HTTP proxy between the Vigil server and Prometheus that can count what
 * Prometheus sends back. Switched off, it only pipes bytes through (the server's usual
 * reads pay one extra loopback hop, nothing more). Switched on, it also reads every
 * query_range answer to the end and records its URL, size, time and the number of
 * points in it (the sum of every series' `values`), so a run can say exactly how many
 * samples Prometheus transferred for one page, and which queries the server asked.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'

export interface RangeRead {
  /** Path and query as the server sent it (Prometheus' /api/v1/query_range?…). */
  path: string
  status: number
  /** As sent (gzip, when the reader accepts it, as Node's fetch does). */
  wireBytes: number
  /** The JSON, decoded. */
  bytes: number
  /** Points in the answer, over all its series. */
  points: number
  series: number
  /** From the request reaching the proxy to Prometheus' last byte. */
  ms: number
}

export interface CountingProxy {
  readonly url: string
  /** Starts recording query_range answers (forgetting earlier ones). */
  startCounting(): void
  /** Stops recording and hands back what was recorded. */
  stopCounting(): RangeRead[]
  close(): Promise<void>
}

interface MatrixAnswer {
  data?: { result?: { values?: unknown[] }[] }
}

/** Points in a query_range answer; 0 for an answer that is not a matrix, NaN for one that is not JSON. */
export function pointsIn(body: string): { points: number; series: number } {
  let parsed: MatrixAnswer
  try {
    parsed = JSON.parse(body) as MatrixAnswer
  } catch {
    return { points: Number.NaN, series: Number.NaN }
  }
  const result = parsed.data?.result ?? []
  return { points: result.reduce((sum, s) => sum + (s.values?.length ?? 0), 0), series: result.length }
}

/** The body as Prometheus wrote it, before its Content-Encoding. */
export function decoded(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding) {
    case 'gzip':
      return gunzipSync(body)
    case 'deflate':
      return inflateSync(body)
    case 'br':
      return brotliDecompressSync(body)
    default:
      return body
  }
}

export async function startCountingProxy(upstream: string): Promise<CountingProxy> {
  const target = new URL(upstream)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 })
  let recorded: RangeRead[] | null = null

  const server = http.createServer((request, response) => {
    const started = performance.now()
    const path = request.url ?? '/'
    const counting = recorded !== null && path.startsWith('/api/v1/query_range')
    const outgoing = http.request(
      { host: target.hostname, port: target.port, method: request.method, path, headers: { ...request.headers, host: target.host }, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        if (!counting) {
          answer.pipe(response)
          return
        }
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          response.write(chunk)
        })
        answer.once('end', () => {
          const ms = performance.now() - started
          response.end()
          const wire = Buffer.concat(chunks)
          // A body that cannot be decoded is recorded as NaN rather than thrown: this runs in an event handler.
          let body: Buffer | null = null
          try {
            body = decoded(wire, answer.headers['content-encoding'])
          } catch {
            body = null
          }
          const { points, series } = body === null ? { points: Number.NaN, series: Number.NaN } : pointsIn(body.toString('utf8'))
          recorded?.push({ path, status: answer.statusCode ?? 0, wireBytes: wire.length, bytes: body?.length ?? Number.NaN, points, series, ms })
        })
      },
    )
    outgoing.once('error', (error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' })
      response.end(`proxy: ${error.message}`)
    })
    request.pipe(outgoing)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    startCounting() {
      recorded = []
    },
    stopCounting() {
      const got = recorded ?? []
      recorded = null
      return got
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
        server.closeAllConnections()
        agent.destroy()
      }),
  }
}
