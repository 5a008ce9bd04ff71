/**
 * `npm run exporter`: the simulator's current world as a Prometheus scrape target, so a
 * real Prometheus (the tests', the war-room demo's) has a voice agent to watch. One
 * path per scrape job (series.ts TARGETS); a path answers 503 while its component is
 * down in the simulated world, so Prometheus' own `up{job}` goes to 0. GET/POST
 * /api/simulator read and steer the world with the contract's SimulatorControl, like
 * the mock backend (faults are kept and reported, but there is no Vigil API here for
 * them to break).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { simulatorControl } from '@/api/schemas'
import { freshSimState, type SimState } from '@/backend/sim-state'
import type { ScenarioName } from '@/domain/catalog'
import { EXPOSITION_CONTENT_TYPE } from './exposition'
import { TARGET_IDS, TARGETS, type TargetId } from './series'
import { ExporterWorld } from './world'

export interface ExporterOptions {
  host?: string
  /** 0 (the default) lets the OS pick a free port. */
  port?: number
  scenario?: ScenarioName | undefined
  seed?: number | undefined
  /** The world to serve; by default a fresh one (a week of healthy history, then `scenario`). */
  sim?: SimState
  now?: () => number
}

export interface Exporter {
  /** http://host:port */
  readonly url: string
  readonly host: string
  readonly port: number
  readonly world: ExporterWorld
  close(): Promise<void>
}

const BODY_LIMIT = 16 * 1024
const JSON_TYPE = 'application/json; charset=utf-8'

const TARGET_BY_PATH = new Map<string, TargetId>(TARGET_IDS.map((t) => [TARGETS[t].path, t]))

export async function startExporter(options: ExporterOptions = {}): Promise<Exporter> {
  const now = options.now ?? Date.now
  const startedAt = now()
  const sim = options.sim ?? freshSimState(startedAt, { seed: options.seed, scenario: options.scenario })
  const world = new ExporterWorld(sim, startedAt)

  const server = http.createServer((request, response) => {
    handle(world, now, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, JSON_TYPE, JSON.stringify({ message: `The exporter failed: ${String(error)}` }))
      else response.destroy()
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    world,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error)
          else resolve()
        })
        server.closeAllConnections()
      }),
  }
}

interface Reply {
  status: number
  type: string
  body: string
}

const json = (status: number, value: unknown): Reply => ({ status, type: JSON_TYPE, body: JSON.stringify(value) })

async function handle(world: ExporterWorld, now: () => number, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const { status, type, body } = await route(world, now, request)
  send(response, status, type, body)
}

async function route(world: ExporterWorld, now: () => number, request: http.IncomingMessage): Promise<Reply> {
  const path = (request.url ?? '/').split('?')[0] ?? '/'
  const target = TARGET_BY_PATH.get(path)
  if (target !== undefined) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { message: 'Scrape with GET.' })
    const scrape = world.scrape(target, now())
    return { status: scrape.status, type: scrape.status === 200 ? EXPOSITION_CONTENT_TYPE : 'text/plain; charset=utf-8', body: scrape.body }
  }
  if (path === '/api/simulator' && request.method === 'GET') return json(200, world.state(now()))
  if (path === '/api/simulator' && request.method === 'POST') {
    const text = await readBody(request)
    if (text === null) return json(413, { message: `The request body is larger than ${BODY_LIMIT} bytes.` })
    let body: unknown
    try {
      body = text === '' ? {} : JSON.parse(text)
    } catch {
      return json(400, { message: 'The request body is not valid JSON.' })
    }
    const parsed = simulatorControl.safeParse(body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return json(422, { message: issue?.message ?? 'Invalid simulator control.', field: issue?.path.join('.') ?? '' })
    }
    return json(200, world.control(parsed.data, now()))
  }
  if (path === '/' && request.method === 'GET') {
    const lines = TARGET_IDS.map((t) => `${TARGETS[t].path}  (job "${TARGETS[t].job}")`)
    const body = `Vigil's simulated voice agent, for Prometheus to scrape:\n${lines.join('\n')}\n/api/simulator  (GET the world, POST a SimulatorControl to steer it)\n`
    return { status: 200, type: 'text/plain; charset=utf-8', body }
  }
  return json(404, { message: `Nothing at ${path}.` })
}

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' })
  response.end(body)
}

/** The body as text, or null when it is larger than BODY_LIMIT. */
async function readBody(request: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > BODY_LIMIT) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
