/**
 * GET /api/session as the mock backend answers it: nobody signed in (no proxy in front),
 * the simulator there to steer, and no Slack. So POST …/messages/slack answers what a
 * server without a Slack webhook answers: 503, and nothing is recorded.
 */
import { http } from 'msw'
import { sessionResponse } from '@/api/session'
import type { World } from '../world'
import { problem, reply } from './respond'

export function sessionHandlers(world: World) {
  return [
    http.get('/api/session', () => reply(world, sessionResponse, { identity: null, auth: 'none', slack: false, simulator: true })),

    http.post('/api/incidents/:id/messages/slack', () =>
      problem(world, 503, 'Slack posting is not configured: copy the message and post it by hand.'),
    ),
  ]
}
