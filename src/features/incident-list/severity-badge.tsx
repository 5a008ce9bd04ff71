import { isKnownSeverity, severityInfo, type Severity } from '@/domain/severity'

const STYLES: Record<Severity, string> = {
  P1: 'bg-red-700 text-white dark:bg-red-600',
  P2: 'bg-orange-700 text-white',
  P3: 'bg-amber-300 text-amber-950 dark:bg-amber-400',
  P4: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100',
}
const UNKNOWN_STYLE = 'bg-fuchsia-800 text-white ring-2 ring-fuchsia-400 dark:bg-fuchsia-700'

/**
 * A severity as the API sent it. An unknown label is shown verbatim — dropping or
 * renaming it could hide a new class of emergency — and marked as treated like P1.
 */
export function SeverityBadge({ severity }: { severity: string }) {
  const known = isKnownSeverity(severity)
  const info = severityInfo(severity)
  const title = info ? `${info.id} — ${info.label}: ${info.impact}` : `Unknown severity “${severity}”: treated as the most urgent`
  return (
    <span
      title={title}
      className={`inline-flex h-5 max-w-full min-w-8 items-center justify-center gap-0.5 truncate rounded px-1.5 text-xs font-bold tabular-nums ${
        known ? STYLES[severity] : UNKNOWN_STYLE
      }`}
    >
      {!known && <span aria-hidden="true">?</span>}
      {severity}
    </span>
  )
}
