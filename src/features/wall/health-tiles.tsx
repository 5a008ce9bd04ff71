import { memo } from 'react'
import type { ComponentHealth, HealthState } from '@/api/schemas'
import { HEALTH_SHAPES, ShapeIcon } from './wall-icons'

const TILE_STYLES: Record<HealthState, string> = {
  up: 'border-zinc-600 bg-zinc-900',
  degraded: 'border-amber-400 bg-amber-950',
  down: 'border-red-500 bg-red-950',
  unknown: 'border-dashed border-zinc-400 bg-zinc-900',
}

const STATE_TEXT: Record<HealthState, string> = {
  up: 'text-emerald-300',
  degraded: 'text-amber-200',
  down: 'text-red-200',
  unknown: 'text-zinc-200',
}

/**
 * One tile per component, in one row. Each item reads "STT: down. <reason>" to a
 * screen reader and a test alike. Memoised on the components array: a refresh that
 * brings the same states (structural sharing keeps the array) renders nothing.
 */
export const HealthTiles = memo(function HealthTiles({ components }: { components: readonly ComponentHealth[] }) {
  if (components.length === 0) return <p className="text-lg text-zinc-300">The backend reported no components.</p>
  return (
    <ul aria-label="Service health" className="grid auto-cols-fr grid-flow-col gap-3">
      {components.map((c) => (
        <li key={c.id} className={`flex min-w-0 flex-col gap-1 rounded-lg border-2 px-3 py-2 ${TILE_STYLES[c.state]}`} title={c.reason}>
          <div className="flex items-center gap-2 text-2xl font-bold">
            <span className="truncate">{c.name}</span>
            <span className="sr-only">: </span>
            <span className={`ml-auto inline-flex shrink-0 items-center gap-1.5 uppercase ${STATE_TEXT[c.state]}`}>
              <ShapeIcon shape={HEALTH_SHAPES[c.state]} />
              {c.state}
            </span>
          </div>
          <span className="sr-only">. </span>
          <p className="truncate text-base text-zinc-300">{c.reason}</p>
        </li>
      ))}
    </ul>
  )
})
