/**
 * POST /api/incidents/:id/messages/slack against a real server and a real HTTP receiver
 * standing in for Slack's incoming webhook: what reaches Slack is the exact text, once per
 * Idempotency-Key, and the timeline says "posted" only when Slack took it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import { incident as incidentSchema, timelineEvent, timelineResponse, type Incident, type TimelineEvent } from '@/api/schemas'
import { ROSTER } from '@/backend/roster'
import { openDatabase } from '../db/database'
import { incidentRepository } from '../db/incident-repository'
import { installProblemHandlers } from '../http/problems'
import { createIncidentService } from '../services/incidents'
import { startTestServer, type TestServer } from '../testing'
import { slackRoutes } from './slack'

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 })

// ---------------------------------------------------------------- a stand-in for Slack

interface Received {
  method: string
  contentType: string | undefined
  /** The body exactly as it arrived, decoded as UTF-8. */
  body: string
}

type Behaviour = { kind: 'answer'; status: number; body: string; delayMs?: number } | { kind: 'silent' }

interface Receiver {
  url: string
  received: Received[]
  behave(b: Behaviour): void
  close(): Promise<void>
}

async function startReceiver(): Promise<Receiver> {
  const received: Received[] = []
  let behaviour: Behaviour = { kind: 'answer', status: 200, body: 'ok' }
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ method: request.method ?? '', contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') })
      const now = behaviour
      if (now.kind === 'silent') return // never answers
      setTimeout(() => {
        response.writeHead(now.status, { 'Content-Type': 'text/plain' }).end(now.body)
      }, now.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret-token`,
    received,
    behave: (b) => {
      behaviour = b
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}

/** A port nothing listens on: bound once, then closed. */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve()
    })
  })
  return port
}

// ---------------------------------------------------------------- talking to the server

interface Answer {
  status: number
  json: unknown
  etag: string | null
}

async function send(server: TestServer, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', Origin: server.baseUrl, ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text), etag: response.headers.get('ETag') }
}

async function declare(server: TestServer): Promise<Incident> {
  const answer = await send(
    server,
    'POST',
    '/api/incidents',
    { title: 'Voice agent not responding', severity: 'P1', impact: 'All callers', services: ['llm'] },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(answer.status).toBe(201)
  return incidentSchema.parse(answer.json)
}

async function timeline(server: TestServer, id: string): Promise<TimelineEvent[]> {
  const answer = await send(server, 'GET', `/api/incidents/${id}/timeline`)
  expect(answer.status).toBe(200)
  return timelineResponse.parse(answer.json).events
}

const messages = async (server: TestServer, id: string) => (await timeline(server, id)).filter((e) => e.kind === 'message')

const postSlack = (server: TestServer, id: string, body: unknown, key?: string) =>
  send(server, 'POST', `/api/incidents/${id}/messages/slack`, body, key === undefined ? {} : { 'Idempotency-Key': key })

const messageOf = (answer: Answer): string => {
  const json = answer.json
  return typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string' ? json.message : ''
}

// ---------------------------------------------------------------- with a webhook

describe('with SLACK_WEBHOOK_URL set', () => {
  let receiver: Receiver
  let server: TestServer

  beforeAll(async () => {
    receiver = await startReceiver()
    server = await startTestServer({ database: { kind: 'pglite-memory' }, env: { SLACK_WEBHOOK_URL: receiver.url } })
  })
  afterAll(async () => {
    await server.close()
    await receiver.close()
  })
  beforeEach(() => {
    receiver.received.length = 0
    receiver.behave({ kind: 'answer', status: 200, body: 'ok' })
  })

  test('GET /api/session says Slack is available', async () => {
    expect((await send(server, 'GET', '/api/session')).json).toMatchObject({ slack: true })
  })

  test('the exact text reaches Slack byte for byte, and the same text goes on the timeline', async () => {
    const incident = await declare(server)
    const text = '🔴 INCIDENT: P1 – voice agent down\nImpact: “all callers”\n\n<script>alert(1)</script> & <@U123> `rm -rf` \\ é\r\nend  '

    const answer = await postSlack(server, incident.id, { template: 'internal-alert', text, actor: 'tom' }, crypto.randomUUID())

    expect(answer.status).toBe(201)
    const event = timelineEvent.parse(answer.json)
    expect(event).toMatchObject({ kind: 'message', text, actor: 'tom', incidentId: incident.id })
    expect(answer.etag).toBe(`"${incident.version + 1}"`)
    expect(receiver.received).toHaveLength(1)
    const [got] = receiver.received
    expect(got?.method).toBe('POST')
    expect(got?.contentType).toMatch(/^application\/json/)
    expect(got?.body).toBe(JSON.stringify({ text }))
    expect((JSON.parse(got?.body ?? '') as { text: string }).text).toBe(text)
    expect((await messages(server, incident.id)).map((e) => e.text)).toEqual([text])
  })

  test('a status update posted to Slack restarts the status-update clock, as "Mark as posted" does', async () => {
    const incident = await declare(server)
    expect(incident.lastStatusUpdateAt).toBeNull()

    expect((await postSlack(server, incident.id, { template: 'status-update', text: 'Still investigating' })).status).toBe(201)

    const after = incidentSchema.parse((await send(server, 'GET', `/api/incidents/${incident.id}`)).json)
    expect(after.lastStatusUpdateAt).not.toBeNull()
  })

  test('a retry with the same Idempotency-Key gets the first answer and posts nothing more', async () => {
    const incident = await declare(server)
    const key = crypto.randomUUID()
    const body = { template: 'internal-alert', text: 'INCIDENT: voice agent down' }

    const first = await postSlack(server, incident.id, body, key)
    const retry = await postSlack(server, incident.id, body, key)

    expect(first.status).toBe(201)
    expect(retry).toEqual(first)
    expect(receiver.received).toHaveLength(1)
    expect(await messages(server, incident.id)).toHaveLength(1)
  })

  test('a retry sent while the first still waits for Slack waits for it, and posts nothing more', async () => {
    const incident = await declare(server)
    receiver.behave({ kind: 'answer', status: 200, body: 'ok', delayMs: 300 })
    const key = crypto.randomUUID()
    const body = { template: 'internal-alert', text: 'INCIDENT: twice at once' }

    const [a, b] = await Promise.all([postSlack(server, incident.id, body, key), postSlack(server, incident.id, body, key)])

    expect([a.status, b.status]).toEqual([201, 201])
    expect(b.json).toEqual(a.json)
    expect(receiver.received).toHaveLength(1)
    expect(await messages(server, incident.id)).toHaveLength(1)
  })

  test('the same key with another text is refused before anything is sent', async () => {
    const incident = await declare(server)
    const key = crypto.randomUUID()
    expect((await postSlack(server, incident.id, { template: 'internal-alert', text: 'first' }, key)).status).toBe(201)

    const reused = await postSlack(server, incident.id, { template: 'internal-alert', text: 'second' }, key)

    expect(reused.status).toBe(422)
    expect(receiver.received.map((r) => r.body)).toEqual([JSON.stringify({ text: 'first' })])
  })

  test('Slack answering 500 is a 502 with its status and body, and nothing is recorded; the same key may be sent again', async () => {
    const incident = await declare(server)
    receiver.behave({ kind: 'answer', status: 500, body: `internal_error ${'x'.repeat(400)}` })
    const key = crypto.randomUUID()
    const body = { template: 'internal-alert', text: 'INCIDENT: voice agent down' }

    const failed = await postSlack(server, incident.id, body, key)

    expect(failed.status).toBe(502)
    const message = messageOf(failed)
    expect(message).toContain('HTTP 500')
    expect(message).toContain(`internal_error ${'x'.repeat(200 - 'internal_error '.length)}…`)
    expect(message).not.toContain('x'.repeat(200))
    expect(message).not.toContain('secret-token')
    expect(await messages(server, incident.id)).toEqual([])

    receiver.behave({ kind: 'answer', status: 200, body: 'ok' })
    const retried = await postSlack(server, incident.id, body, key)
    expect(retried.status).toBe(201)
    expect(receiver.received).toHaveLength(2)
    expect(await messages(server, incident.id)).toHaveLength(1)
  })

  test('Slack refusing with 4xx (a bad payload, an archived channel) is a 502 naming what Slack said', async () => {
    const incident = await declare(server)
    receiver.behave({ kind: 'answer', status: 410, body: 'channel_is_archived' })

    const failed = await postSlack(server, incident.id, { template: 'resolution', text: 'Resolved' })

    expect(failed.status).toBe(502)
    expect(messageOf(failed)).toBe('Slack refused the message: HTTP 410: channel_is_archived')
    expect(await messages(server, incident.id)).toEqual([])
  })

  test('an unknown incident is a 404 and nothing is sent', async () => {
    const answer = await postSlack(server, 'INC-99999999', { template: 'internal-alert', text: 'hello' }, crypto.randomUUID())
    expect(answer.status).toBe(404)
    expect(receiver.received).toEqual([])
  })

  test('a body that breaks the contract is a 422 and nothing is sent', async () => {
    const incident = await declare(server)
    expect((await postSlack(server, incident.id, { template: 'internal-alert', text: '' })).status).toBe(422)
    expect((await postSlack(server, incident.id, { template: 'tweet', text: 'hi' })).status).toBe(422)
    expect((await postSlack(server, incident.id, { template: 'internal-alert', text: 'hi', channel: '#general' })).status).toBe(422)
    expect(receiver.received).toEqual([])
  })
})

describe('when Slack cannot be reached', () => {
  test('a refused connection is a 502 naming the cause, without the webhook URL', async () => {
    const url = `http://127.0.0.1:${await deadPort()}/services/secret-token`
    const server = await startTestServer({ database: { kind: 'pglite-memory' }, env: { SLACK_WEBHOOK_URL: url } })
    try {
      const incident = await declare(server)
      const answer = await postSlack(server, incident.id, { template: 'internal-alert', text: 'hello' })
      expect(answer.status).toBe(502)
      expect(messageOf(answer)).toMatch(/^Could not reach Slack \(.*ECONNREFUSED.*\)/)
      expect(messageOf(answer)).not.toContain('secret-token')
      expect(await messages(server, incident.id)).toEqual([])
    } finally {
      await server.close()
    }
  })

  test('Slack that never answers is a 502 once the timeout passes, and nothing is recorded', async () => {
    const receiver = await startReceiver()
    receiver.behave({ kind: 'silent' })
    const db = await openDatabase({ kind: 'pglite-memory' })
    const incidents = createIncidentService({ repository: incidentRepository(db), roster: ROSTER, now: Date.now })
    const app = Fastify({ logger: false })
    installProblemHandlers(app, 1_048_576)
    slackRoutes(app, incidents, { url: receiver.url, timeoutMs: 300 })
    try {
      const declared = await incidents.declare(
        { title: 'Voice agent not responding', severity: 'P1', impact: 'All callers', services: ['llm'] },
        { actor: 'tom', idempotencyKey: crypto.randomUUID() },
      )
      const { id } = incidentSchema.parse(declared.body)
      const started = performance.now()

      const answer = await app.inject({
        method: 'POST',
        url: `/api/incidents/${id}/messages/slack`,
        payload: { template: 'internal-alert', text: 'hello' },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      })

      const elapsed = performance.now() - started
      expect(answer.statusCode).toBe(502)
      expect((answer.json<{ message: string }>()).message).toBe('Slack did not answer within 300 ms; nothing was recorded. Try again.')
      expect(elapsed).toBeGreaterThanOrEqual(290)
      expect(elapsed).toBeLessThan(5_000)
      expect(receiver.received).toHaveLength(1)
      expect((await incidents.timeline(id))?.events.filter((e) => e.kind === 'message')).toEqual([])
    } finally {
      await app.close()
      await db.close()
      await receiver.close()
    }
  })
})

describe('without SLACK_WEBHOOK_URL', () => {
  test('posting is a 503 that says how to turn it on, and nothing is recorded', async () => {
    const server = await startTestServer({ database: { kind: 'pglite-memory' } })
    try {
      expect((await send(server, 'GET', '/api/session')).json).toMatchObject({ slack: false })
      const incident = await declare(server)

      const answer = await postSlack(server, incident.id, { template: 'internal-alert', text: 'hello' }, crypto.randomUUID())

      expect(answer.status).toBe(503)
      expect(messageOf(answer)).toMatch(/^Slack is not configured: set SLACK_WEBHOOK_URL/)
      expect(await messages(server, incident.id)).toEqual([])
    } finally {
      await server.close()
    }
  })
})
