/**
 * A total outage as the Overview lives through it, on a fake clock: every panel says
 * what failed from the first failed attempt, counts down to the next one, never flips
 * back to a skeleton, and each endpoint is asked at most once per refresh — on exactly
 * the schedule src/api/refresh-schedule.ts decides (its own table tests pin the policy;
 * this pins that nothing else, no TanStack retry, no extra observer, adds a request).
 */
import { act, screen, within } from '@testing-library/react'
import { nextRefreshDelay, unitHash } from '@/api/refresh-schedule'
import { createQueryClient } from '@/app/query-client'
import { givenApiFails, recordRequests, type SentRequest } from '../../../test/mock-backend'
import { renderRoute } from '../../../test/render'

const PANEL_ENDPOINTS = ['/api/health', '/api/alerts', '/api/incidents', '/api/metrics'] as const
/** Every endpoint the Overview polls refreshes every 10 s. */
const REFRESH_MS = 10_000
const PANELS = ['Service health', 'Firing alerts', 'Pipeline latency, last hour'] as const

afterEach(() => {
  vi.useRealTimers()
})

function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
}

/** Lets pending I/O and timers due now run inside act(), so React commits what they changed. */
async function flush(advanceMs: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(advanceMs)
    for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve))
  })
}

/** Waits in real time (lazy chunks load in real time) while the fake clock creeps 1 ms a round. */
async function eventually(check: () => void, timeoutMs = 15_000) {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (performance.now() > deadline) throw error
    }
    await flush(1)
  }
}

/** The fake time of every GET to the panels' endpoints, per endpoint. */
function panelRequests(sent: readonly SentRequest[]): Map<string, number[]> {
  const log = new Map<string, number[]>(PANEL_ENDPOINTS.map((p) => [p, []]))
  for (const request of sent) if (request.method === 'GET') log.get(request.path)?.push(request.at)
  return log
}

function givenTotalOutage() {
  for (const path of PANEL_ENDPOINTS) givenApiFails(path, 500)
}

function panel(name: string) {
  return screen.getByRole('region', { name })
}

/** The schedule a polled query follows from its first failed request at `first`, for `spanMs`. */
function expectedAttempts(first: number, spanMs: number): number[] {
  const times = [first]
  for (let streak = 1; ; streak++) {
    const last = times[times.length - 1] ?? first
    const next = last + nextRefreshDelay({ refreshMs: REFRESH_MS, failureStreak: streak, jitter: unitHash(last) })
    if (next > first + spanMs) return times
    times.push(next)
  }
}

test('from the first failed attempt every panel says what failed and counts down to the next; it never falls back to a skeleton', async () => {
  useFakeClock()
  givenTotalOutage()
  const sent = recordRequests()
  renderRoute('/', { queryClient: createQueryClient() })
  await eventually(() => {
    for (const name of PANELS) within(panel(name)).getByText(/could not be loaded\. The server failed\./)
  })
  // Said at once: less than a second of the clock passed since each endpoint was first asked.
  const log = panelRequests(sent)
  for (const path of ['/api/health', '/api/alerts', '/api/metrics']) expect(Date.now() - (log.get(path)?.[0] ?? 0)).toBeLessThan(1_000)
  for (const name of PANELS) {
    expect(within(panel(name)).getByText(/^The server failed \(HTTP 500\): Injected fault/)).toBeVisible()
    expect(within(panel(name)).getByText(/^Retrying in (9|10) s\.$/)).toBeVisible()
    expect(within(panel(name)).getByRole('button', { name: 'Retry' })).toBeEnabled()
  }

  await flush(4_000)
  expect(within(panel('Service health')).getByText(/^Retrying in [56] s\.$/)).toBeVisible()
  // Through the next attempts (each clears TanStack's error while it runs), the failure stays said.
  for (let t = 0; t < 25_000; t += 250) {
    await flush(250)
    for (const name of PANELS) expect(within(panel(name)).getAllByText(/could not be loaded/), `${name} at +${t} ms`).toHaveLength(1)
  }
  // The third attempt lands 25–30 s after the first, by the jitter the clock's start
  // gives, so the log is compared with the schedule, not with a count.
  const health = panelRequests(sent).get('/api/health') ?? []
  const first = health[0] ?? 0
  expect(health).toEqual(expectedAttempts(first, Date.now() - first))
  expect(health.length).toBeGreaterThanOrEqual(2)
})

test('in an outage after a good start, each endpoint is asked on the polite schedule and no more, and the last data stays, marked stale', async () => {
  useFakeClock()
  renderRoute('/', { queryClient: createQueryClient() })
  await eventually(() => {
    within(panel('Service health')).getByRole('list', { name: 'Service health' })
    within(panel('Pipeline latency, last hour')).getByRole('figure', { name: /STT/ })
  })
  // Every panel and every observer is mounted; from here on only the schedule may ask.
  await flush(1_000)
  const sent = recordRequests()
  givenTotalOutage()
  const outageAt = Date.now()
  const SPAN_MS = 150_000
  for (let t = 0; t < SPAN_MS; t += 250) await flush(250)
  const log = panelRequests(sent)

  for (const path of PANEL_ENDPOINTS) {
    const times = log.get(path) ?? []
    const first = times[0]
    if (first === undefined) throw new Error(`${path} was never asked during the outage`)
    // The first failed refresh comes within one refresh of the outage; then the schedule alone.
    expect(first - outageAt, path).toBeLessThanOrEqual(REFRESH_MS)
    expect(times, path).toEqual(expectedAttempts(first, outageAt + SPAN_MS - first))
    // At most one request per refresh interval, backing off: 7 or 8 requests in 150 s instead of 15.
    expect(times.length, path).toBeLessThan(SPAN_MS / REFRESH_MS)
  }
  for (const name of PANELS) {
    expect(within(panel(name)).getByRole('status')).toHaveTextContent(/^⚠ Stale — last data .+ The server failed\./)
    expect(within(panel(name)).getByText(/^Retrying in \d+ s\.$/)).toBeVisible()
  }
  expect(within(panel('Service health')).getByRole('list', { name: 'Service health' })).toBeVisible()
}, 60_000)
