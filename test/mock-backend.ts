/**
 * Named network states for tests, over the msw/node mock backend that test/setup.ts
 * starts (and resets after every test). Tests say what the world is like —
 * `givenScenario('openai-outage')`, `givenApiFails('/api/incidents', 503)` — instead of
 * writing ad-hoc handlers.
 */
import { delay, http } from 'msw'
import { slackPostRequest } from '@/api/endpoints'
import { logsResponse, metricsResponse, timelineEvent, type Faults, type Incident, type MetricProblem } from '@/api/schemas'
import { parseLogsQuery, parseMetricsQuery } from '@/backend/telemetry/params'
import { simulatedMetrics } from '@/backend/telemetry/simulated'
import { sessionResponse, type SessionResponse } from '@/api/session'
import type { ScenarioName } from '@/domain/catalog'
import { etag, getIncident, insertIncident, recordMessage } from '@/mocks/db'
import { faultResponse } from '@/mocks/handlers/faults'
import { idempotent } from '@/mocks/handlers/idempotent'
import { problem, readBody, reply } from '@/mocks/handlers/respond'
import { server, world } from '@/mocks/node'
import { setFaults, simConfig, switchScenario } from '@/mocks/world'

/** Switches the simulator to `name` the way POST /api/simulator does (history included). */
export function givenScenario(name: ScenarioName): void {
  world.update((s) => switchScenario(s.sim, name, world.now()))
}

export function givenSeed(seed: number): void {
  world.update((s) => {
    s.sim.seed = seed
  })
}

/**
 * Every call to `path` (an MSW path: '/api/incidents', '/api/incidents/:id',
 * '/api/metrics*') fails: an HTTP status with a `{ message }` body (Retry-After: 1 on
 * 429 and 503 unless `retryAfterS` says otherwise), 'timeout' (no answer until the
 * client gives up — pass a short `timeoutMs` to the client) or 'malformed' (200 with a
 * body that is not JSON). Limit it to one method with `method`.
 */
export function givenApiFails(
  path: string,
  status: Faults['status'],
  options: { retryAfterS?: number; method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' } = {},
): void {
  const resolver = ({ request }: { request: Request }) =>
    options.method !== undefined && request.method !== options.method
      ? undefined
      : faultResponse(world, status, { retryAfterS: options.retryAfterS, signal: request.signal })
  server.use(http.all(path, resolver))
}

/** A write as the backend received it: the headers that make it safe to send again. */
export interface ReceivedWrite {
  key: string | null
  ifMatch: string | null
}

/**
 * Records every `method` request to `path` (an MSW path) as it arrives, and answers the
 * first `failFirst` of them 503 (Retry-After: 1); the others reach the backend.
 */
export function givenWritesRecorded(method: 'post' | 'patch', path: string, failFirst = 0): ReceivedWrite[] {
  const received: ReceivedWrite[] = []
  server.use(
    http[method](path, ({ request }) => {
      received.push({ key: request.headers.get('Idempotency-Key'), ifMatch: request.headers.get('If-Match') })
      return received.length > failFirst ? undefined : faultResponse(world, 503, { retryAfterS: 1, signal: request.signal })
    }),
  )
  return received
}

/** Injects faults as POST /api/simulator `{ faults }` does: `rate` of the API calls fail with `status`. */
export function givenFaults(rate: number, status: Faults['status']): void {
  world.update((s) => {
    setFaults(s.sim, { rate, status })
  })
}

/**
 * GET /api/metrics answers as a server reading Prometheus does when some metrics fail:
 * the simulator's answer, each given metric's series all gaps (as for a refused query)
 * and its problem listed, when the request asked for that metric.
 */
export function givenMetricProblem(...problems: MetricProblem[]): void {
  server.use(
    http.get('/api/metrics', ({ request }) => {
      const query = parseMetricsQuery(new URL(request.url).searchParams)
      if (!query.ok) return problem(world, query.status, query.message)
      const answer = simulatedMetrics(simConfig(world.read().sim), query.value, world.now())
      if (!answer.ok) return problem(world, answer.status, answer.message)
      const own = problems.filter((p) => query.value.metrics.includes(p.metric))
      if (own.length === 0) return reply(world, metricsResponse, answer.value)
      const failed = new Set(own.map((p) => p.metric))
      const series = answer.value.series.map((s) => (failed.has(s.metric) ? { ...s, values: s.values.map(() => null) } : s))
      return reply(world, metricsResponse, { ...answer.value, series, problems: own })
    }),
  )
}

/**
 * GET /api/logs answers as a server on Prometheus without VIGIL_LOG_FILE does: no lines
 * (never simulated ones), and a source of kind 'none' saying what to set.
 */
export function givenNoLogSource(): void {
  server.use(
    http.get('/api/logs', ({ request }) => {
      const query = parseLogsQuery(new URL(request.url).searchParams)
      if (!query.ok) return problem(world, query.status, query.message)
      return reply(world, logsResponse, { lines: [], source: { kind: 'none', detail: 'No log source configured: set VIGIL_LOG_FILE' } })
    }),
  )
}

/** Puts an incident in the store (defaults for what is not given) and returns it as the API would. */
export function seedIncident(partial: Partial<Incident> = {}): Incident {
  return world.update((s) => insertIncident(s.db, partial, world.now()))
}

/** Pins the backend's clock (responses' Date header, timestamps it writes, the simulator's "now"). */
export function setMockNow(ms: number): void {
  world.setClock(() => ms)
}

/**
 * The backend's clock reads Date.now at each call, so it follows vi's fake Date: a backend
 * left on the real clock falls behind a page whose fake clock a test advances, and the app
 * rightly reads that as a skewed server.
 */
export function followPageClock(): void {
  world.setClock(() => Date.now())
}

/** Moves a pinned clock on by `ms` (from the real clock if it was not pinned). */
export function advanceMockNow(ms: number): void {
  const next = world.now() + ms
  world.setClock(() => next)
}

/**
 * `path` answers GET with 200 and `body` as JSON, whatever it is: a body that breaks the
 * contract checks that the schema at the boundary turns it into a panel's error.
 */
export function givenApiAnswers(path: string, body: unknown): void {
  server.use(
    http.get(path, () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })),
  )
}

