import { serverNow } from '@/api/server-time'
import type { Incident } from '@/api/schemas'
import { isOpen } from '@/domain/incident-status'
import { responseClock, type ClockState } from '@/domain/response-clock'
import { useNow } from '@/lib/use-now'
import { clockText } from './clock-text'

/** Under this much time left, a running clock turns amber. */
const WARN_MS = 60_000

/**
 * The acknowledgement clock of one incident. Only an open, unacknowledged incident's
 * clock moves, so only that one subscribes to the one-second tick; the rest render once.
 */
export function ResponseClockCell({ incident }: { incident: Incident }) {
  const declaredAt = Date.parse(incident.declaredAt)
  const acknowledgedAt = incident.acknowledgedAt === null ? null : Date.parse(incident.acknowledgedAt)
  const input = { severity: incident.severity, declaredAt, acknowledgedAt }
  if (acknowledgedAt === null && isOpen(incident.status)) return <LiveClock input={input} />
  if (acknowledgedAt === null) {
    // Resolved without an acknowledgement: the clock stopped when the work did.
    const stoppedAt = Date.parse(incident.resolvedAt ?? incident.closedAt ?? incident.updatedAt)
    const state = responseClock(input, stoppedAt)
    if (state.kind === 'running') return <ClockFace state={state} override="Not acknowledged" />
    return <ClockFace state={state} />
  }
  return <ClockFace state={responseClock(input, acknowledgedAt)} />
}

function LiveClock({ input }: { input: Parameters<typeof responseClock>[0] }) {
  // Deadlines count from the server's clock: a browser a minute fast must not show a false breach.
  const now = serverNow(useNow(1000))
  return <ClockFace state={responseClock(input, now)} />
}

function ClockFace({ state, override }: { state: ClockState; override?: string }) {
  const { text, detail } = clockText(state)
  if (state.kind === 'breached') {
    return (
      <span
        title={detail}
        className="inline-flex items-center gap-1 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white tabular-nums dark:bg-red-600"
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="shrink-0">
          <path d="M6 0.8 L11.4 10.8 H0.6 Z" fill="currentColor" />
          <path d="M6 4.2 V7.2 M6 8.7 V9" stroke="#b91c1c" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
        {text}
        <span className="sr-only">. {detail}</span>
      </span>
    )
  }
  if (override !== undefined) {
    return <span className="text-xs text-zinc-600 dark:text-zinc-400">{override}</span>
  }
  if (state.kind === 'met') {
    return (
      <span title={detail} className="text-xs text-emerald-800 dark:text-emerald-300">
        <span aria-hidden="true">✓ </span>
        {text}
      </span>
    )
  }
  const urgent = state.remainingMs <= WARN_MS
  return (
    <span
      title={detail}
      className={`text-sm font-semibold tabular-nums ${urgent ? 'rounded bg-amber-200 px-1 text-amber-950 dark:bg-amber-400' : ''}`}
    >
      {text}
    </span>
  )
}
