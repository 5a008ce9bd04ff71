/**
 * The agent's log file (VIGIL_LOG_FILE) as the log panel's source: the file followed
 * (follower.ts), each line read (parse-line.ts) into a ring buffer of the newest lines,
 * answered with the same filters as the simulator (level, service, text, limit),
 * newest first. Newest means last written: the file's order, not the lines' own clocks,
 * which several writers may disagree on.
 */
import type { LogLine, LogSource } from '@/api/schemas'
import { logMatches, type LogsQuery } from '@/backend/telemetry/params'
import type { LogsResponse } from '../source'
import { followFile, type FollowStatus } from './follower'
import { parseLine } from './parse-line'
import { RingBuffer } from './ring-buffer'

/**
 * Lines kept in memory. The same pool the simulator filters (FILTER_POOL): five times the
 * largest `limit`, so a filtered view (ERROR among mostly INFO) still finds its lines,
 * and about half an hour of a busy agent at a few lines a second. At the usual 200 bytes
 * a line that is about 1 MB; MAX_MESSAGE_CHARS bounds the worst case.
 */
export const LOG_BUFFER_LINES = 5_000
/** A line is cut here, so a runaway line (or a file without newlines) cannot grow memory. */
export const MAX_LINE_BYTES = 64 * 1024
/** History read from an existing file at start: about the buffer's worth of ordinary lines. */
const BACKLOG_BYTES = 2 * 1024 * 1024
const POLL_MS = 500

export interface LogFileSourceOptions {
  path: string
  /** The time a line was read, for lines that carry none. */
  now: () => number
  /** 0: no timer, the file is read when asked (tests). */
  pollMs?: number
  capacity?: number
  maxLineBytes?: number
}

export interface LogFileSource {
  logs(query: LogsQuery, nowMs: number): Promise<LogsResponse>
  /** What the panel says about the file: followed, not there yet, or unreadable. */
  describe(): LogSource
  close(): Promise<void>
}

export function createLogFileSource(options: LogFileSourceOptions): LogFileSource {
  const { path, now } = options
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES
  const ring = new RingBuffer<LogLine>(options.capacity ?? LOG_BUFFER_LINES)
  let seq = 0
  const follower = followFile({
    path,
    now,
    maxLineBytes,
    backlogBytes: BACKLOG_BYTES,
    pollMs: options.pollMs ?? POLL_MS,
    onLine: ({ text, cut }) => {
      seq += 1
      ring.push({ id: `line-${seq}`, ...parseLine(text, now(), cut ? `the line is longer than ${maxLineBytes} bytes` : null) })
    },
  })
  void follower.catchUp()

  const describe = (): LogSource => ({ kind: 'file', detail: detailOf(path, follower.status()) })

  return {
    describe,
    async logs(query) {
      await follower.catchUp()
      const lines: LogLine[] = []
      for (const line of ring.newestFirst()) {
        if (lines.length >= query.limit) break
        if (logMatches(line, query)) lines.push(line)
      }
      return { lines, source: describe() }
    },
    close: () => follower.close(),
  }
}

function detailOf(path: string, status: FollowStatus): string {
  const detail =
    status.kind === 'following'
      ? `Following ${path}`
      : status.kind === 'missing'
        ? `Waiting for ${path}: it does not exist (yet)`
        : `Cannot read ${path}: ${status.reason}`
  // The contract's limit; a path is rarely near it.
  return detail.length > 500 ? `${detail.slice(0, 499)}…` : detail
}
