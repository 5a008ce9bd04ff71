/**
 * A small client for the Prometheus HTTP API (v1): query_range, query and the alerting
 * rules. Every way a request can fail becomes one PrometheusError whose `kind` says
 * which, so each caller can tell "Prometheus is down" (a stale panel) from "this query
 * is wrong" (a message on one panel). Thanos and Mimir answer the same API.
 */
import * as z from 'zod'

export interface PrometheusClient {
  /** GET /api/v1/query_range; throws PrometheusError */
  queryRange(expr: string, startMs: number, endMs: number, stepS: number, signal?: AbortSignal): Promise<PromResult>
  /** GET /api/v1/query at an instant */
  query(expr: string, atMs: number, signal?: AbortSignal): Promise<PromResult>
  /** GET /api/v1/rules?type=alert */
  rules(signal?: AbortSignal): Promise<PromRuleGroups>
}

export interface PromSeries {
  labels: Record<string, string>
  /** Sample strings "NaN", "+Inf", "-Inf" parse to NaN/±Infinity; callers decide (a bad sample becomes a gap). */
  samples: [timeMs: number, value: number][]
}

export interface PromResult {
  resultType: 'matrix' | 'vector' | 'scalar'
  series: PromSeries[]
  /** Prometheus answered, but says the answer may be incomplete (e.g. a store was down behind Thanos). */
  warnings: string[]
}

export interface PromRuleGroups {
  groups: { name: string; rules: PromAlertingRule[] }[]
}

export interface PromAlertingRule {
  name: string
  query: string
  duration: number
  labels: Record<string, string>
  annotations: Record<string, string>
  state: 'inactive' | 'pending' | 'firing'
  health: string
  lastError?: string
  alerts: {
    labels: Record<string, string>
    annotations: Record<string, string>
    state: 'pending' | 'firing'
    activeAt: string
    value: string
  }[]
}

export type PrometheusErrorKind = 'unreachable' | 'timeout' | 'error' | 'bad_response'

export class PrometheusError extends Error {
  override readonly name = 'PrometheusError'
  constructor(
    readonly kind: PrometheusErrorKind,
    message: string,
    /** Prometheus' own errorType ("bad_data", "timeout", "execution"…) when it said one. */
    readonly errorType?: string,
    /** The HTTP status, when an answer came. */
    readonly status?: number,
  ) {
    super(message)
  }
}

export interface PrometheusClientOptions {
  /** PROMETHEUS_URL; may carry a path prefix (http://host/prometheus). */
  url: string
  /** VIGIL_PROMETHEUS_TIMEOUT_MS: per request, so one slow query cannot hold a whole page. */
  timeoutMs: number
  /** For tests; the global fetch otherwise. */
  fetch?: typeof fetch
}

const labels = z.record(z.string(), z.string())
const sample = z.tuple([z.number(), z.string()])
const envelope = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
})
const queryData = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('matrix'), result: z.array(z.object({ metric: labels, values: z.array(sample).optional() })) }),
  z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: labels, value: sample })) }),
  z.object({ resultType: z.literal('scalar'), result: sample }),
])
const alertingRule = z.object({
  type: z.literal('alerting'),
  name: z.string(),
  query: z.string(),
  duration: z.number().default(0),
  labels: labels.default({}),
  annotations: labels.default({}),
  state: z.enum(['inactive', 'pending', 'firing']),
  health: z.string().default('unknown'),
  lastError: z.string().optional(),
  alerts: z
    .array(
      z.object({
        labels: labels.default({}),
        annotations: labels.default({}),
        state: z.enum(['pending', 'firing']),
        activeAt: z.string(),
        value: z.string(),
      }),
    )
    .default([]),
})
// Recording rules share the groups; they are skipped, not refused.
const rulesData = z.object({
  groups: z.array(z.object({ name: z.string(), rules: z.array(z.union([alertingRule, z.object({ type: z.literal('recording') })])) })),
})

/** Prometheus writes special values as strings; Number() reads "NaN", "+Inf" and "-Inf" but not all spellings. */
export function parseSampleValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Infinity
  if (text === '-Inf') return -Infinity
  const n = Number(text)
  return text.trim() === '' ? NaN : n
}

const toSample = ([t, v]: [number, string]): [number, number] => [Math.round(t * 1000), parseSampleValue(v)]

