/** Sending a service's answer as it is: status, JSON body, and the incident's ETag. */
import type { FastifyReply } from 'fastify'
import type { Answer } from '../services/incidents'

export function sendAnswer(reply: FastifyReply, answer: Answer): FastifyReply {
  if (answer.etag !== null) void reply.header('ETag', answer.etag)
  return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body)
}

/** The Idempotency-Key header: trimmed, null when absent; too long is the caller's 400. */
export function idempotencyKey(value: string | string[] | undefined): string | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
  return raw === '' ? null : raw
}

/** Whether If-None-Match names `tag` (or `*`): weak comparison, as RFC 9110 asks for GET. */
export function clientHolds(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false
  const opaque = (t: string) => t.trim().replace(/^W\//, '')
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(tag))
}
