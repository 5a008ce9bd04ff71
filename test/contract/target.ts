/**
 * What the contract suite knows of a backend: a base URL it answers HTTP on, the Origin
 * its own pages would send, and how to stop it. Tests talk to it only through `call`, so
 * one suite checks the MSW mock and the server alike, and nothing reaches into either.
 */
import { safeParse } from 'zod/mini'
import type { $ZodType, output } from 'zod/v4/core'

export interface ContractTarget {
  name: string
  baseUrl: string
  origin: string
  /**
   * 'server' also answers what only a process serves: /healthz, /readyz and the change
   * feed (/api/events). The mock backend answers /api only.
   */
  kind: 'mock' | 'server'
  close(): Promise<void>
}

export type Method = 'GET' | 'POST' | 'PATCH'

export interface CallOptions {
  /** Sent as JSON; a write without one sends {}. */
  body?: unknown
  /** Sent as it is, instead of `body` (for bodies that are not JSON, or are huge). */
  raw?: string
  headers?: Record<string, string>
  query?: Record<string, string>
  signal?: AbortSignal
}

export interface Answer {
  status: number
  headers: Headers
  text: string
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  json: unknown
}

/** One request, as a browser page of the target's origin would send it. */
export async function call(target: ContractTarget, method: Method, path: string, options: CallOptions = {}): Promise<Answer> {
  const url = new URL(path, target.baseUrl)
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v)
  const write = method !== 'GET'
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (write) {
    headers['Content-Type'] = 'application/json'
    headers.Origin = target.origin
  }
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...options.headers },
    body: write ? (options.raw ?? JSON.stringify(options.body ?? {})) : null,
    signal: options.signal ?? AbortSignal.timeout(15_000),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: parseJson(text) }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Asserts the status and that the body parses with `schema`; answers the parsed body. */
export function expectBody<S extends $ZodType>(answer: Answer, status: number, schema: S): output<S> {
  if (answer.status !== status) {
    throw new Error(`Expected HTTP ${status}, got ${answer.status}: ${answer.text.slice(0, 500)}`)
  }
  const parsed = safeParse(schema, answer.json)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.code}`)
    throw new Error(`HTTP ${status} body breaks the contract (${issues.join('; ')}): ${answer.text.slice(0, 500)}`)
  }
  return parsed.data
}

/** Asserts an error answer: its status and a `{ message }` body, as every error of the contract has. */
export function expectProblem(answer: Answer, status: number): { message: string } & Record<string, unknown> {
  if (answer.status !== status) throw new Error(`Expected HTTP ${status}, got ${answer.status}: ${answer.text.slice(0, 500)}`)
  const body = answer.json
  if (typeof body !== 'object' || body === null || !('message' in body) || typeof body.message !== 'string' || body.message === '') {
    throw new Error(`HTTP ${status} without a { message } body: ${answer.text.slice(0, 500)}`)
  }
  return body as { message: string } & Record<string, unknown>
}
