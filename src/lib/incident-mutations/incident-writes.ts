/**
 * Incident changes as TanStack Query mutations, keyed ['incident', id]. setMutationDefaults
 * gives every one — made on the page, retried, or hydrated after a reload — the same
 * behaviour: its scope sends an incident's changes one at a time (scopeOf); it is checked
 * against, and sent on, the latest version in the cache at send time; it is retried with
 * the queries' policy and paused while offline; its answer goes into the cache and its
 * drafts are cleared. An unsaved change is never garbage-collected: only a save, a discard
 * or a retry (a new mutation with the same variables, so the same Idempotency-Key) removes it.
 */
import { MutationObserver, type Mutation, type MutationFunctionContext, type QueryClient } from '@tanstack/react-query'
import { apiRequest, isApiError } from '@/api/client'
import { conflictBody, etagOf, incidentQueries } from '@/api/incidents'
import { incident as incidentSchema, timelineEvent, type Incident } from '@/api/schemas'
import { draftSaved } from '@/lib/outbox/drafts'
import { isVersioned, requestOf, scopeOf, type IncidentChange } from './changes'
import { conflictVerdict, type StakeField } from './conflict'

/** What a change is, as its mutation's variables: plain data, so it can be stored and restored. */
export interface ChangeVariables {
  /** The Idempotency-Key: one per change, made with it and kept across retries and reloads. */
  readonly key: string
  readonly createdAt: number
  readonly incidentId: string
  readonly change: IncidentChange
  /** The values the change depends on, as the responder saw them when making it. */
  readonly stake: readonly StakeField[]
  /** The change in words, for the Unsaved changes list. */
  readonly summary: string
  readonly actor: string | null
  /** Drafts that held the change's text, cleared once the server has it (if still that text). */
  readonly drafts: readonly { key: string; id: string; text: string }[]
}

export type IncidentWrite = Mutation<Incident | null, Error, ChangeVariables>

export const incidentWriteKey = (incidentId?: string) => (incidentId === undefined ? ['incident'] : ['incident', incidentId])

/** Someone else changed a value this change sets: the responder decides (the conflict dialog). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError'
  constructor(readonly current: Incident) {
    super('Someone else changed this incident since you loaded it. Compare both versions and choose.')
  }
}

/** Times a 412 is answered by sending again on the newer version before it counts as a conflict. */
const MAX_REAPPLY = 3

/** Changes that must not be sent any more: a sleeping retry of theirs may still wake. */
const stopped = new WeakSet<ChangeVariables>()
/** When each failure's retry is due, by the error (TanStack keeps no such time). */
const retryDue = new WeakMap<object, number>()

export const retryDueAt = (error: Error | null) => (error === null ? null : (retryDue.get(error) ?? null))

/** Puts an incident the server sent into the cache, unless the cache already holds a newer one. */
export function cacheIfNewer(client: QueryClient, incident: Incident): void {
  client.setQueryData(incidentQueries.detail(incident.id).queryKey, (held) => (held !== undefined && held.version > incident.version ? held : incident))
}

/** The mutation function: the answer is the saved incident, or null for a note or message. */
async function sendChange(vars: ChangeVariables, { client }: MutationFunctionContext): Promise<Incident | null> {
  if (stopped.has(vars)) throw new Error('Not sent: the change was replaced or discarded.')
  const { method, path, body } = requestOf(vars.incidentId, vars.change, vars.actor)
  const headers: Record<string, string> = { 'Idempotency-Key': vars.key }
  if (!isVersioned(vars.change)) {
    await apiRequest(path, timelineEvent, { method, body, headers })
    return null
  }
  const detail = incidentQueries.detail(vars.incidentId)
  let current = client.getQueryData(detail.queryKey) ?? (await client.query(detail))
  for (let round = 0; ; round++) {
    // Checked before sending: the latest version may hold someone else's value for what
    // this change sets, which the server, sent that version, could not tell from ours.
    const verdict = round === 0 && vars.stake.length === 0 ? 'reapply' : conflictVerdict(vars.stake, current)
    if (verdict === 'already-applied') return current
    if (verdict === 'conflict' || round > MAX_REAPPLY) throw new ConflictError(current)
    try {
      return (await apiRequest(path, incidentSchema, { method, body, headers: { ...headers, 'If-Match': etagOf(current.version) } })).data
    } catch (error) {
      const refusal = isApiError(error) && error.status === 412 ? conflictBody.safeParse(error.details.body) : null
      if (refusal?.success !== true) throw error
      current = refusal.data.current
      cacheIfNewer(client, current)
    }
  }
}

