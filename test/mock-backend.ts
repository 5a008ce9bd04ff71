/**
 * Named network states for tests, over the msw/node mock backend that test/setup.ts
 * starts (and resets after every test). Tests say what the world is like —
 * `givenScenario('openai-outage')`, `givenApiFails('/api/incidents', 503)` — instead of
 * writing ad-hoc handlers.
 */
import { delay, http } from 'msw'
import { slackPostRequest } from '@/api/endpoints'
import { timelineEvent, type Faults, type Incident } from '@/api/schemas'
import { sessionResponse, type SessionResponse } from '@/api/session'
import type { ScenarioName } from '@/domain/catalog'
import { etag, getIncident, insertIncident, recordMessage } from '@/mocks/db'
import { faultResponse } from '@/mocks/handlers/faults'
import { idempotent } from '@/mocks/handlers/idempotent'
import { problem, readBody, reply } from '@/mocks/handlers/respond'
import { server, world } from '@/mocks/node'
import { setFaults, switchScenario } from '@/mocks/world'

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

/** Injects faults as POST /api/simulator `{ faults }` does: `rate` of the API calls fail with `status`. */
export function givenFaults(rate: number, status: Faults['status']): void {
  world.update((s) => {
    setFaults(s.sim, { rate, status })
  })
}

/** Puts an incident in the store (defaults for what is not given) and returns it as the API would. */
export function seedIncident(partial: Partial<Incident> = {}): Incident {
  return world.update((s) => insertIncident(s.db, partial, world.now()))
}

/** Pins the backend's clock (responses' Date header, timestamps it writes, the simulator's "now"). */
export function setMockNow(ms: number): void {
  world.setClock(() => ms)
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
}

/**
 * Listens to every request the app sends to the mock backend from now until the test
 * ends (test/setup.ts resets the server), without changing any answer.
 */
export function recordRequests(): SentRequest[] {
  const sent: SentRequest[] = []
  const listener = ({ request }: { request: Request }) => {
    const copy = request.clone()
    const entry: SentRequest = { method: request.method, path: new URL(request.url).pathname, body: undefined }
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
