/**
 * One hook family for every change to an incident. Each hook is the same TanStack
 * mutation: the change is shown at once where that helps (status, assignee, checklist
 * ticks), rolled back exactly if the save does not go through, explained in words for
 * the control to show (role="alert"), and followed by a refetch of the incident, its
 * timeline and the list. A save that fails for a reason that may pass (network, timeout,
 * 5xx, 429) is not lost: it waits in the outbox and is retried. A 412 that is a real
 * conflict goes to the conflict dialog, never over someone else's edit.
 *
 * Other features build on these: checklists use useSetChecklistStep, messages
 * usePostMessage, post-incident edits useEditIncident.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { incidentQueries } from '@/api/incidents'
import type { IncidentStatus, MessageTemplate } from '@/api/schemas'
import type { Severity } from '@/domain/severity'
import { newChangeId } from '@/lib/outbox/new-id'
import { useOutbox } from '@/lib/outbox/use-outbox'
import type { IncidentChange, IncidentPatch } from './changes'
import { layChange, liftChange, type Layer } from './optimistic-layers'
import { saveChange, SaveError, type SaveFailure, type SaveOutcome, type SaveRequest } from './save-change'
import { useActor } from './use-actor'

export interface IncidentMutation<V> {
  /** Starts the save; what happens is reported through the fields below. */
  save: (vars: V) => void
  /** The same, for callers that need to wait (a form that closes on success). Rejects with SaveError. */
  saveAsync: (vars: V) => Promise<SaveOutcome>
  isPending: boolean
  /** What went wrong, in words, for a role="alert" next to the control; null when nothing did. */
  problem: string | null
  /** How the last save failed: queued for retry, stopped at a conflict, or refused. */
  failure: SaveFailure | null
  /** 'queued' when the change joined earlier unsaved changes instead of being sent now. */
  outcome: SaveOutcome | null
  reset: () => void
}

interface Options<V> {
  /** The change's id; a note uses its draft's id so saving the same draft twice replaces, never duplicates. */
  changeId?: (vars: V) => string
}

interface Context {
  /** The change as shown before the server has it; null when it is shown only once saved. */
  layer: Layer | null
}

/** The generic hook: `toChange` turns the caller's variables into an IncidentChange. */
export function useIncidentMutation<V>(incidentId: string, toChange: (vars: V) => IncidentChange, options: Options<V> = {}): IncidentMutation<V> {
  const queryClient = useQueryClient()
  const actor = useActor()
  const detailKey = incidentQueries.detail(incidentId).queryKey

  const mutation = useMutation<SaveOutcome, Error, SaveRequest, Context>({
    mutationFn: (request) => saveChange(queryClient, request),
    // Not async, and nothing awaited: TanStack calls onMutate synchronously inside
    // mutate() (as long as the MutationCache has no onMutate of its own to await first),
    // so the change is in the cache — and, through useRenderOnIncidentWrite, on screen —
    // in the render that handles the click. A checkbox never shows a frame unticked, and
    // the next tick is based on this one.
    onMutate: (request) => ({ layer: layChange(queryClient, incidentId, request.change) }),
    onSettled: (_outcome, _error, _request, context) => {
      // Saved: the server's answer (already cached by saveChange) has the change. Failed,
      // or queued behind earlier unsaved changes: the screen goes back to the server's
      // value and the control or the Unsaved changes list says why. Either way the change
      // is taken off what is shown, over whatever the server said last.
      if (context?.layer) liftChange(queryClient, incidentId, context.layer)
      // Not awaited: while the backend is down the refetch retries for seconds, and the
      // control must not look busy all that time — its change is already settled.
      void queryClient.invalidateQueries({ queryKey: incidentQueries.all() })
    },
  })

  const { mutate, mutateAsync } = mutation
  const build = (vars: V): SaveRequest => ({
    change: toChange(vars),
    // The incident as the responder sees it now: the base the change is judged against.
    base: queryClient.getQueryData(detailKey),
    id: options.changeId ? options.changeId(vars) : newChangeId(),
    actor,
  })

  // A queued change that the outbox has since saved (or that was discarded), or a
  // conflict the responder has settled, is no longer a problem to show.
  const error = mutation.error
  const changeId = mutation.variables?.id
  const { box, problems } = useOutbox()
  const failure: SaveFailure | null = error instanceof SaveError ? error.failure : error === null ? null : 'rejected'
  const stillOpen =
    failure === 'queued'
      ? box.entries.some((e) => e.id === changeId)
      : failure === 'conflict'
        ? problems.some((p) => p.id === changeId)
        : failure !== null
  return {
    save: (vars) => {
      mutate(build(vars))
    },
    saveAsync: (vars) => mutateAsync(build(vars)),
    isPending: mutation.isPending,
    problem: error !== null && stillOpen ? error.message : null,
    failure: stillOpen ? failure : null,
    outcome: mutation.data ?? null,
    reset: mutation.reset,
  }
}

