import { memo } from 'react'
import type { Alert, Incident } from '@/api/schemas'
import { METRIC_UNITS } from '@/domain/catalog'
import { formatValue, NO_VALUE } from '@/domain/format'
import { Button } from '@/components/ui/button'
import { RelativeTime } from '@/components/ui/relative-time'
import { TextLink } from '@/components/ui/text-link'
import { formatClockTime } from '@/lib/format-time'
import {
  conditionText,
  describeSpan,
  playbookTitle,
  SEVERITY_LABELS,
  STATE_LABELS,
  stripSegments,
  type HistorySpan,
} from './alert-view'
import { HandledBy } from './handled-by'
import { LinkToIncident } from './link-to-incident'
import { SeverityIcon } from './severity-icon'

/** Spans stated in words under the strip; older ones are counted, not listed. */
const SPANS_IN_WORDS = 4

const STATE_BADGE: Record<Alert['state'], string> = {
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

const STATE_MARK: Record<Alert['state'], string> = { firing: '▲', pending: '△', inactive: '○', nodata: '◌' }

export function StateBadge({ state }: { state: Alert['state'] }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 text-xs font-semibold whitespace-nowrap ${STATE_BADGE[state]}`}>
      <span aria-hidden="true">{STATE_MARK[state]}</span>
      {STATE_LABELS[state]}
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
        <TextLink to={`/runbooks/${encodeURIComponent(alert.playbook)}`}>Playbook: {playbookTitle(alert.playbook)}</TextLink>
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
export const AlertItem = memo(function AlertItem({ alert, history, window, formatTime = formatClockTime, chartHref, onDeclare, handledBy }: AlertItemProps) {
  const active = alert.state === 'firing' || alert.state === 'pending'
  return (
    <li className="flex flex-col gap-1.5 border-b border-zinc-200 py-2.5 last:border-b-0 dark:border-zinc-800">
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
          <span>{STATE_LABELS[alert.state]} throughout the evaluated window.</span>
        ) : (
          <span>
            {STATE_LABELS[alert.state]} since <RelativeTime at={Date.parse(alert.since)} tickMs={10_000} />.
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
