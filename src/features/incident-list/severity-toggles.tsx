import { focusRing } from '@/components/ui/focus'
import { severityInfo } from '@/domain/severity'
import { SEVERITY_BUCKETS, type SeverityBucket, type SeverityCounts } from './filter-incidents'
import { UNKNOWN_SEVERITY } from './incident-filters'

const ACCENT: Record<SeverityBucket, string> = {
  P1: 'border-l-red-700',
  P2: 'border-l-orange-700',
  P3: 'border-l-amber-400',
  P4: 'border-l-zinc-400',
  unknown: 'border-l-fuchsia-700',
}

/**
 * The count per severity, each a toggle for the severity filter: the numbers answer
 * "how bad is it" and choosing one narrows the list. Counts follow the other filters.
 */
export function SeverityToggles({
  counts,
  selected,
  onChange,
}: {
  counts: SeverityCounts
  selected: readonly string[]
  onChange: (next: string[]) => void
}) {
  // Exact unknown labels from a link (?severity=SEV0) stay selected beside the toggles.
  const others = selected.filter((s) => !(SEVERITY_BUCKETS as readonly string[]).includes(s))
  return (
    <div role="group" aria-label="Severity" className="flex flex-wrap items-stretch gap-2">
      {SEVERITY_BUCKETS.map((bucket) => {
        const pressed = selected.includes(bucket)
        const info = severityInfo(bucket)
        const name = bucket === UNKNOWN_SEVERITY ? 'Unknown' : bucket
        return (
          <button
            key={bucket}
            type="button"
            aria-pressed={pressed}
            title={info ? `${info.label}: ${info.impact}` : 'Severities outside P1–P4, treated as the most urgent'}
            onClick={() => {
              onChange(pressed ? selected.filter((s) => s !== bucket) : [...selected, bucket])
            }}
            className={`flex min-w-20 flex-col items-start rounded-md border border-l-4 px-2.5 py-1 text-left ${ACCENT[bucket]} ${
              pressed
                ? 'border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900'
                : 'border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-600 dark:bg-zinc-900 dark:hover:bg-zinc-800'
            } ${focusRing}`}
          >
            <span className="text-xs font-semibold">
              {pressed && <span aria-hidden="true">✓ </span>}
              {name}
            </span>{' '}
            <span className="text-lg leading-tight font-bold tabular-nums">{counts[bucket]}</span>{' '}
            <span className="sr-only">{counts[bucket] === 1 ? 'incident' : 'incidents'}</span>
          </button>
        )
      })}
      {others.map((label) => (
        <button
          key={label}
          type="button"
          aria-pressed="true"
          onClick={() => {
            onChange(selected.filter((s) => s !== label))
          }}
          className={`rounded-md border border-zinc-900 bg-zinc-900 px-2.5 py-1 text-xs font-semibold text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900 ${focusRing}`}
        >
          <span aria-hidden="true">✓ </span>
          {label}
        </button>
      ))}
    </div>
  )
}
