/**
 * Scenario 3, many open event streams: `streams` clients hold GET /api/events open; one
 * note at a time is written on an incident, and we time from sending the note until every
 * stream has read the `change` message naming the incident's new version. Changes are
 * spread evenly over the duration, one after the other (the next starts only when the
 * last stream got the previous one, or after a 10 s limit that counts as missed).
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { exchange, newAgent, writeHeaders } from './http'
import { delay } from './server-process'

export interface ChangeTiming {
  /** Sending the note → the last of the streams read its message. */
  allMs: number
  /** … → half of the streams had it. */
  medianStreamMs: number
  /** Sending the note → its answer. */
  writeMs: number
  received: number
}

export interface StreamsResult {
  streams: number
  changes: ChangeTiming[]
  /** Streams that ended or failed while the run lasted. */
  lostStreams: number
  /** Changes not seen by every stream within 10 s. */
  missed: number
}

const DELIVERY_LIMIT_MS = 10_000

export async function runEventStreams(options: { baseUrl: string; origin: string; incidentId: string; streams: number; changes: number; durationS: number }): Promise<StreamsResult> {
  // version → the times at which streams read the change that carries it.
  const arrivals = new Map<number, number[]>()
  let ready = 0
  let lostStreams = 0
  let ending = false
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity })
  const requests: http.ClientRequest[] = []

  const onMessage = (event: string, data: string) => {
    if (event === 'hello') ready += 1
    if (event !== 'change') return
    const message = JSON.parse(data) as { type?: string; id?: string; version?: number }
    if (message.type !== 'incident' || message.id !== options.incidentId || typeof message.version !== 'number') return
    const list = arrivals.get(message.version) ?? []
    list.push(performance.now())
    arrivals.set(message.version, list)
  }

  for (let i = 0; i < options.streams; i += 1) {
    const request = http.get(new URL('/api/events', options.baseUrl), { agent, headers: { Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        lostStreams += 1
        response.resume()
        return
      }
      response.setEncoding('utf8')
      let buffer = ''
      response.on('data', (chunk: string) => {
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          let event = 'message'
          const data: string[] = []
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim()
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
          }
          if (data.length > 0) onMessage(event, data.join('\n'))
        }
      })
      response.once('close', () => {
        if (!ending) lostStreams += 1
      })
    })
    request.once('error', () => {
      if (!ending) lostStreams += 1
    })
    requests.push(request)
  }

  try {
    const openBy = Date.now() + 30_000
    while (ready < options.streams && Date.now() < openBy) await delay(50)
    if (ready < options.streams) throw new Error(`only ${ready} of ${options.streams} event streams opened within 30 s`)

    const writer = newAgent()
    const changes: ChangeTiming[] = []
    let missed = 0
    const slotMs = (options.durationS * 1_000) / options.changes
    const start = performance.now()
    for (let n = 0; n < options.changes; n += 1) {
      const waitMs = start + n * slotMs - performance.now()
      if (waitMs > 0) await delay(waitMs)
      const sent = performance.now()
      const answer = await exchange(options.baseUrl, writer, {
        method: 'POST',
        path: `/api/incidents/${options.incidentId}/notes`,
        headers: writeHeaders(options.origin, randomUUID()),
        body: { text: `Change ${n + 1}: fan-out check.`, actor: 'bench' },
      })
      if (answer.status < 200 || answer.status > 299) throw new Error(`the note answered ${answer.status}: ${answer.body.slice(0, 300)}`)
      // A note answers with its timeline entry; the incident's new version is in the ETag ("7").
      const version = Number(/^"(\d+)"$/.exec(answer.etag ?? '')?.[1])
      if (!Number.isInteger(version)) throw new Error(`the note answered no version (ETag ${answer.etag ?? 'none'})`)
      const by = performance.now() + DELIVERY_LIMIT_MS
      while ((arrivals.get(version)?.length ?? 0) < options.streams && performance.now() < by) await delay(1)
      const times = (arrivals.get(version) ?? []).map((t) => t - sent).sort((a, b) => a - b)
      if (times.length < options.streams) missed += 1
      changes.push({
        allMs: times.at(-1) ?? Number.NaN,
        medianStreamMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
        writeMs: answer.ms,
        received: times.length,
      })
    }
    writer.destroy()
    return { streams: options.streams, changes, lostStreams, missed }
  } finally {
    ending = true
    for (const request of requests) request.destroy()
    agent.destroy()
  }
}
