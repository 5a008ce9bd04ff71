import type { Incident } from '@/api/schemas'
import { formatDuration } from '@/domain/format'
import { responseClock, type ClockState } from '@/domain/response-clock'
import { formatCountdown } from './countdown'
import { useServerNow } from './use-server-now'

/** The clock's inputs from the wire incident (ISO strings → epoch ms). */
export function clockInput(incident: Pick<Incident, 'severity' | 'declaredAt' | 'acknowledgedAt'>) {
  return {
    severity: incident.severity,
    declaredAt: Date.parse(incident.declaredAt),
    acknowledgedAt: incident.acknowledgedAt === null ? null : Date.parse(incident.acknowledgedAt),
  }
}

/** The response clock of an incident, on the server's time. */
export function useResponseClock(incident: Pick<Incident, 'severity' | 'declaredAt' | 'acknowledgedAt'>): ClockState {
  const now = useServerNow()
  return responseClock(clockInput(incident), now)
}

/** What the clock says, in words: the sentence that ticks. */
export function clockText(clock: ClockState): string {
  switch (clock.kind) {
    case 'running':
      return `Acknowledge within ${formatCountdown(clock.remainingMs, 'left')}`
    case 'met':
      return `Acknowledged in ${formatDuration(clock.tookMs)}`
    case 'breached':
      return `Response time breached by ${formatCountdown(clock.overdueMs, 'overdue')}`
  }
}

const STYLES: Record<ClockState['kind'] | 'late', string> = {
  running: 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-500/60 dark:bg-amber-950/40 dark:text-amber-100',
  met: 'border-emerald-500 bg-emerald-50 text-emerald-950 dark:border-emerald-500/60 dark:bg-emerald-950/40 dark:text-emerald-100',
  breached: 'border-red-800 bg-red-700 text-white dark:border-red-400 dark:bg-red-700 dark:text-white',
  late: 'border-red-400 bg-red-50 text-red-950 dark:border-red-500/60 dark:bg-red-950/40 dark:text-red-100',
}

/**
 * The acknowledgement deadline, counting down; once it passes, a breach nobody can
 * miss: red, a warning sign and the word BREACHED, not colour alone. The state word is
 * a polite live region, so a screen reader hears the change ("BREACHED") once, not the
 * ticking seconds.
 */
export function ResponseClock({ incident }: { incident: Pick<Incident, 'severity' | 'declaredAt' | 'acknowledgedAt'> }) {
  const clock = useResponseClock(incident)
  const late = clock.kind === 'breached' && clock.acknowledged
  const style = STYLES[late ? 'late' : clock.kind]
  const word = clock.kind === 'running' ? 'Awaiting acknowledgement' : clock.kind === 'met' ? 'Response time met' : 'BREACHED'
  const text =
    clock.kind === 'breached' && clock.acknowledged && incident.acknowledgedAt !== null
      ? `Acknowledged in ${formatDuration(Date.parse(incident.acknowledgedAt) - Date.parse(incident.declaredAt))} — response time breached by ${formatCountdown(clock.overdueMs, 'overdue')}`
      : clockText(clock)
  return (
    <div className={`inline-flex flex-wrap items-center gap-x-2 gap-y-1 self-start rounded-md border-2 px-3 py-1.5 text-sm ${style}`}>
      <ClockIcon kind={clock.kind} />
      <span role="status" className="font-bold tracking-wide">
        {word}
      </span>
      <span role="timer" className="font-semibold tabular-nums">
        {text}
      </span>
    </div>
  )
}

/** Drawn, not a font glyph: not every system font has ⏱. */
function ClockIcon({ kind }: { kind: ClockState['kind'] }) {
  const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, fill: 'none', stroke: 'currentColor', strokeWidth: 2 } as const
  if (kind === 'met') {
    return (
      <svg {...common}>
        <path d="M3 8.5l3 3 7-7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    )
  }
  if (kind === 'breached') {
    return (
      <svg {...common}>
        <path d="M8 1.5l7 13H1z" strokeLinejoin="round" />
        <path d="M8 6v4M8 12v.5" strokeLinecap="round" />
      </svg>
    )
  }
  return (
    <svg {...common}>
      <circle cx="8" cy="9" r="6" />
      <path d="M8 5.5V9l2 1.5M6 1h4" strokeLinecap="round" />
    </svg>
  )
}
