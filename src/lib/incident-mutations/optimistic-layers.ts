/**
 * What an incident looks like while changes to it are on their way: the last incident
 * the server gave us (its "ground"), with every change still in flight laid over it in
 * the order it was made. When a server value lands meanwhile — the answer to an earlier
 * save, a poll, another tab's change — it becomes the new ground and the pending changes
 * are laid over it again, in the same cache write. So a responder ticking fast never sees
 * the answer to their first tick untick the second one, and a poll cannot take a tick off
 * before its save is answered. A change that settles is lifted off; for a change that
 * failed, that is its exact rollback, over whatever the server said last.
 *
 * Outside React on purpose: the mutation hooks call it from `onMutate`, which TanStack
 * runs synchronously inside `mutate()`, so the change is in the cache before the click's
 * event handler returns.
 */
import { hashKey, replaceEqualDeep, type QueryCacheNotifyEvent, type QueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { Incident } from '@/api/schemas'
import { applyOptimistic, type IncidentChange } from './changes'

/** One change shown before the server has it. Its identity is the handle that lifts it off. */
export interface Layer {
  readonly change: IncidentChange
}

interface Stack {
  readonly incidentId: string
  /** The last incident that did not come from this module: the server's, as far as we know. */
  ground: Incident
  layers: readonly Layer[]
  /** What this module last left in the cache, to tell it from news when it comes back. */
  shown: Incident | undefined
}

interface ClientStacks {
  /** By the detail query's hash. */
  readonly stacks: Map<string, Stack>
  readonly unsubscribe: () => void
}

const clients = new WeakMap<QueryClient, ClientStacks>()

/** True while this module writes the cache: its own writes are not news from the server. */
let writing = false

const detailKey = (incidentId: string) => incidentQueries.detail(incidentId).queryKey

function fold(ground: Incident, layers: readonly Layer[]): Incident {
  return layers.reduce((shown, layer) => applyOptimistic(shown, layer.change) ?? shown, ground)
}

/** Puts ground + layers in the cache, unless the cache already holds exactly that. */
function show(queryClient: QueryClient, stack: Stack): void {
  const key = detailKey(stack.incidentId)
  const current = queryClient.getQueryData(key)
  // Gone from the cache (the page was left long ago): nothing to show it on.
  if (current === undefined) return
  const next = fold(stack.ground, stack.layers)
  if (replaceEqualDeep(current, next) !== current) {
    writing = true
    try {
      queryClient.setQueryData(key, next)
    } finally {
      writing = false
    }
  }
  // Structural sharing may have stored a copy: remember what the cache holds.
  stack.shown = queryClient.getQueryData(key)
}

function onCacheEvent(queryClient: QueryClient, stacks: Map<string, Stack>, event: QueryCacheNotifyEvent): void {
  // 'success': a fetch's answer or someone's setQueryData. 'setState': a cancelled fetch
  // putting back an earlier state — which must not take the layers off either.
  if (writing || event.type !== 'updated' || (event.action.type !== 'success' && event.action.type !== 'setState')) return
  const stack = stacks.get(event.query.queryHash)
  if (stack === undefined) return
  const landed = queryClient.getQueryData(detailKey(stack.incidentId))
  // Our own value coming back — a cancelled fetch restoring it, or a saved answer older
  // than it left in place — is not news: taken as ground, it would carry the layers into
  // the ground, and a refused change could no longer be lifted off.
  if (landed === undefined || landed === stack.shown) return
  // Versions only grow; an answer older than what we hold (a slow poll overtaken by a
  // save's answer) is not news, and taking it as ground would bring old values back.
  if (landed.version >= stack.ground.version) stack.ground = landed
  show(queryClient, stack)
}

function stacksOf(queryClient: QueryClient): Map<string, Stack> {
  const known = clients.get(queryClient)
  if (known !== undefined) return known.stacks
  const stacks = new Map<string, Stack>()
  // A cache listener is called synchronously inside the write that landed, before any
  // component is told: the layers are back on before anything renders the bare answer.
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    onCacheEvent(queryClient, stacks, event)
  })
  clients.set(queryClient, { stacks, unsubscribe })
  return stacks
}

function release(queryClient: QueryClient, hash: string): void {
  const entry = clients.get(queryClient)
  if (entry === undefined) return
  entry.stacks.delete(hash)
  // Nothing in flight: stop listening, so an idle page pays nothing per cache event.
  if (entry.stacks.size === 0) {
    entry.unsubscribe()
    clients.delete(queryClient)
  }
}

/**
 * Shows `change` on the cached incident at once, over the changes already in flight.
 * Fetches of the incident in flight are cancelled first (their answer predates the
 * change and would overwrite it): TanStack cancels synchronously — including putting
 * back the state from before the fetch — so nothing here waits.
 *
 * @returns the layer to pass to {@link liftChange} once the save has settled, or null when
 *   the change is not one shown before the server has it (or the incident is not loaded).
 */
export function layChange(queryClient: QueryClient, incidentId: string, change: IncidentChange): Layer | null {
  const key = detailKey(incidentId)
  const hash = hashKey(key)
  const pending = clients.get(queryClient)?.stacks.get(hash)
  const cached = queryClient.getQueryData(key)
  if (cached === undefined || applyOptimistic(cached, change) === null) return null
  void queryClient.cancelQueries({ queryKey: key })
  const stacks = stacksOf(queryClient)
  const layer: Layer = { change }
  // With nothing in flight, what the cache holds (the cancelled fetch's revert included)
  // is the ground.
  const stack: Stack = pending ?? { incidentId, ground: queryClient.getQueryData(key) ?? cached, layers: [], shown: undefined }
  stack.layers = [...stack.layers, layer]
  stacks.set(hash, stack)
  show(queryClient, stack)
  return layer
}

/**
 * Takes a settled change off: what shows is then the server's last word plus the changes
 * still in flight. After a save, the server's answer already has the change; after a
 * failure, this is the rollback — and fresher server data that landed meanwhile stays.
 */
export function liftChange(queryClient: QueryClient, incidentId: string, layer: Layer): void {
  const hash = hashKey(detailKey(incidentId))
  const stack = clients.get(queryClient)?.stacks.get(hash)
  if (stack?.layers.includes(layer) !== true) return
  stack.layers = stack.layers.filter((l) => l !== layer)
  show(queryClient, stack)
  if (stack.layers.length === 0) release(queryClient, hash)
}
