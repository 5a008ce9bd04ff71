import { queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiFetch, type RequestOptions } from './client'
import { parseItems, type SetAside } from './lenient-list'
import { fetchOnServerTime, resolveWindow, type MetricWindow } from './metrics'
import { onServerTime } from './server-time'
import { errorGroupsResponse, logLine, logSource, type LogLine, type LogSource } from './schemas'

/**
 * The answer's frame, strict; its lines are parsed one by one. A `source` the app cannot
 * read is dropped (as when an older server sends none) rather than failing the lines.
 */
const logsEnvelope = z.object({ lines: z.array(z.unknown()), source: z.catch(z.optional(logSource), undefined) })

/**
 * A line as the app reads it: a level the contract does not list (`FATAL`, `TRACE`) is
 * shown as sent, the way an unknown incident severity is, instead of losing the line.
 */
const shownLine = z.extend(logLine, { level: z.string().check(z.minLength(1), z.maxLength(20)) })
export type ShownLogLine = Omit<LogLine, 'level'> & { level: string }

export interface LogsAnswer {
  lines: ShownLogLine[]
  setAside: SetAside
  /** Where the server's lines come from; null when it does not say. */
  source: LogSource | null
}

export async function fetchLogs(query: RequestOptions['query'], signal?: AbortSignal): Promise<LogsAnswer> {
  return readLogs(await apiFetch('/api/logs', logsEnvelope, { signal, query }))
}

/** The lines of an answer whose frame parsed, one by one. */
export function readLogs(answer: { lines: readonly unknown[]; source?: LogSource | undefined }): LogsAnswer {
  const { items, setAside } = parseItems(answer.lines, shownLine, (l) => l.id)
  return { lines: items, setAside, source: answer.source ?? null }
}

export interface LogFilter {
  level?: string
  service?: string
  q?: string
  limit?: number
}

export const logQueries = {
  all: () => ['logs'] as const,
  tail: (f: LogFilter) =>
    queryOptions({
      queryKey: [...logQueries.all(), 'tail', f] as const,
      queryFn: ({ signal }) => fetchLogs({ ...f }, signal),
    }),
  /** Error counts by service and error_type over the last `durationMs`. */
  errorGroups: (durationMs: number) =>
    queryOptions({
      queryKey: [...logQueries.all(), 'errors', durationMs] as const,
      queryFn: ({ signal }) =>
        onServerTime((to) =>
          apiFetch('/api/errors', errorGroupsResponse, {
            signal,
            query: { from: new Date(to - durationMs).toISOString(), to: new Date(to).toISOString() },
          }),
        ),
    }),
  /** Error counts by service and error_type over a window (relative: one key while time moves on). */
  errorsIn: (window: MetricWindow) =>
    queryOptions({
      queryKey: [...logQueries.all(), 'errors', 'window', window] as const,
      queryFn: ({ signal }) =>
        fetchOnServerTime(window, (nowMs) => {
          const { fromMs, toMs } = resolveWindow(window, nowMs)
          return apiFetch('/api/errors', errorGroupsResponse, {
            signal,
            query: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() },
          })
        }),
    }),
}
