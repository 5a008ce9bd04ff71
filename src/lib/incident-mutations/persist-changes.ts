/**
 * Unsaved incident changes kept in localStorage, so a reload, a crash or a closed tab
 * loses none. The rule is small: every change not saved yet (waiting, in flight, paused
 * offline, retrying, failed) is stored as its mutation key and variables — which hold its
 * Idempotency-Key and creation time (its scope follows from them). On the next start each is hydrated as a
 * paused mutation and resumed (TanStack's dehydrate / hydrate / resumePausedMutations;
 * setMutationDefaults gives it its mutationFn). A change sent again after a reload keeps
 * its key, so the server stores it once however often it arrives.
 *
 * Tabs share the record: a tab writes back, untouched, the changes of other tabs that it
 * has not loaded itself.
 */
import { dehydrate, hydrate, type DehydratedState, type Mutation, type MutationKey, type QueryClient } from '@tanstack/react-query'
import { readStored, writeStored } from '@/lib/outbox/storage'
import { scopeOf } from './changes'
import { incidentWriteKey, writesOf, type ChangeVariables } from './incident-writes'

export const UNSAVED_CHANGES_KEY = 'vigil.unsaved-changes.v1'

interface StoredChange {
  readonly mutationKey: MutationKey
  readonly variables: ChangeVariables
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Storage is outside our control (another version, a hand edit): what does not read as a change is dropped. */
function isStoredChange(v: unknown): v is StoredChange {
  if (!isRecord(v) || !Array.isArray(v.mutationKey) || !isRecord(v.variables)) return false
  const { key, createdAt, incidentId, change, stake, summary, drafts } = v.variables
  const texts = [key, incidentId, summary].every((t) => typeof t === 'string')
  return texts && typeof createdAt === 'number' && isRecord(change) && typeof change.kind === 'string' && Array.isArray(stake) && Array.isArray(drafts)
}

export function readStoredChanges(text: string | null): StoredChange[] {
  try {
    const parsed: unknown = text === null ? null : JSON.parse(text)
    return isRecord(parsed) && Array.isArray(parsed.changes) ? parsed.changes.filter(isStoredChange) : []
  } catch {
    return []
  }
}

/** A restored change: pending but paused, so resumePausedMutations sends it (in its scope's order). */
const PAUSED = { context: undefined, data: undefined, error: null, failureCount: 0, failureReason: null, isPaused: true, status: 'pending' } as const

const isUnsaved = (m: Mutation) =>
  m.options.mutationKey?.[0] === incidentWriteKey()[0] && (m.state.status === 'pending' || m.state.status === 'error')

/** Restores the stored changes into `client` and keeps the record current; returns the function that stops. */
export function persistChanges(client: QueryClient): () => void {
  const held = new Set(writesOf(client).map((m) => m.state.variables?.key))
  const restored: DehydratedState['mutations'] = readStoredChanges(readStored(UNSAVED_CHANGES_KEY))
    .filter((c) => !held.has(c.variables.key))
    .map(({ mutationKey, variables }) => ({
      mutationKey,
      scope: { id: scopeOf(variables.incidentId, variables.change) },
      state: { ...PAUSED, variables, submittedAt: variables.createdAt },
    }))
  hydrate(client, { mutations: restored })
  void client.resumePausedMutations()

  /** Keys this tab has held: the record of each is this tab's to keep or drop. */
  const seen = new Set<string>()
  const save = () => {
    const mine = dehydrate(client, { shouldDehydrateMutation: isUnsaved, shouldDehydrateQuery: () => false }).mutations.flatMap(
      ({ mutationKey, state }) => {
        const variables = state.variables as ChangeVariables | undefined
        return mutationKey === undefined || variables === undefined ? [] : [{ mutationKey, variables }]
      },
    )
    for (const m of writesOf(client)) if (m.state.variables !== undefined) seen.add(m.state.variables.key)
    const text = readStored(UNSAVED_CHANGES_KEY)
    const changes = [...readStoredChanges(text).filter((c) => !seen.has(c.variables.key)), ...mine]
    const next = changes.length === 0 ? null : JSON.stringify({ version: 1, changes })
    if (next !== text) writeStored(UNSAVED_CHANGES_KEY, next)
  }
  save()
  return client.getMutationCache().subscribe(save)
}