// ---------------------------------------------------------------- the changes

const acknowledge = (): IncidentChange => ({ kind: 'acknowledge' })

/** Acknowledges (stops the response clock); call `save(undefined)`. */
export function useAcknowledgeIncident(incidentId: string): IncidentMutation<undefined> {
  return useIncidentMutation<undefined>(incidentId, acknowledge)
}

export interface StatusChange {
  status: IncidentStatus
  /** Sent with the change when given (resolving asks for both). */
  rootCause?: string
  resolution?: string
}

const statusChange = ({ status, rootCause, resolution }: StatusChange): IncidentChange => ({
  kind: 'patch',
  patch: { status, ...(rootCause === undefined ? {} : { rootCause }), ...(resolution === undefined ? {} : { resolution }) },
})

export function useChangeStatus(incidentId: string): IncidentMutation<StatusChange> {
  return useIncidentMutation(incidentId, statusChange)
}

const assigneeChange = (assignee: string | null): IncidentChange => ({ kind: 'patch', patch: { assignee } })

/** Assigns the incident to a roster person id, or unassigns it (null). */
export function useChangeAssignee(incidentId: string): IncidentMutation<string | null> {
  return useIncidentMutation(incidentId, assigneeChange)
}

const escalate = (reason: string | undefined): IncidentChange => (reason === undefined || reason.trim() === '' ? { kind: 'escalate' } : { kind: 'escalate', reason })

/** Moves one level up the escalation path; the backend pages that level's on-call. */
export function useEscalateIncident(incidentId: string): IncidentMutation<string | undefined> {
  return useIncidentMutation(incidentId, escalate)
}

export interface SeverityChange {
  severity: Severity
  /** Why; written on the timeline with the change. */
  reason: string
}

const severityChange = ({ severity, reason }: SeverityChange): IncidentChange => ({
  kind: 'patch',
  patch: { severity, severityReason: reason.trim() },
})

export function useChangeSeverity(incidentId: string): IncidentMutation<SeverityChange> {
  return useIncidentMutation(incidentId, severityChange)
}

/** Any other edit: root cause, resolution, impact, follow-ups, playbooks, post-mortem date. */
const patchChange = (patch: IncidentPatch): IncidentChange => ({ kind: 'patch', patch })

export function useEditIncident(incidentId: string): IncidentMutation<IncidentPatch> {
  return useIncidentMutation(incidentId, patchChange)
}

export interface ChecklistTick {
  stepId: string
  done: boolean
  /** The step's label, for the Unsaved changes list. */
  label?: string
}

const checklistChange = ({ stepId, done, label }: ChecklistTick): IncidentChange =>
  label === undefined ? { kind: 'checklist', stepId, done } : { kind: 'checklist', stepId, done, label }

export function useSetChecklistStep(incidentId: string): IncidentMutation<ChecklistTick> {
  return useIncidentMutation(incidentId, checklistChange)
}

/**
 * Text saved from a draft (lib/outbox/drafts): the draft's id is the change's id and the
 * draft is cleared once the server has the text. Without a draft, a fresh id is used.
 */
export interface DraftedText {
  text: string
  draft?: { key: string; id: string }
}

const noteChange = ({ text, draft }: DraftedText): IncidentChange =>
  draft === undefined ? { kind: 'note', text } : { kind: 'note', text, draftKey: draft.key }
const draftId = ({ draft }: { draft?: { id: string } }) => draft?.id ?? newChangeId()
const draftOptions = { changeId: draftId }

export function useAddNote(incidentId: string): IncidentMutation<DraftedText> {
  return useIncidentMutation(incidentId, noteChange, draftOptions)
}

export interface PostedMessage extends DraftedText {
  template: MessageTemplate
}

const messageChange = ({ template, text, draft }: PostedMessage): IncidentChange =>
  draft === undefined ? { kind: 'message', template, text } : { kind: 'message', template, text, draftKey: draft.key }

/** Logs a message as posted (its exact text on the timeline). */
export function usePostMessage(incidentId: string): IncidentMutation<PostedMessage> {
  return useIncidentMutation(incidentId, messageChange, draftOptions)
}
