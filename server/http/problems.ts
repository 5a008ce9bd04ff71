/**
 * How the server says no: a JSON `{ message }` body (plus `field` for a schema violation)
 * with the status that fits. Framework errors (bad JSON, body too large, wrong media
 * type) are turned into the same shape; anything unexpected is logged and answered with
 * a 500 that names no internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { safeParse } from 'zod/mini'
import type { $ZodType, output } from 'zod/v4/core'
import { unstorableTextPath, unstorableTextProblem, validationProblemOf } from '@/api/request-validation'

export function sendProblem(reply: FastifyReply, status: number, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ message, ...extra })
}

export type Validated<T> = { ok: true; data: T } | { ok: false; status: 422; message: string; field: string }

/**
 * Parses a request body with its contract schema, in the same words as the mock backend
 * (src/api/request-validation.ts): a violation is a 422 naming the field, and so is text
 * PostgreSQL cannot store (NUL, half a surrogate pair).
 */
export function validateBody<S extends $ZodType>(schema: S, body: unknown): Validated<output<S>> {
  const value = body ?? {}
  const unstorable = unstorableTextPath(value)
  if (unstorable !== null) return { ok: false, status: 422, ...unstorableTextProblem(unstorable) }
  const result = safeParse(schema, value)
  if (result.success) return { ok: true, data: result.data }
  return { ok: false, status: 422, ...validationProblemOf(result.error.issues) }
}

const FRAMEWORK_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Send the request body as JSON (Content-Type: application/json).'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'The Content-Length does not match the body.'],
}

export function installProblemHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendProblem(reply, 413, `The request body is larger than ${bodyLimit} bytes.`)
    }
    const known = FRAMEWORK_ERRORS[error.code]
    if (known) return sendProblem(reply, known[0], known[1])
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, error.message)
    }
    request.log.error({ err: error }, 'request failed')
    return sendProblem(reply, 500, 'The server failed while answering; the error is in its log.')
  })
}