/** The API works again: every givenApiFails / givenApiAnswers of this test ends (the world's state stays). */
export function givenApiRecovers(): void {
  server.resetHandlers()
}

/** What reached the stand-in Slack (see givenSession), and a switch to make it refuse. */
export interface SlackStandIn {
  /** Every post that reached "Slack", refused or not, with the Idempotency-Key it came with; replays excluded. */
  readonly attempts: { key: string | null; text: string }[]
  /** The texts Slack took, in order. */
  readonly posted: string[]
  /** From now on Slack fails: POST …/messages/slack answers 502 with this message and records nothing. */
  refuses(message: string): void
  /** From now on Slack takes posts again. */
  accepts(): void
  /** From now on Slack takes `ms` to answer (to see the app's progress state). */
  answersAfter(ms: number): void
}

/**
 * GET /api/session answers as a server configured this way would (the mock's own answer
 * is nobody signed in, no Slack). `identity` set: an auth proxy is in front (auth 'proxy').
 * `slack: true`: POST …/messages/slack behaves as on a server with a webhook — the text
 * goes to a stand-in Slack (the returned SlackStandIn), then on the timeline as a message
 * signed by the identity (or the body's actor), honouring Idempotency-Key; a refusal
 * records nothing. With `slack` false the mock's 503 stays.
 */
export function givenSession(session: Partial<SessionResponse> = {}): SlackStandIn {
  const identity = session.identity ?? null
  const answer: SessionResponse = { identity, auth: identity === null ? 'none' : 'proxy', slack: false, simulator: true, ...session }
  const attempts: SlackStandIn['attempts'] = []
  const posted: string[] = []
  let refusal: string | null = null
  let latencyMs = 0

  server.use(http.get('/api/session', () => reply(world, sessionResponse, answer)))
  if (answer.slack) {
    server.use(
      http.post(
        '/api/incidents/:id/messages/slack',
        idempotent(world, async ({ request, params }) => {
          const body = await readBody(world, request, slackPostRequest)
          if (!body.ok) return body.response
          const id = String(params.id)
          if (getIncident(world.read().db, id) === undefined) return problem(world, 404, `No incident ${id}.`)
          const { template, text, actor } = body.data
          attempts.push({ key: request.headers.get('Idempotency-Key'), text })
          if (latencyMs > 0) await delay(latencyMs)
          if (refusal !== null) return problem(world, 502, refusal)
          posted.push(text)
          const signer = identity ?? actor
          const result = world.update((s) => recordMessage(s.db, id, { template, text, ...(signer === undefined ? {} : { actor: signer }) }, world.now()))
          if (!result.ok) return problem(world, result.status, result.message)
          return reply(world, timelineEvent, result.value.event, { status: 201, headers: { ETag: etag(result.value.incident) } })
        }),
      ),
    )
  }
  return {
    attempts,
    posted,
    refuses: (message) => {
      refusal = message
    },
    accepts: () => {
      refusal = null
    },
    answersAfter: (ms) => {
      latencyMs = ms
    },
  }
}

/** A request the app sent, as the backend saw it (the JSON body parsed, when there is one). */
export interface SentRequest {
  method: string
  path: string
  body: unknown
  /** When it was sent, on the test's clock (a fake one, if the test installed it). */
  at: number
}

/**
 * Listens to every request the app sends to the mock backend from now until the test
 * ends (test/setup.ts resets the server), without changing any answer.
 */
export function recordRequests(): SentRequest[] {
  const sent: SentRequest[] = []
  const listener = ({ request }: { request: Request }) => {
    const copy = request.clone()
    const entry: SentRequest = { method: request.method, path: new URL(request.url).pathname, body: undefined, at: Date.now() }
    sent.push(entry)
    void copy.text().then((text) => {
      try {
        entry.body = text === '' ? undefined : JSON.parse(text)
      } catch {
        entry.body = text
      }
    })
  }
  server.events.on('request:start', listener)
  onTestFinished(() => {
    server.events.removeListener('request:start', listener)
  })
  return sent
}