/** Seconds with millisecond precision, as the API takes times. */
const seconds = (ms: number) => (ms / 1000).toFixed(3)

export function createPrometheusClient(options: PrometheusClientOptions): PrometheusClient {
  const doFetch = options.fetch ?? fetch
  // A trailing slash makes relative paths keep a prefix such as /prometheus.
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`)
  const where = base.host

  async function get(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<{ data: unknown; warnings: string[] }> {
    const url = new URL(path, base)
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout])
    let response: Response
    let text: string
    try {
      response = await doFetch(url, { signal: combined, headers: { Accept: 'application/json' } })
      text = await response.text()
    } catch (error) {
      if (timeout.aborted) throw new PrometheusError('timeout', `no answer from Prometheus at ${where} within ${options.timeoutMs} ms`)
      // The caller gave up: not Prometheus' fault, so its reason goes on unchanged.
      if (signal?.aborted === true) throw error
      throw new PrometheusError('unreachable', `cannot reach Prometheus at ${where}: ${reasonOf(error)}`)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new PrometheusError('bad_response', `Prometheus at ${where} answered HTTP ${response.status} that is not JSON: ${snippet(text)}`, undefined, response.status)
    }
    const parsed = envelope.safeParse(json)
    if (!parsed.success) {
      throw new PrometheusError('bad_response', `Prometheus at ${where} answered HTTP ${response.status} without a status`, undefined, response.status)
    }
    const body = parsed.data
    if (body.status === 'error') {
      const said = body.error ?? `HTTP ${response.status}`
      throw new PrometheusError('error', body.errorType === undefined ? said : `${body.errorType}: ${said}`, body.errorType, response.status)
    }
    return { data: body.data, warnings: body.warnings ?? [] }
  }

  function result(data: unknown, warnings: string[]): PromResult {
    const parsed = queryData.safeParse(data)
    if (!parsed.success) throw new PrometheusError('bad_response', `Prometheus at ${where} answered a result Vigil cannot read (${resultTypeOf(data)})`)
    const d = parsed.data
    switch (d.resultType) {
      case 'matrix':
        return { resultType: 'matrix', warnings, series: d.result.map((s) => ({ labels: s.metric, samples: (s.values ?? []).map(toSample) })) }
      case 'vector':
        return { resultType: 'vector', warnings, series: d.result.map((s) => ({ labels: s.metric, samples: [toSample(s.value)] })) }
      case 'scalar':
        return { resultType: 'scalar', warnings, series: [{ labels: {}, samples: [toSample(d.result)] }] }
    }
  }

  return {
    async queryRange(expr, startMs, endMs, stepS, signal) {
      const { data, warnings } = await get('api/v1/query_range', { query: expr, start: seconds(startMs), end: seconds(endMs), step: `${stepS}s` }, signal)
      return result(data, warnings)
    },
    async query(expr, atMs, signal) {
      const { data, warnings } = await get('api/v1/query', { query: expr, time: seconds(atMs) }, signal)
      return result(data, warnings)
    },
    async rules(signal) {
      const { data } = await get('api/v1/rules', { type: 'alert' }, signal)
      const parsed = rulesData.safeParse(data)
      if (!parsed.success) throw new PrometheusError('bad_response', `Prometheus at ${where} answered rules Vigil cannot read`)
      return {
        groups: parsed.data.groups.map((g) => ({
          name: g.name,
          rules: g.rules.flatMap((r) => (r.type === 'alerting' ? [withoutType(r)] : [])),
        })),
      }
    },
  }
}

function withoutType(rule: z.infer<typeof alertingRule>): PromAlertingRule {
  const { type: _type, lastError, ...rest } = rule
  // exactOptionalPropertyTypes-safe: an empty lastError (Prometheus sends "" when healthy) is left out.
  return lastError === undefined || lastError === '' ? rest : { ...rest, lastError }
}

/** fetch() hides the socket error in `cause` ("ECONNREFUSED", "ENOTFOUND"): that is the useful part. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const cause: unknown = error.cause
    if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message
    return error.message
  }
  return String(error)
}

function resultTypeOf(data: unknown): string {
  if (typeof data === 'object' && data !== null && 'resultType' in data) return `resultType ${String(data.resultType)}`
  return 'no resultType'
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat === '' ? '(empty)' : flat
}
