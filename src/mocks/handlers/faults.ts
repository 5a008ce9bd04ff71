/**
 * Injected faults: the first handler in the chain. While faults are set, a share of the
 * API calls fails the chosen way; the others fall through to the real handlers (a
 * resolver that returns nothing passes the request on). /api/simulator is never
 * faulted, so whoever switched the faults on can always switch them off.
 */
import { http, HttpResponse } from 'msw'
import type { Faults } from '@/api/schemas'
import { takeFault, type World } from '../world'
import { dateHeader, problem } from './respond'

/** Longer than the client's 10 s timeout, so a "timeout" never arrives in time. */
export const TIMEOUT_FAULT_DELAY_MS = 30_000

/** Statuses whose real-world senders say when to come back. */
const RETRY_AFTER_STATUSES = new Set([429, 503])

const STATUS_WORDS: Record<number, string> = {
  429: 'Too many requests',
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
}

export function faultHandler(world: World) {
  return http.all('/api/*', async ({ request }) => {
    if (new URL(request.url).pathname === '/api/simulator') return undefined
    if (world.read().sim.faults === null) return undefined
    const fault = world.update((s) => takeFault(s.sim))
    if (fault === null) return undefined
    return faultResponse(world, fault.status, { signal: request.signal })
  })
}

/** The response a failing call gets: an error status, a body that is not JSON, or nothing in time. */
export async function faultResponse(
  world: World,
  status: Faults['status'],
  options: { retryAfterS?: number | undefined; signal?: AbortSignal | undefined } = {},
): Promise<Response> {
  if (status === 'timeout') {
    await waitUnlessAborted(TIMEOUT_FAULT_DELAY_MS, options.signal)
    return problem(world, 504, 'Injected fault: the upstream did not answer in time.')
  }
  if (status === 'malformed') {
    // Cut off mid-document, as a proxy that dropped the connection would leave it.
    return new HttpResponse('{"message": "half a respo', {
      status: 200,
      headers: { 'Content-Type': 'application/json', ...dateHeader(world) },
    })
  }
  const retryAfterS = options.retryAfterS ?? (RETRY_AFTER_STATUSES.has(status) ? 1 : undefined)
  return problem(
    world,
    status,
    `Injected fault: ${STATUS_WORDS[status] ?? `HTTP ${status}`}.`,
    {},
    retryAfterS === undefined ? {} : { 'Retry-After': String(retryAfterS) },
  )
}

/** Like MSW's delay(), but gives up when the client does, so no timer outlives the request. */
function waitUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve()
      return
    }
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done)
  })
}
