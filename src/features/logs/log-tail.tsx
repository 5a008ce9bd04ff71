import { memo, useCallback, useEffect, useId, useMemo, useRef } from 'react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { logQueries, type ShownLogLine } from '@/api/logs'
import type { LogLine, LogSource } from '@/api/schemas'
import { Panel, QueryContent, Skeleton } from '@/components/ui/panel'
import { Button } from '@/components/ui/button'
import { focusRing } from '@/components/ui/focus'
import { Select } from '@/components/ui/select'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { formatExactTime, formatZonedTime } from '@/lib/format-time'
import {
  LOG_LEVELS,
  LOG_SERVICES,
  LOG_TAIL_LIMIT,
  MAX_LOG_QUERY,
  parseLogFilters,
  toLogRequest,
  writeLogFilters,
  type LogFilters,
} from './log-filters'
import { controlClass } from '@/components/ui/control-class'
import { polling } from '@/api/refresh-schedule'

export const LOG_REFRESH_MS = 10_000
/** Typing pauses this long before the search is applied. */
const TYPING_PAUSE_MS = 400

const LEVEL_STYLES: Record<LogLine['level'], string> = {
  DEBUG: 'text-zinc-600 dark:text-zinc-400',
  INFO: 'text-sky-800 dark:text-sky-300',
  WARN: 'text-amber-800 dark:text-amber-300',
  ERROR: 'text-red-700 dark:text-red-300 font-bold',
}

/** A level the contract does not list (FATAL, TRACE) is shown as sent, in the loudest style: it is rarely good news. */
function levelStyle(level: string): string {
  return level in LEVEL_STYLES ? LEVEL_STYLES[level as LogLine['level']] : 'text-red-800 dark:text-red-200 font-bold underline'
}

function useLogFilters(): [LogFilters, (next: LogFilters) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseLogFilters(params), [params])
  const setFilters = useCallback(
    (next: LogFilters) => {
      setParams((prev) => writeLogFilters(prev, next), { replace: true, preventScrollReset: true })
    },
    [setParams],
  )
  return [filters, setFilters]
}

/**
 * The newest lines of the agent's log, filtered by level, service and text from the
 * URL, refreshed every 10 s. Lines are text: React escapes them, nothing is parsed.
 */
export function LogTail() {
  const [filters, setFilters] = useLogFilters()
  const request = useMemo(() => toLogRequest(filters), [filters])
  const query = useQuery({
    ...logQueries.tail(request),
    ...polling(LOG_REFRESH_MS),
    // A new filter keeps the old lines on screen, marked as updating, rather than a blank.
    placeholderData: keepPreviousData,
  })
  return (
    <Panel
      title="Recent log lines"
      busy={query.data === undefined && query.error === null}
      actions={<span>Newest first, up to {LOG_TAIL_LIMIT}</span>}
    >
      <LogFilterBar filters={filters} onChange={setFilters} />
      {query.isPlaceholderData && (
        <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
          Updating…
        </p>
      )}
      <QueryContent what="Log lines" query={query} skeleton={<Skeleton rows={6} />}>
        {(data) =>
          data.source?.kind === 'none' ? (
            <NoLogSource />
          ) : (
            <>
              <LogSourceCaption source={data.source} />
              <SetAsideNotice setAside={data.setAside} noun={['log line', 'log lines']} />
              <LogLines lines={data.lines} />
            </>
          )
        }
      </QueryContent>
    </Panel>
  )
}

function LogFilterBar({ filters, onChange }: { filters: LogFilters; onChange: (next: LogFilters) => void }) {
  const searchId = useId()
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const input = useRef<HTMLInputElement>(null)
  // The latest filters, for a search applied after a pause in typing.
  const latest = useRef(filters)
  useEffect(() => {
    latest.current = filters
  })
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current)
    },
    [],
  )
  const applySearch = (text: string) => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
    if (text.trim() !== latest.current.q.trim()) onChange({ ...latest.current, q: text })
  }
  const knownService = filters.service === '' || LOG_SERVICES.some((s) => s.id === filters.service)

  return (
    <form
      role="search"
      aria-label="Filter log lines"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault()
        applySearch(input.current?.value ?? '')
      }}
    >
      <Select
        label="Level"
        value={filters.level}
        onChange={(e) => {
          const level = LOG_LEVELS.find((l) => l === e.target.value) ?? ''
          onChange({ ...filters, level })
        }}
      >
        <option value="">All levels</option>
        {LOG_LEVELS.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </Select>
      <Select
        label="Service"
        value={filters.service}
        onChange={(e) => {
          onChange({ ...filters, service: e.target.value })
        }}
      >
        <option value="">All services</option>
        {LOG_SERVICES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
        {!knownService && <option value={filters.service}>{filters.service}</option>}
      </Select>
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Text
        </label>
        <input
          ref={input}
          id={searchId}
          type="search"
          defaultValue={filters.q}
          maxLength={MAX_LOG_QUERY}
          placeholder="rate limit, 503, room-…"
          onChange={(e) => {
            const text = e.target.value
            if (timer.current !== null) clearTimeout(timer.current)
            timer.current = setTimeout(() => {
              applySearch(text)
            }, TYPING_PAUSE_MS)
          }}
          className={`w-56 ${controlClass}`}
        />
      </div>
      <Button type="submit">Search</Button>
    </form>
  )
}

/** A server on Prometheus with no VIGIL_LOG_FILE has no lines to give, and never simulated ones. */
function NoLogSource() {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      No log source configured: set VIGIL_LOG_FILE on the server to the agent&apos;s log file.
    </p>
  )
}

/** Where the lines come from, so simulated lines are never taken for the agent's own. */
function LogSourceCaption({ source }: { source: LogSource | null }) {
  if (source === null || source.kind === 'none') return null
  const text = source.kind === 'simulator' ? "Simulated lines, not a real agent's log" : (source.detail ?? "From the agent's log file")
  return <p className="text-xs break-all text-zinc-600 dark:text-zinc-400">{text}</p>
}

/** Memoised: an unchanged tail (structural sharing) renders nothing on refresh. */
const LogLines = memo(function LogLines({ lines }: { lines: readonly ShownLogLine[] }) {
  if (lines.length === 0) return <p className="text-sm text-zinc-700 dark:text-zinc-300">No log lines match.</p>
  return (
    // A scrolling box must be reachable by keyboard to be scrolled (WCAG 2.1.1), hence the tab stop.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-label="Log tail" tabIndex={0} className={`max-h-[40rem] overflow-y-auto rounded ${focusRing}`}>
      <ol aria-label="Log lines" className="flex flex-col font-mono text-xs">
      {lines.map((line) => (
        <li key={line.id} className="grid grid-cols-[auto_auto_auto_1fr] gap-x-2 border-b border-zinc-100 py-1 last:border-b-0 dark:border-zinc-800">
          <time dateTime={line.at} title={formatZonedTime(Date.parse(line.at))} className="text-zinc-600 tabular-nums dark:text-zinc-400">
            {formatExactTime(Date.parse(line.at)).slice(11)}
          </time>
          <span className={`w-11 ${levelStyle(line.level)}`}>{line.level}</span>
          <span className="text-zinc-700 dark:text-zinc-300">{line.service}</span>
          <span className="min-w-0 break-words whitespace-pre-wrap text-zinc-900 dark:text-zinc-100">
            {line.message}
            {line.errorType !== null && (
              <span className="ml-2 rounded bg-zinc-100 px-1 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">error_type={line.errorType}</span>
            )}
          </span>
        </li>
      ))}
      </ol>
    </div>
  )
})
