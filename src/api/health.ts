import { queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { apiFetch } from './client'
import { parseItems, type SetAside } from './lenient-list'
import { componentHealth, healthState, isoDateTime, type ComponentHealth } from './schemas'

/** The answer's frame, strict; its components are parsed one by one. */
const healthEnvelope = z.object({ at: isoDateTime, components: z.array(z.unknown()) })

/**
 * A component as the app reads it. A component the catalog does not know yet is still
 * a component to show, and a state it does not know is shown as "unknown" — the tile's
 * existing state for "cannot tell" — rather than blanking the strip.
 */
const shownComponent = z.extend(componentHealth, {
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  state: z.catch(healthState, 'unknown'),
})
export type ShownComponentHealth = Omit<ComponentHealth, 'id'> & { id: string }

export interface HealthAnswer {
  at: string
  components: ShownComponentHealth[]
  setAside: SetAside
}

export async function fetchHealth(signal?: AbortSignal): Promise<HealthAnswer> {
  return readHealth(await apiFetch('/api/health', healthEnvelope, { signal }))
}

/** The components of an answer whose frame parsed, one by one. */
export function readHealth(answer: { at: string; components: readonly unknown[] }): HealthAnswer {
  const { items, setAside } = parseItems(answer.components, shownComponent, (c) => c.id)
  return { at: answer.at, components: items, setAside }
}

export const healthQueries = {
  all: () => ['health'] as const,
  current: () =>
    queryOptions({
      queryKey: healthQueries.all(),
      queryFn: ({ signal }) => fetchHealth(signal),
    }),
}
