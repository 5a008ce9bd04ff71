import { memo } from 'react'
import type { ShownComponentHealth } from '@/api/health'
import type { HealthState } from '@/api/schemas'
import { HEALTH_SHAPES, ShapeIcon } from './wall-icons'
import type { Incident } from '@/api/schemas'
import { COMPONENT_LABELS, COMPONENTS } from '@/domain/catalog'

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
 * One tile per component, in one row, in three lines: the name, the state, the reason.
 * Name and state each get the tile's whole width, so "OpenAI API" and "DEGRADED" are
 * read whole at 1920×1080 (side by side they do not fit a seventh of the screen); a
 * name the backend makes longer still wraps rather than being cut. The reason takes
 * two lines whatever it says, so a tile does not change height when an alert fires.
 * Each item reads "STT: down. <reason>" to a screen reader and a test alike. Memoised
 * on the components array: a refresh that brings the same states (structural sharing
 * keeps the array) renders nothing.
 */
export const HealthTiles = memo(function HealthTiles({
  components,
  handled,
}: {
  components: readonly ShownComponentHealth[]
  /** Component id → the open incident handling its alert: the tile stays red and says where. */
  handled: ReadonlyMap<string, Incident>
}) {
  if (components.length === 0) return <p className="text-lg text-zinc-300">The backend reported no components.</p>
  return (
    <ul aria-label="Service health" className="grid auto-cols-fr grid-flow-col gap-3">
      {components.map((c) => {
        const handledBy = c.state === 'up' ? undefined : handled.get(c.id)
        return (
          <li key={c.id} className={`flex min-w-0 flex-col rounded-lg border-2 px-3 py-1.5 ${TILE_STYLES[c.state]}`} title={c.reason}>
            <span className="text-2xl font-bold leading-tight [overflow-wrap:anywhere]">{c.name}</span>
            <span className="sr-only">: </span>
            <span className={`inline-flex items-center gap-1.5 text-xl font-bold uppercase leading-snug ${STATE_TEXT[c.state]}`}>
              <ShapeIcon shape={HEALTH_SHAPES[c.state]} />
              {c.state}
            </span>
            <span className="sr-only">. </span>
            <p className="line-clamp-2 h-[2lh] text-base leading-snug text-zinc-300">
              {handledBy !== undefined && <span className="font-semibold text-sky-200">Handled in {handledBy.id} · </span>}
              {c.reason}
            </p>
          </li>
        )
      })}
    </ul>
  )
})

/**
 * The catalog's components as dim, stateless tiles while the first answer is on its way:
 * the same three lines, so the panels below do not jump when the tiles land (they moved
 * ~108 px, a layout shift of 0.055, before this). Hidden from screen readers, which hear
 * the panel's own loading status instead.
 */
export function HealthTilesPlaceholder() {
  return (
    <ul aria-hidden="true" className="grid auto-cols-fr grid-flow-col gap-3 opacity-40">
      {COMPONENTS.map((id) => (
        <li key={id} className="flex min-w-0 flex-col rounded-lg border-2 border-dashed border-zinc-700 px-3 py-1.5">
          <span className="text-2xl font-bold leading-tight text-zinc-400 [overflow-wrap:anywhere]">{COMPONENT_LABELS[id]}</span>
          <span className="inline-flex items-center gap-1.5 text-xl font-bold leading-snug text-zinc-500">
            <ShapeIcon shape={HEALTH_SHAPES.unknown} className="invisible" />…
          </span>
          <p className="h-[2lh] text-base leading-snug" />
        </li>
      ))}
    </ul>
  )
}