/** Installs the incident changes' behaviour on `client`, with the retry policy its queries use. */
export function setIncidentWriteDefaults(client: QueryClient, policy: { retry: (failures: number, error: Error) => boolean; retryDelay: (failures: number, error: Error) => number }): void {
  client.setMutationDefaults<Incident | null, Error, ChangeVariables>(incidentWriteKey(), {
    mutationFn: sendChange,
    retry: policy.retry,
    retryDelay: (failures, error) => {
      const ms = policy.retryDelay(failures, error)
      retryDue.set(error, Date.now() + ms)
      return ms
    },
    gcTime: Infinity,
    // A fetch started before the change could land after its answer, with older data.
    onMutate: (vars, { client: c }) => {
      void c.cancelQueries({ queryKey: incidentQueries.detail(vars.incidentId).queryKey })
    },
    onSuccess: (saved, vars, _context, { client: c }) => {
      if (saved !== null) cacheIfNewer(c, saved)
      for (const d of vars.drafts) draftSaved(d.key, d.id, d.text)
    },
    onSettled: (_saved, error, vars, _context, { client: c }) => {
      const cache = c.getMutationCache()
      if (error === null) for (const m of writesOf(c, vars.incidentId)) if (m.state.variables === vars) cache.remove(m)
      // One refetch once the incident's last change has settled, not one per change.
      if (!writesOf(c, vars.incidentId).some((m) => m.state.status === 'pending' && m.state.variables !== vars)) {
        void c.invalidateQueries({ queryKey: incidentQueries.all() })
      }
    },
  })
}

/** The incident changes in the cache (all incidents' without an id), oldest first. */
export function writesOf(client: QueryClient, incidentId?: string): IncidentWrite[] {
  return client.getMutationCache().findAll({ mutationKey: incidentWriteKey(incidentId) }) as IncidentWrite[]
}

const withKeys = (client: QueryClient, keys: readonly string[]) =>
  writesOf(client).filter((m) => m.state.variables !== undefined && keys.includes(m.state.variables.key))

/** Takes the changes with these keys out for good: a sleeping retry of theirs will not send. */
export function discardChanges(client: QueryClient, keys: readonly string[]): void {
  for (const m of withKeys(client, keys)) {
    if (m.state.variables !== undefined) stopped.add(m.state.variables)
    client.getMutationCache().remove(m)
  }
  // Changes queued behind a removed one need a nudge to see that their turn has come.
  void client.resumePausedMutations()
}

/**
 * Runs a change; a change with the same key already in the cache is replaced (a retry,
 * or the same draft saved again). Resolves once it is saved; rejects at its first failure
 * (it is then retried, or waits for the responder, while the caller shows why).
 */
export function runChange(client: QueryClient, made: Omit<ChangeVariables, 'createdAt'> & { createdAt?: number }): Promise<void> {
  const vars: ChangeVariables = { createdAt: Date.now(), ...made }
  discardChanges(client, [vars.key])
  const observer = new MutationObserver<Incident | null, Error, ChangeVariables>(client, {
    mutationKey: incidentWriteKey(vars.incidentId),
    scope: { id: scopeOf(vars.incidentId, vars.change) },
  })
  const settled = new Promise<void>((resolve, reject) => {
    const stop = observer.subscribe((r) => {
      const failure = r.error ?? r.failureReason
      if (!r.isSuccess && failure === null) return
      stop()
      if (failure === null) resolve()
      else reject(failure)
    })
  })
  observer.mutate(vars).catch(() => undefined)
  return settled
}

/**
 * Sends the changes with these keys again now, in the order they were made, each under
 * its own key; `rebase` may restate one first (on the version the responder has seen).
 */
export function retryChanges(client: QueryClient, keys: readonly string[], rebase: (v: ChangeVariables) => ChangeVariables = (v) => v): void {
  const vars = withKeys(client, keys).flatMap((m) => (m.state.variables === undefined ? [] : [m.state.variables]))
  discardChanges(client, keys)
  // A copy: the discarded variables are marked stopped.
  for (const v of vars) runChange(client, { ...rebase(v) }).catch(() => undefined)
}
