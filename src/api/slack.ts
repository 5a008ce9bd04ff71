/**
 * POST /api/incidents/{id}/messages/slack: the backend posts the exact text to Slack and,
 * once Slack took it, records it on the timeline. A retry must carry the same
 * Idempotency-Key, so the backend answers it from what it recorded instead of posting twice.
 */
import { apiRequest } from './client'
import type { SlackPostRequest } from './endpoints'
import { versionFromEtag } from './incidents'
import { timelineEvent } from './schemas'

/**
 * The server waits up to 10 s for Slack (then answers 502): give it that and some, so the
 * browser does not give up on an answer that is still coming and leave the responder unsure.
 */
const SLACK_POST_TIMEOUT_MS = 20_000

export async function postToSlack(id: string, body: SlackPostRequest, idempotencyKey: string) {
  const r = await apiRequest(`/api/incidents/${encodeURIComponent(id)}/messages/slack`, timelineEvent, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    timeoutMs: SLACK_POST_TIMEOUT_MS,
  })
  return { event: r.data, version: versionFromEtag(r.headers.get('ETag')) }
}
