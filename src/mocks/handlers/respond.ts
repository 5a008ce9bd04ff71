/**
 * What every mock endpoint shares: JSON responses with a Date header (the client
 * estimates clock skew from it), `{ message }` errors, and request parsing that refuses
 * bad input the way the server does: 400 for a body that is not JSON, 422 with
 * `{ message, field }` for one that breaks the schema or holds text PostgreSQL cannot
 * store (U+0000, half a surrogate pair).
 */
import { HttpResponse, type JsonBodyType } from 'msw'
import { safeParse } from 'zod/mini'
import type { $ZodType, input, output } from 'zod/v4/core'
import { validationProblem } from '@/api/endpoints'
import { unstorableTextPath, unstorableTextProblem, validationProblemOf } from '@/api/request-validation'
import type { World } from '../world'

export interface ResponseOptions {
  status?: number
  headers?: Record<string, string>
}

/**
 * A JSON response. `schema` only fixes the body's type: the body must be built as the
 * contract's type, so a handler cannot drift from the wire contract without tsc noticing.
 */
export function reply<S extends $ZodType>(world: World, _schema: S, body: input<S> & JsonBodyType, options: ResponseOptions = {}): Response {
  return HttpResponse.json(body, { status: options.status ?? 200, headers: { ...dateHeader(world), ...options.headers } })
}

export function problem(world: World, status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ message, ...extra }, { status, headers: { ...dateHeader(world), ...headers } })
}

export function dateHeader(world: World): Record<string, string> {
  return { Date: new Date(world.now()).toUTCString() }
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response }

/**
 * Parses the JSON body with `schema`. An unreadable body or one that is not JSON is a 400;
 * a string anywhere holding U+0000 or half a surrogate pair, or a value the schema
 * refuses, is a 422 naming the field. An empty body reads as {}.
 */
export async function readBody<S extends $ZodType>(world: World, request: Request, schema: S): Promise<Parsed<output<S>>> {
  let text: string
  try {
    text = await request.text()
  } catch {
    return { ok: false, response: problem(world, 400, 'The request body could not be read.') }
  }
  let json: unknown = {}
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text)
    } catch {
      return { ok: false, response: problem(world, 400, 'The request body is not valid JSON.') }
    }
  }
  const unstorable = unstorableTextPath(json)
  if (unstorable !== null) return { ok: false, response: reply(world, validationProblem, unstorableTextProblem(unstorable), { status: 422 }) }
  return validate(world, schema, json)
}

/** Parses `value` with `schema`; a refusal is a 422 `{ message, field }` naming the first offending field. */
export function validate<S extends $ZodType>(world: World, schema: S, value: unknown): Parsed<output<S>> {
  const result = safeParse(schema, value)
  if (result.success) return { ok: true, data: result.data }
  return { ok: false, response: reply(world, validationProblem, validationProblemOf(result.error.issues), { status: 422 }) }
}
