import type { Incident } from '@/api/schemas'
import { unhandledText, type FiringCoverage } from '@/domain/alert-coverage'
import { TextLink } from '@/components/ui/text-link'
import { appPath } from '@/lib/safe-url'

/** "Handled in INC-10001": where the people already on this alert are working. */
export function HandledBy({ incident }: { incident: Incident }) {
  return (
    <span className="inline-flex items-center gap-1 text-sm">
      <span className="text-zinc-700 dark:text-zinc-300">Handled in</span>{' '}
      <TextLink to={appPath('incidents', incident.id)} title={incident.title}>
        {incident.id}
      </TextLink>
    </span>
  )
}

/** An amber line, shown only while critical alerts fire that no open incident covers. */
export function UnhandledNotice({ coverage }: { coverage: FiringCoverage | undefined }) {
  if (coverage === undefined || coverage.unhandled === 0) return null
  return (
    <p
      role="status"
      className="rounded-md border border-amber-500 bg-amber-50 px-3 py-1.5 text-sm font-semibold text-amber-950 dark:border-amber-400 dark:bg-amber-950/60 dark:text-amber-50"
    >
      <span aria-hidden="true">△ </span>
      {unhandledText(coverage)}
    </p>
  )
}
