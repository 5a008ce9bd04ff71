import { memo } from 'react'
import type { Alert, AlertState, Incident } from '@/api/schemas'
import { METRIC_UNITS } from '@/domain/catalog'
import { formatValue } from '@/domain/format'
import { isKnownAlertState, type ShownAlertState } from '@/domain/alert-state'
import { ALERT_SHAPES, ShapeIcon } from './wall-icons'
import { useFittingCount } from './use-fitting-count'
import { MoreCount } from './wall-panel'
import type { AlertCounts } from './wall-alerts'

/** At most this many rows; fewer when the panel is shorter (see useFittingCount). */
export const MAX_ALERT_ROWS = 8

const STATE_WORDS: Partial<Record<AlertState, string>> = { firing: 'Firing', pending: 'Pending', nodata: 'No data' }
const STATE_STYLES: Partial<Record<AlertState, string>> = {
  firing: 'border-red-500 bg-red-950 text-red-100',
  pending: 'border-amber-400 bg-amber-950/60 text-amber-100',
  nodata: 'border-dashed border-zinc-400 bg-zinc-900 text-zinc-100',
}
/** A state this version does not know: grey and dashed like "no data", with the word as sent. */
const UNKNOWN_STYLE = 'border-dashed border-zinc-400 bg-zinc-900 text-zinc-100'

const shapeOf = (state: ShownAlertState) => (isKnownAlertState(state) ? ALERT_SHAPES[state] : 'unknown')

/** Firing and pending alerts, most urgent first (the caller sorts); memoised on the list. */
export const AlertList = memo(function AlertList({
  alerts,
  handling,
}: {
  alerts: readonly Alert[]
  /** Alert id → the open incident handling it: the row says where, so nobody declares it twice. */
  handling: ReadonlyMap<string, Incident>
}) {
  const [fit, rows] = useFittingCount<HTMLUListElement>(MAX_ALERT_ROWS)
  if (alerts.length === 0) {
    return (
      <p className="flex items-center gap-3 text-2xl font-semibold text-emerald-200">
        <ShapeIcon shape="ok" />
        No alerts firing or pending
      </p>
    )
  }
  const shown = alerts.slice(0, rows)
  return (
    <>
      <ul aria-label="Active alerts" ref={fit} className="flex min-h-0 flex-1 flex-col gap-2 overflow-hidden">
        {shown.map((a) => {
          const handledIn = handling.get(a.id)
          return (
            <li
              key={a.id}
              className={`flex shrink-0 items-center gap-3 rounded-lg border-l-8 px-3 py-1.5 text-xl ${isKnownAlertState(a.state) ? (STATE_STYLES[a.state] ?? '') : UNKNOWN_STYLE}`}
            >
              <ShapeIcon shape={shapeOf(a.state)} className="text-2xl" />
              {isKnownAlertState(a.state) ? (
                <span className="w-[5.5rem] shrink-0 font-bold uppercase">{STATE_WORDS[a.state]}</span>
              ) : (
                <span className="w-[5.5rem] shrink-0 truncate font-bold uppercase" title={`${a.state} (unknown state)`}>
                  {a.state}
                  <span className="sr-only"> (unknown state)</span>
                </span>
              )}
              <span className="w-[5.5rem] shrink-0 capitalize">{a.severity}</span>
              <span className="min-w-0 flex-1 truncate font-semibold">{a.name}</span>
              {handledIn !== undefined && <span className="shrink-0 text-lg font-semibold text-sky-200">Handled in {handledIn.id}</span>}
              {a.metric !== null && a.value !== null && (
                <span className="shrink-0 tabular-nums">{formatValue(METRIC_UNITS[a.metric], a.value)}</span>
              )}
            </li>
          )
        })}
      </ul>
      <MoreCount count={alerts.length - shown.length} />
    </>
  )
})

export function AlertSummary({ counts }: { counts: AlertCounts }) {
  return (
    <p className="flex shrink-0 items-baseline gap-4 text-2xl font-bold tabular-nums">
      <span className={counts.firing > 0 ? 'text-red-300' : 'text-zinc-300'}>{counts.firing} firing</span>
      <span className={counts.pending > 0 ? 'text-amber-200' : 'text-zinc-300'}>{counts.pending} pending</span>
    </p>
  )
}
