/**
 * "Post to Slack" for one message: shown only when the backend says it can post (GET
 * /api/session), it sends the text exactly as it stands in the box. The text itself is
 * never touched here — a failure leaves it as typed, ready to post again.
 */
import { useRef } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/client'
import { incidentQueries } from '@/api/incidents'
import type { MessageTemplate } from '@/api/schemas'
import { sessionQueries } from '@/api/session-queries'
import { postToSlack } from '@/api/slack'
import { Button } from '@/components/ui/button'
import { useActor } from '@/lib/incident-mutations/use-actor'
import { newChangeId } from '@/lib/outbox/new-id'

interface Attempt {
  text: string
  key: string
}

/**
 * The Idempotency-Key for posting `text`: the one the last failed attempt used when the
 * text is the same (a retry the server may already have posted must not post twice), a
 * new one when the text changed. After a success the key is dropped, so posting the same
 * words again later (a status update that has not changed) is a new post, not a replay.
 */
export function keyForAttempt(last: Attempt | null, text: string, newKey: () => string): Attempt {
  return last !== null && last.text === text ? last : { text, key: newKey() }
}

/** The server's own sentence for a refusal ("Slack refused the message: HTTP 500: …"), else the client's. */
export function slackFailureReason(error: Error): string {
  if (isApiError(error) && error.kind === 'http') {
    const body = error.details.body
    if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' && body.message !== '') {
      return body.message
    }
  }
  return error.message
}

export function PostToSlack({ incidentId, template, text }: { incidentId: string; template: MessageTemplate; text: string }) {
  const session = useQuery(sessionQueries.current())
  const actor = useActor()
  const queryClient = useQueryClient()
  const lastAttempt = useRef<Attempt | null>(null)

  const post = useMutation({
    mutationFn: (attempt: Attempt) =>
      postToSlack(incidentId, { template, text: attempt.text, ...(actor === null ? {} : { actor }) }, attempt.key),
    onSuccess: (_answer, attempt) => {
      if (lastAttempt.current === attempt) lastAttempt.current = null
    },
    onSettled: () => {
      // Posted: the timeline and the status-update clock moved. Failed: the client may have
      // given up on an answer the server still recorded, so look again either way.
      void queryClient.invalidateQueries({ queryKey: incidentQueries.all() })
    },
  })

  if (session.data?.slack !== true) return null
  const blank = text.trim() === ''
  const postedThisText = post.isSuccess && post.variables.text === text

  return (
    <>
      <Button
        size="sm"
        disabled={blank || post.isPending}
        onClick={() => {
          const attempt = keyForAttempt(lastAttempt.current, text, newChangeId)
          lastAttempt.current = attempt
          post.mutate(attempt)
        }}
      >
        {post.isPending ? 'Posting…' : 'Post to Slack'}
      </Button>
      {post.isError ? (
        <p role="alert" className="order-last basis-full text-xs text-red-800 dark:text-red-300">
          Not posted to Slack: {sentence(slackFailureReason(post.error))} Your text is kept; post again when ready.
        </p>
      ) : (
        postedThisText && (
          <p role="status" className="order-last basis-full text-xs text-emerald-800 dark:text-emerald-300">
            <span aria-hidden="true">✓ </span>Posted to Slack
          </p>
        )
      )}
    </>
  )
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`
}
