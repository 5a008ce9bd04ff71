/**
 * Reading Prometheus straight from here, one query at a time, to time Prometheus alone:
 * - the query_range requests the server sent for one page (recorded by the counting
 *   proxy), replayed as they were;
 * - the same week at the 10-second base step, which Prometheus refuses in one piece
 *   (more than 11,000 points per series), so it is read in consecutive chunks of
 *   10,000 steps whose points, bytes and times are summed.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { metricQuery } from '../../server/sources/prometheus/queries'
import type { MetricId } from '@/domain/catalog'
import { decoded, pointsIn } from './counting-proxy'

export interface ReadsRun {
  queries: number
  /** The queries' times (to the last byte), summed. */
  ms: number
  points: number
  /** Gzip-compressed, as the server's fetch asks for it. */
  wireBytes: number
  /** The JSON. */
  bytes: number
}

interface Answer {
  status: number
  ms: number
  wire: Buffer
  encoding: string | undefined
}

/** One GET with the encodings Node's fetch accepts, read to the last byte. */
function get(agent: http.Agent, url: URL): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const request = http.get(url, { agent, headers: { Accept: 'application/json', 'Accept-Encoding': 'gzip, deflate' }, timeout: 120_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.once('error', reject)
      response.once('end', () => {
        const encoding = response.headers['content-encoding']
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, wire: Buffer.concat(chunks), encoding })
      })
    })
    request.once('timeout', () => request.destroy(new Error(`timed out: ${url.pathname}`)))
    request.once('error', reject)
  })
}

const BASE_STEP_S = 10
const CHUNK_STEPS = 10_000

/** Sends each path (Prometheus' /api/v1/query_range?…) in turn; the time is their sum. */
export async function replayReads(prometheusUrl: string, paths: readonly string[]): Promise<ReadsRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    let ms = 0
    let points = 0
    let wireBytes = 0
    let bytes = 0
    for (const path of paths) {
      const answer = await get(agent, new URL(path, prometheusUrl))
      const body = decoded(answer.wire, answer.encoding).toString('utf8')
      if (answer.status !== 200) throw new Error(`Prometheus answered ${answer.status} to ${path.slice(0, 200)}: ${body.slice(0, 300)}`)
      ms += answer.ms
      points += pointsIn(body).points
      wireBytes += answer.wire.length
      bytes += Buffer.byteLength(body)
    }
    return { queries: paths.length, ms, points, wireBytes, bytes }
  } finally {
    agent.destroy()
  }
}

/**
 * The query_range paths that read `metrics` over [fromMs, toMs] at 10 s, with the default
 * queries and `rateWindow`, in chunks Prometheus accepts.
 */
export function tenSecondPaths(metrics: readonly MetricId[], fromMs: number, toMs: number, rateWindow: string): string[] {
  const first = Math.ceil(fromMs / 1000 / BASE_STEP_S) * BASE_STEP_S
  const last = Math.floor(toMs / 1000 / BASE_STEP_S) * BASE_STEP_S
  const paths: string[] = []
  for (const metric of metrics) {
    const query = metricQuery(metric, {}, rateWindow)
    for (let start = first; start <= last; start += CHUNK_STEPS * BASE_STEP_S) {
      const end = Math.min(last, start + (CHUNK_STEPS - 1) * BASE_STEP_S)
      const params = new URLSearchParams({ query, start: String(start), end: String(end), step: `${BASE_STEP_S}s` })
      paths.push(`/api/v1/query_range?${params.toString()}`)
    }
  }
  return paths
}
