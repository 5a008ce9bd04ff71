/**
 * Reading the query parameters of the telemetry endpoints, the same way in both
 * backends: a bad parameter is a 400 that says which one and why, never a throw.
 */
import { isMetricId, type MetricId } from '@/domain/catalog'
import { logLevel, type LogLine } from '@/api/schemas'

export type Parsed<T> = { ok: true; value: T } | { ok: false; status: 400; message: string }

const bad = (message: string): { ok: false; status: 400; message: string } => ({ ok: false, status: 400, message })

/** An ISO 8601 timestamp with an offset, as the contract writes them; null when absent or invalid. */
export function parseInstant(value: string | null): number | null {
  if (value === null) return null
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

export interface TimeRange {
  fromMs: number
  toMs: number
}

/** `from` and `to`: both required, ISO with offset, in order, at most `maxSpanMs` apart. */
export function parseRange(params: URLSearchParams, maxSpanMs: number): Parsed<TimeRange> {
  const fromRaw = params.get('from')
  const toRaw = params.get('to')
  const fromMs = parseInstant(fromRaw)
  const toMs = parseInstant(toRaw)
  if (fromMs === null) return bad(fromRaw === null ? '`from` is required.' : '`from` must be an ISO 8601 time with an offset.')
  if (toMs === null) return bad(toRaw === null ? '`to` is required.' : '`to` must be an ISO 8601 time with an offset.')
  if (toMs < fromMs) return bad('`to` is before `from`.')
  if (toMs - fromMs > maxSpanMs) return bad(`The range is longer than ${Math.round(maxSpanMs / 86_400_000)} days.`)
  return { ok: true, value: { fromMs, toMs } }
}

/** Longer ranges must come with a coarser step; this bounds a backend's work. */
export const MAX_METRICS_RANGE_MS = 92 * 86_400_000

export interface MetricsQuery extends TimeRange {
  metrics: MetricId[]
  /** Seconds between samples the caller asked for (a backend may round it up to its own grid). */
  stepS: number
}

export function parseMetricsQuery(params: URLSearchParams): Parsed<MetricsQuery> {
  const names = (params.get('metrics') ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '')
  if (names.length === 0) return bad('`metrics` is required: a comma-separated list of metric ids.')
  const unknown = names.filter((m) => !isMetricId(m))
  if (unknown.length > 0) return bad(`Unknown metric: ${unknown.join(', ')}.`)
  const range = parseRange(params, MAX_METRICS_RANGE_MS)
  if (!range.ok) return range
  const stepRaw = params.get('step')
  const stepS = stepRaw === null || stepRaw.trim() === '' ? NaN : Number(stepRaw)
  if (!Number.isFinite(stepS) || stepS <= 0) return bad('`step` is required: a positive number of seconds.')
  return { ok: true, value: { ...range.value, metrics: [...new Set(names)] as MetricId[], stepS } }
}

export const DEFAULT_LOG_LIMIT = 100
export const MAX_LOG_LIMIT = 1000
const MAX_QUERY_LENGTH = 200

export interface LogsQuery {
  limit: number
  /** Empty: every level. */
  levels: LogLine['level'][]
  /** Lower case; empty: every service. */
  service: string
  /** Lower case text to find in the message, service or error type; empty: no text filter. */
  q: string
}

export function parseLogsQuery(params: URLSearchParams): Parsed<LogsQuery> {
  const limitRaw = params.get('limit')
  const limit = limitRaw === null || limitRaw === '' ? DEFAULT_LOG_LIMIT : Number(limitRaw)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_LIMIT) return bad(`\`limit\` must be a whole number from 1 to ${MAX_LOG_LIMIT}.`)

  // One level or several: level=ERROR or level=WARN,ERROR.
  const levels: LogLine['level'][] = []
  for (const raw of (params.get('level') ?? '').split(',')) {
    const l = raw.trim().toUpperCase()
    if (l === '') continue
    const parsed = logLevel.safeParse(l)
    if (!parsed.success) return bad(`Unknown log level "${l}": use ${logLevel.options.join(', ')}.`)
    levels.push(parsed.data)
  }

  const service = params.get('service')?.trim().toLowerCase() ?? ''
  if (service.length > 50) return bad('`service` is longer than 50 characters.')
  const q = params.get('q')?.trim().toLowerCase() ?? ''
  if (q.length > MAX_QUERY_LENGTH) return bad(`\`q\` is longer than ${MAX_QUERY_LENGTH} characters.`)
  return { ok: true, value: { limit, levels, service, q } }
}

/** Whether a log line passes the query's filters (the limit is the caller's). */
export function logMatches(line: LogLine, query: LogsQuery): boolean {
  if (query.levels.length > 0 && !query.levels.includes(line.level)) return false
  if (query.service !== '' && line.service.toLowerCase() !== query.service) return false
  const q = query.q
  return (
    q === '' ||
    line.message.toLowerCase().includes(q) ||
    line.service.toLowerCase().includes(q) ||
    (line.errorType?.toLowerCase().includes(q) ?? false)
  )
}

export function isFiltered(query: LogsQuery): boolean {
  return query.levels.length > 0 || query.service !== '' || query.q !== ''
}
