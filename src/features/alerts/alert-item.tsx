import { memo, useEffect, useRef } from 'react'
import type { Alert, AlertState, Incident } from '@/api/schemas'
import { alertStateLabel, isKnownAlertState, type ShownAlertState } from '@/domain/alert-state'
import { METRIC_UNITS } from '@/domain/catalog'
import { formatValue, NO_VALUE } from '@/domain/format'
import { Button } from '@/components/ui/button'
import { RelativeTime } from '@/components/ui/relative-time'
import { TextLink } from '@/components/ui/text-link'
import { formatClockTime } from '@/lib/format-time'
import { scrollBehavior } from '@/lib/reduced-motion'
import {
  conditionText,
  describeSpan,
  playbookTitle,
  SEVERITY_LABELS,
  stripSegments,
  type HistorySpan,
} from './alert-view'
import { HandledBy } from './handled-by'
import { LinkToIncident } from './link-to-incident'
import { SeverityIcon } from './severity-icon'
import { appPath } from '@/lib/safe-url'

/** Spans stated in words under the strip; older ones are counted, not listed. */
const SPANS_IN_WORDS = 4

const STATE_BADGE: Record<AlertState, string> = {
  firing: 'border-red-600 bg-red-600 text-white dark:border-red-500 dark:bg-red-600',
  pending: 'border-amber-500 bg-amber-100 text-amber-950 dark:border-amber-400 dark:bg-amber-900/60 dark:text-amber-50',
  inactive: 'border-zinc-300 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300',
  nodata: 'border-dashed border-zinc-500 text-zinc-700 dark:border-zinc-400 dark:text-zinc-300',
}

const SEGMENT_COLORS: Record<HistorySpan['state'], string> = {
  firing: 'bg-red-600 dark:bg-red-500',
  pending: 'bg-amber-400 dark:bg-amber-400',
  nodata: 'bg-zinc-400 dark:bg-zinc-500',
}

const STATE_MARK: Record<AlertState, string> = { firing: '▲', pending: '△', inactive: '○', nodata: '◌' }

/** A state this version does not know: grey and dashed, with the word as sent ("resolved (unknown state)"). */
const UNKNOWN_BADGE = 'border-dashed border-zinc-500 bg-zinc-100 text-zinc-800 dark:border-zinc-400 dark:bg-zinc-800 dark:text-zinc-100'

export function StateBadge({ state }: { state: ShownAlertState }) {
  const known = isKnownAlertState(state)
  return (
    <span
      title={known ? undefined : 'A state this version of Vigil does not know: counted neither as firing nor as quiet.'}
      className={`inline-flex items-center gap-1 rounded-full border px-2 text-xs font-semibold whitespace-nowrap ${known ? STATE_BADGE[state] : UNKNOWN_BADGE}`}
    >
      <span aria-hidden="true">{known ? STATE_MARK[state] : '?'}</span>
      {alertStateLabel(state)}
    </span>
  )
}

export function alertValueText(alert: Pick<Alert, 'metric' | 'value'>): string {
  if (alert.value === null) return NO_VALUE
  return alert.metric === null ? String(alert.value) : formatValue(METRIC_UNITS[alert.metric], alert.value)
}

export interface AlertLinksProps {
  alert: Alert
  chartHref?: (alert: Alert) => string
  onDeclare?: (alert: Alert) => void
  /** The open incident already handling this alert: linked, and no second Declare offered. */
  handledBy?: Incident | undefined
}

/** Where a responder goes from an alert: its chart, its playbook, and declaring an incident. */
export function AlertLinks({ alert, chartHref, onDeclare, handledBy }: AlertLinksProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      {chartHref !== undefined && (
        <TextLink to={chartHref(alert)}>
          Chart <span className="sr-only">of {alert.name}</span>
        </TextLink>
      )}
      {alert.playbook !== null && (
        <TextLink to={appPath('runbooks', alert.playbook)}>Playbook: {playbookTitle(alert.playbook)}</TextLink>
      )}
      {handledBy !== undefined && <HandledBy incident={handledBy} />}
      {onDeclare !== undefined && handledBy === undefined && alert.state === 'firing' && (
        <Button
          size="sm"
          variant="primary"
          aria-haspopup="dialog"
          onClick={() => {
            onDeclare(alert)
          }}
        >
          Declare incident <span className="sr-only">for {alert.name}</span>
        </Button>
      )}
      {onDeclare !== undefined && handledBy === undefined && alert.state === 'firing' && <LinkToIncident alert={alert} />}
    </div>
  )
}

