/**
 * Named network states for tests, over the msw/node mock backend that test/setup.ts
 * starts (and resets after every test). Tests say what the world is like —
 * `givenScenario('openai-outage')`, `givenApiFails('/api/incidents', 503)` — instead of
 * writing ad-hoc handlers.
 */
import { http } from 'msw'
import type { Faults, Incident } from '@/api/schemas'
import type { ScenarioName } from '@/domain/catalog'
import { insertIncident } from '@/mocks/db'
import { faultResponse } from '@/mocks/handlers/faults'
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
