/**
 * GET /api/session: who the backend says you are and what it can do here, so the app
 * can show the right controls (post to Slack, steer the simulator) instead of offering
 * something that will only fail.
 */
import * as z from 'zod/mini'

export const sessionResponse = z.object({
  /** The identity an authenticating proxy vouched for; null when nobody is signed in (auth 'none'). */
  identity: z.nullable(z.string()),
  /** 'proxy': a reverse proxy authenticates and the server trusts its identity header; 'none': open. */
  auth: z.enum(['none', 'proxy']),
  /** Whether POST /api/incidents/{id}/messages/slack can post (a Slack webhook is configured). */
  slack: z.boolean(),
  /** Whether /api/simulator is there to steer (simulated metrics). */
  simulator: z.boolean(),
})
export type SessionResponse = z.infer<typeof sessionResponse>