export interface AlertItemProps extends AlertLinksProps {
  /** Selected with `j`/`k`: marked, and scrolled into view. */
  selected?: boolean
  /** The alert's spans over the window, oldest first; undefined while the history loads. */
  history: readonly HistorySpan[] | undefined
  /** The history's window; null when there is none (yet). */
  window: { fromMs: number; toMs: number } | null
  formatTime?: (ms: number) => string
}

/**
 * One rule instance: severity, name, state and value on the first line; the condition
 * and since when; its history over the range as a strip and in words; and, when it
 * fires or is pending, the way to its chart, its playbook and an incident.
 */
export const AlertItem = memo(function AlertItem({
  alert,
  history,
  window,
  formatTime = formatClockTime,
  chartHref,
  onDeclare,
  handledBy,
  selected = false,
}: AlertItemProps) {
  const active = alert.state === 'firing' || alert.state === 'pending'
  const item = useRef<HTMLLIElement>(null)
  useEffect(() => {
    // jsdom has no scrolling.
    if (selected && typeof item.current?.scrollIntoView === 'function') item.current.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() })
  }, [selected])
  return (
    // aria-current, not aria-selected: a list item may not carry aria-selected (axe's aria-allowed-attr),
    // and making the list a listbox would put its links and buttons inside options.
    <li
      ref={item}
      aria-current={selected || undefined}
      className="flex flex-col gap-1.5 border-b border-zinc-200 py-2.5 last:border-b-0 aria-[current=true]:bg-sky-50 aria-[current=true]:outline-2 aria-[current=true]:outline-offset-2 aria-[current=true]:outline-sky-600 dark:border-zinc-800 dark:aria-[current=true]:bg-sky-950/50 dark:aria-[current=true]:outline-sky-400"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <SeverityIcon severity={alert.severity} />
        <span className="text-xs font-semibold tracking-wide uppercase">{SEVERITY_LABELS[alert.severity]}</span>
        <span className="sr-only">: </span>
        <span className="font-semibold break-words">{alert.name}</span>
        <span className="sr-only">, </span>
        <StateBadge state={alert.state} />
        <span className="ml-auto text-sm tabular-nums">
          <span className="text-zinc-600 dark:text-zinc-400">Now </span>
          {alertValueText(alert)}
        </span>
      </div>
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        {conditionText(alert)}.{' '}
        {alert.since === null ? (
          <span>{alertStateLabel(alert.state)} throughout the evaluated window.</span>
        ) : (
          <span>
            {alertStateLabel(alert.state)} since <RelativeTime at={Date.parse(alert.since)} tickMs={10_000} />.
          </span>
        )}
      </p>
      {window !== null && history !== undefined && <HistoryStrip spans={history} window={window} formatTime={formatTime} />}
      {active && <AlertLinks alert={alert} chartHref={chartHref} onDeclare={onDeclare} handledBy={handledBy} />}
    </li>
  )
})

function HistoryStrip({
  spans,
  window,
  formatTime,
}: {
  spans: readonly HistorySpan[]
  window: { fromMs: number; toMs: number }
  formatTime: (ms: number) => string
}) {
  const segments = stripSegments(spans, window.fromMs, window.toMs)
  const described = spans.slice(-SPANS_IN_WORDS).map((s) => describeSpan(s, window.toMs, formatTime))
  const earlier = spans.length - described.length
  return (
    <div className="flex flex-col gap-0.5">
      <div aria-hidden="true" className="relative h-2 w-full overflow-hidden rounded-sm bg-zinc-100 dark:bg-zinc-800">
        {segments.map((s) => (
          <span
            key={`${s.state}-${s.left}`}
            className={`absolute inset-y-0 ${SEGMENT_COLORS[s.state]}`}
            style={{ left: `${s.left}%`, width: `${s.width}%` }}
          />
        ))}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {spans.length === 0
          ? 'Not pending or firing in this range.'
          : `History: ${described.join('; ')}${earlier > 0 ? ` (and ${earlier} earlier)` : ''}.`}
      </p>
    </div>
  )
}
