/**
 * The log tail's filters as they live in the URL: `?level=ERROR&service=stt&logq=rate`.
 * (`logq`, not `q`, so it never collides with another panel's search on the same page.)
 * Reading never throws: an unknown level means every level.
 */
import * as z from 'zod/mini'
import type { LogFilter } from '@/api/logs'
import { logLevel } from '@/api/schemas'

export const LOG_LEVELS = logLevel.options
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Services the voice agent logs under, with their labels; a URL may name another. */
export const LOG_SERVICES: readonly { id: string; label: string }[] = [
  { id: 'stt', label: 'STT' },
  { id: 'llm', label: 'LLM' },
  { id: 'tts', label: 'TTS' },
  { id: 'livekit', label: 'LiveKit' },
  { id: 'database', label: 'Database' },
  { id: 'agent', label: 'Agent' },
  { id: 'host', label: 'Host' },
]

export const MAX_LOG_QUERY = 200
export const LOG_TAIL_LIMIT = 100

export interface LogFilters {
  /** Empty: every level. */
  readonly level: LogLevel | ''
  /** Empty: every service. */
  readonly service: string
  readonly q: string
}

export const DEFAULT_LOG_FILTERS: LogFilters = { level: '', service: '', q: '' }

const schema = z.object({
  level: z.catch(
    z.pipe(
      z.string(),
      z.transform((s) => {
        const upper = s.trim().toUpperCase()
        return LOG_LEVELS.find((l) => l === upper) ?? ''
      }),
    ),
    '',
  ),
  service: z.catch(
    z.pipe(
      z.string(),
      z.transform((s) => {
        const id = s.trim().toLowerCase()
        return id.length <= 50 ? id : ''
      }),
    ),
    '',
  ),
  logq: z.catch(
    z.pipe(
      z.string(),
      z.transform((s) => s.slice(0, MAX_LOG_QUERY)),
    ),
    '',
  ),
})

export function parseLogFilters(params: URLSearchParams): LogFilters {
  const parsed = schema.parse({
    level: params.get('level') ?? undefined,
    service: params.get('service') ?? undefined,
    logq: params.get('logq') ?? undefined,
  })
  return { level: parsed.level, service: parsed.service, q: parsed.logq }
}

/** The query with the filters written in; other parameters kept, empty ones left out. */
export function writeLogFilters(params: URLSearchParams, filters: LogFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of ['level', 'service', 'logq']) next.delete(key)
  if (filters.level !== '') next.set('level', filters.level)
  if (filters.service !== '') next.set('service', filters.service)
  const q = filters.q.trim().slice(0, MAX_LOG_QUERY)
  if (q !== '') next.set('logq', q)
  return next
}

/** The API request for the filters: only what narrows the tail, so equal views share a cache entry. */
export function toLogRequest(filters: LogFilters): LogFilter {
  const q = filters.q.trim()
  return {
    ...(filters.level === '' ? {} : { level: filters.level }),
    ...(filters.service === '' ? {} : { service: filters.service }),
    ...(q === '' ? {} : { q }),
    limit: LOG_TAIL_LIMIT,
  }
}
