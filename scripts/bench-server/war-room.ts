/**
 * Scenario 1, the war room: responders on their incident's page and walls on the war-room
 * screen, each on its own keep-alive connections, at the app's own polling pace.
 *
 * - a responder polls GET /api/incidents (If-None-Match: the list's last ETag, as the app's
 *   list query sends it) and GET /api/incidents/:id of its own incident every 10 s, and
 *   writes a note on it every 30 s (POST …/notes with Content-Type, Origin, Idempotency-Key);
 * - a wall polls GET /api/health, /api/alerts and /api/incidents (with If-None-Match) every 5 s.
 *
 * Every request is scheduled up front at its time (a random phase per client from a fixed
 * seed, then the period), so a slow answer never delays the next request: the load is
 * what the clients would send whatever the server does (no coordinated omission).
 */
import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import { performance } from 'node:perf_hooks'
import { exchange, newAgent, writeHeaders, type RequestSpec } from './http'

export type Kind = 'list' | 'incident' | 'note' | 'health' | 'alerts'

export interface Sample {
  kind: Kind
  status: number
  ms: number
}

export interface WarRoomResult {
  samples: Sample[]
  /** Requests that got no answer (connection error or 10 s timeout), with the first few reasons. */
  errors: number
  errorReasons: string[]
  durationS: number
  /** Latest a scheduled request left our process after its time (our own event loop's lag). */
  maxSchedulerLagMs: number
}

export interface WarRoomOptions {
  baseUrl: string
  origin: string
  incidentIds: readonly string[]
  responders: number
  walls: number
  durationS: number
  seed: number
}

const RESPONDER_POLL_MS = 10_000
const RESPONDER_NOTE_MS = 30_000
const WALL_POLL_MS = 5_000

interface Client {
  agent: http.Agent
  listEtag: string | null
}

interface Planned {
  atMs: number
  run: () => Promise<void>
}

export async function runWarRoom(options: WarRoomOptions): Promise<WarRoomResult> {
  const random = mulberry32(options.seed)
  const durationMs = options.durationS * 1_000
  const samples: Sample[] = []
  const errorReasons: string[] = []
  let errors = 0
  let maxSchedulerLagMs = 0
  let start = 0

  const send = async (client: Client, kind: Kind, spec: RequestSpec) => {
    try {
      const answer = await exchange(options.baseUrl, client.agent, spec)
      samples.push({ kind, status: answer.status, ms: answer.ms })
      return answer
    } catch (error) {
      errors += 1
      if (errorReasons.length < 5) errorReasons.push(error instanceof Error ? error.message : String(error))
      return null
    }
  }
  const pollList = async (client: Client) => {
    const answer = await send(client, 'list', { method: 'GET', path: '/api/incidents', headers: client.listEtag === null ? {} : { 'If-None-Match': client.listEtag } })
    if (answer?.etag != null) client.listEtag = answer.etag
  }

  const plan: Planned[] = []
  const every = (periodMs: number, run: () => Promise<void>) => {
    for (let at = random() * periodMs; at < durationMs; at += periodMs) plan.push({ atMs: at, run })
  }
  const clients: Client[] = []
  for (let r = 0; r < options.responders; r += 1) {
    const client: Client = { agent: newAgent(), listEtag: null }
    clients.push(client)
    const id = options.incidentIds[r % options.incidentIds.length]
    if (id === undefined) throw new Error('the war room needs seeded incidents')
    const actor = `responder-${r + 1}`
    let notes = 0
    every(RESPONDER_POLL_MS, async () => {
      await Promise.all([pollList(client), send(client, 'incident', { method: 'GET', path: `/api/incidents/${id}` })])
    })
    every(RESPONDER_NOTE_MS, async () => {
      notes += 1
      const body = { text: `Update ${notes} from ${actor}: still investigating; error rate flat, latency p95 ~1.2 s.`, actor }
      await send(client, 'note', { method: 'POST', path: `/api/incidents/${id}/notes`, headers: writeHeaders(options.origin, randomUUID()), body })
    })
  }
  for (let w = 0; w < options.walls; w += 1) {
    const client: Client = { agent: newAgent(), listEtag: null }
    clients.push(client)
    every(WALL_POLL_MS, async () => {
      await Promise.all([send(client, 'health', { method: 'GET', path: '/api/health' }), send(client, 'alerts', { method: 'GET', path: '/api/alerts' }), pollList(client)])
    })
  }

  const inFlight: Promise<void>[] = []
  start = performance.now()
  const timers = plan.map((planned) =>
    setTimeout(() => {
      maxSchedulerLagMs = Math.max(maxSchedulerLagMs, performance.now() - start - planned.atMs)
      inFlight.push(planned.run())
    }, planned.atMs),
  )
  await new Promise((resolve) => setTimeout(resolve, durationMs))
  for (const timer of timers) clearTimeout(timer)
  // Every request times out after 10 s, so this ends.
  await Promise.all(inFlight)
  for (const client of clients) client.agent.destroy()
  return { samples, errors, errorReasons, durationS: options.durationS, maxSchedulerLagMs }
}

/** A small seeded PRNG: the same phases on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
