/**
 * Every mock endpoint, in the order MSW tries them: injected faults first (they fall
 * through when a call is spared), the resources, then a JSON 404 for any other /api
 * path so an unknown endpoint fails like a real server's rather than reaching the
 * dev server's index.html.
 */
import { http } from 'msw'
import type { World } from '../world'
import { alertHandlers } from './alerts'
import { eventHandlers } from './events'
import { faultHandler } from './faults'
import { healthHandlers } from './health'
import { incidentHandlers } from './incidents'
import { logHandlers } from './logs'
import { metricsHandlers } from './metrics'
import { problem } from './respond'
import { rosterHandlers } from './roster'
import { runbookHandlers } from './runbooks'
import { sessionHandlers } from './session'
import { simulatorHandlers } from './simulator'

export function createHandlers(world: World) {
  return [
    faultHandler(world),
    ...simulatorHandlers(world),
    ...metricsHandlers(world),
    ...healthHandlers(world),
    ...alertHandlers(world),
    ...logHandlers(world),
    ...rosterHandlers(world),
    ...incidentHandlers(world),
    ...runbookHandlers(world),
    ...eventHandlers(world),
    ...sessionHandlers(world),
    http.all('/api/*', ({ request }) =>
      problem(world, 404, `No endpoint ${request.method} ${new URL(request.url).pathname}.`),
    ),
  ]
}
