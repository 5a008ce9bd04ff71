/**
 * Scenario 2, the incident list with many incidents: the full GET /api/incidents against the
 * conditional GET a polling client sends once it holds the current list (If-None-Match with
 * the list's ETag, answered by a bodyless 304). autocannon keeps `connections` requests in
 * flight for the whole duration (a closed loop: the figure is what the server sustains).
 */
import autocannon from 'autocannon'
import { exchange, newAgent } from './http'
import { delay } from './server-process'
import { percentile } from './stats'

export interface ListRun {
  conditional: boolean
  connections: number
  requestsPerS: number
  total: number
  p50: number
  p97_5: number
  p99: number
  max: number
  /** Bytes read per answer, headers included (autocannon's total ÷ answers). */
  bytesPerResponse: number
  statusCodes: Record<string, number>
  errors: number
  timeouts: number
}

export interface ListProbe {
  incidents: number
  bodyBytes: number
  etag: string
  singleMs: number
}

/** One plain GET: the list's size, its ETag and one answer's time on an idle server. */
export async function probeList(baseUrl: string): Promise<ListProbe> {
  const agent = newAgent()
  try {
    const answer = await exchange(baseUrl, agent, { method: 'GET', path: '/api/incidents', timeoutMs: 60_000 })
    if (answer.status !== 200 || answer.etag === null) throw new Error(`GET /api/incidents answered ${answer.status} (ETag ${answer.etag ?? 'none'})`)
    const parsed = JSON.parse(answer.body) as { incidents?: unknown[] }
    return { incidents: parsed.incidents?.length ?? 0, bodyBytes: answer.bodyBytes, etag: answer.etag, singleMs: answer.ms }
  } finally {
    agent.destroy()
  }
}

/**
 * Waits until the server answers /readyz quickly twice in a row (at most `limitMs`): when
 * autocannon stops, the server is still working through the requests it had accepted
 * (ten queued full lists are seconds of work), and the next run must not pay for them.
 */
export async function settle(baseUrl: string, limitMs = 120_000): Promise<number> {
  const agent = newAgent()
  const began = Date.now()
  try {
    let quick = 0
    while (quick < 2 && Date.now() - began < limitMs) {
      const answer = await exchange(baseUrl, agent, { method: 'GET', path: '/readyz', timeoutMs: limitMs })
      quick = answer.status === 200 && answer.ms < 50 ? quick + 1 : 0
      await delay(200)
    }
    return Date.now() - began
  } finally {
    agent.destroy()
  }
}

export async function loadList(baseUrl: string, options: { etag: string | null; connections: number; durationS: number }): Promise<ListRun> {
  const instance = autocannon({
    url: `${baseUrl}/api/incidents`,
    connections: options.connections,
    duration: options.durationS,
    timeout: 60,
    headers: { accept: 'application/json', ...(options.etag === null ? {} : { 'if-none-match': options.etag }) },
  })
  // autocannon's own histogram keeps whole milliseconds; a 304 takes less than one.
  const times: number[] = []
  instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
    times.push(responseTimeMs)
  })
  const result = await instance
  const statusCodes: Record<string, number> = {}
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = stat.count
  return {
    conditional: options.etag !== null,
    connections: options.connections,
    requestsPerS: times.length / result.duration,
    total: times.length,
    p50: percentile(times, 50),
    p97_5: percentile(times, 97.5),
    p99: percentile(times, 99),
    max: times.length === 0 ? Number.NaN : times.reduce((a, b) => Math.max(a, b), 0),
    bytesPerResponse: times.length === 0 ? Number.NaN : result.throughput.total / times.length,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}
