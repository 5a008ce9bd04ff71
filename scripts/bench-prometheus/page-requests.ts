/**
 * The /api/metrics requests one load (or one refresh) of the Metrics page sends, sent
 * again from here as the browser sends them: every request at once over one keep-alive
 * agent of six sockets (Chromium's connections per host over HTTP/1.1), each window
 * moved to end now (a live view computes its window when it fetches). A set's time is
 * from the first request to the last byte of the last answer.
 */
import { performance } from 'node:perf_hooks'
import { exchange, newAgent } from '../bench-server/http'

export interface MetricsRequest {
  metrics: string[]
  /** What the page asked for, in seconds. */
  step: number
  durationMs: number
}

export interface SetRun {
  ms: number
  /** Answer bodies, summed. */
  bytes: number
  /** Each request's own time, last byte included. */
  requestMs: number[]
  /** The steps the server answered on (after fitting), one per request. */
  steps: number[]
  /** What the answers' `problems` said, "metric: message", and what failed answers said. */
  problems: string[]
  /** Answers other than 200. */
  failed: number
}

/** Reads the page's request (path and query, as recorded in the browser). */
export function parseMetricsRequest(pathAndQuery: string): MetricsRequest {
  const url = new URL(pathAndQuery, 'http://page')
  const metrics = (url.searchParams.get('metrics') ?? '').split(',').filter((m) => m !== '')
  const from = Date.parse(url.searchParams.get('from') ?? '')
  const to = Date.parse(url.searchParams.get('to') ?? '')
  const step = Number(url.searchParams.get('step'))
  if (metrics.length === 0 || !Number.isFinite(from) || !Number.isFinite(to) || !(step > 0)) throw new Error(`not a metrics request: ${pathAndQuery}`)
  return { metrics, step, durationMs: to - from }
}

/**
 * The page's requests once each: a request the page retried after a failure (TanStack
 * Query retries) is the same request, not another figure.
 */
export function distinctRequests(requests: readonly MetricsRequest[]): MetricsRequest[] {
  const seen = new Map<string, MetricsRequest>()
  for (const r of requests) {
    const key = `${r.metrics.join(',')}|${r.step}|${r.durationMs}`
    if (!seen.has(key)) seen.set(key, r)
  }
  return [...seen.values()]
}

function pathFor(request: MetricsRequest, nowMs: number): string {
  const query = new URLSearchParams({
    metrics: request.metrics.join(','),
    from: new Date(nowMs - request.durationMs).toISOString(),
    to: new Date(nowMs).toISOString(),
    step: String(request.step),
  })
  return `/api/metrics?${query.toString()}`
}

interface MetricsAnswer {
  step?: number
  problems?: { metric: string; message: string }[]
}

export async function sendSet(baseUrl: string, requests: readonly MetricsRequest[]): Promise<SetRun> {
  const agent = newAgent()
  try {
    const nowMs = Date.now()
    const started = performance.now()
    const answers = await Promise.all(requests.map((r) => exchange(baseUrl, agent, { method: 'GET', path: pathFor(r, nowMs), timeoutMs: 60_000 })))
    const ms = performance.now() - started
    const problems: string[] = []
    const steps: number[] = []
    let failed = 0
    for (const answer of answers) {
      if (answer.status !== 200) {
        // A whole answer refused (Prometheus unreachable or every query timed out) is counted, not fatal.
        failed += 1
        problems.push(`HTTP ${answer.status}: ${answer.body.slice(0, 200)}`)
        continue
      }
      const body = JSON.parse(answer.body) as MetricsAnswer
      steps.push(body.step ?? Number.NaN)
      for (const p of body.problems ?? []) problems.push(p.message)
    }
    return { ms, bytes: answers.reduce((sum, a) => sum + a.bodyBytes, 0), requestMs: answers.map((a) => a.ms), steps, problems, failed }
  } finally {
    agent.destroy()
  }
}
