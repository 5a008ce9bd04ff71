import { memo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { healthQueries, type HealthAnswer, type ShownComponentHealth } from '@/api/health'
import type { HealthState } from '@/api/schemas'
import { QueryPanel, Skeleton } from '@/components/ui/panel'
import { RelativeTime } from '@/components/ui/relative-time'
import { SetAsideNotice } from '@/components/ui/set-aside-notice'
import { StateIcon } from './state-icon'
import type { Incident } from '@/api/schemas'
import { TextLink } from '@/components/ui/text-link'
import { useAlertCoverage } from '@/lib/use-alert-coverage'
import { polling } from '@/api/refresh-schedule'
import { appPath } from '@/lib/safe-url'

const NOBODY: ReadonlyMap<string, Incident> = new Map()

export const HEALTH_REFRESH_MS = 10_000

const STATE_STYLES: Record<HealthState, string> = {
  up: 'border-zinc-200 dark:border-zinc-700',
  degraded: 'border-amber-400 bg-amber-50 dark:border-amber-500/70 dark:bg-amber-950/30',
  down: 'border-red-500 bg-red-50 dark:border-red-500/80 dark:bg-red-950/40',
  unknown: 'border-dashed border-zinc-400 dark:border-zinc-500',
}

const STATE_TEXT: Record<HealthState, string> = {
  up: 'text-emerald-800 dark:text-emerald-300',
  degraded: 'text-amber-900 dark:text-amber-200',
  down: 'text-red-800 dark:text-red-200',
  unknown: 'text-zinc-700 dark:text-zinc-300',
}

/** One tile per component from GET /api/health, refreshed every 10 s. */
export function HealthStrip({ title = 'Service health' }: { title?: string }) {
  const query = useQuery({ ...healthQueries.current(), ...polling(HEALTH_REFRESH_MS) })
  const { components: handled } = useAlertCoverage()
  return (
    <QueryPanel
      title={title}
      query={query}
      actions={query.data && <CheckedAt at={query.data.at} />}
      skeleton={<Skeleton rows={2} />}
    >
      {(data) => (
        <>
          <HealthList components={data.components} handled={handled} />
          <SetAsideNotice setAside={data.setAside} noun={['component', 'components']} />
        </>
      )}
    </QueryPanel>
  )
}

function CheckedAt({ at }: { at: HealthAnswer['at'] }) {
  return (
    <span>
      Checked <RelativeTime at={Date.parse(at)} />
    </span>
  )
}

/** Memoised: a refetch that returns the same states (structural sharing) renders nothing. */
export const HealthList = memo(function HealthList({
  components,
  handled = NOBODY,
}: {
  components: readonly ShownComponentHealth[]
  /** Component id → the open incident handling its alert: the tile stays red and says where. */
  handled?: ReadonlyMap<string, Incident>
}) {
  if (components.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">The backend reported no components.</p>
  }
  return (
    <ul aria-label="Service health" className="grid grid-cols-[repeat(auto-fit,minmax(9.5rem,1fr))] gap-2">
      {components.map((c) => (
        <HealthItem key={c.id} component={c} handledBy={c.state === 'up' ? undefined : handled.get(c.id)} />
      ))}
    </ul>
  )
})

function HealthItem({ component, handledBy }: { component: ShownComponentHealth; handledBy: Incident | undefined }) {
  const { name, state, reason } = component
  return (
    <li className={`flex min-w-0 flex-col gap-0.5 rounded-md border px-2 py-1.5 ${STATE_STYLES[state]}`} title={reason}>
      {/* Name and state are each read whole: in a narrow tile (a phone's two columns) the
          state wraps under the name rather than cutting "Voice agent" to "Voice ag…". */}
      <div className="flex flex-wrap items-center gap-x-1.5">
        <span className="flex min-w-0 items-center gap-1.5">
          <StateIcon state={state} />
          <span className="text-sm font-semibold [overflow-wrap:anywhere]">{name}</span>
        </span>
        <span className="sr-only">: </span>
        <span className={`ml-auto text-xs font-semibold uppercase tracking-wide ${STATE_TEXT[state]}`}>{state}</span>
      </div>
      <span className="sr-only">. </span>
      {handledBy !== undefined && (
        <p className="text-xs font-medium">
          Handled in{' '}
          <TextLink to={appPath('incidents', handledBy.id)} title={handledBy.title}>
            {handledBy.id}
          </TextLink>
        </p>
      )}
      <p className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-300">{reason}</p>
    </li>
  )
}
