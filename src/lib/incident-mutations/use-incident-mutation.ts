/**
 * One hook family for every change to an incident. Each save is a TanStack mutation (see
 * incident-writes.ts): shown at once where that helps (status, assignee, ticks), sent in
 * turn on the latest version, retried when it may pass, kept under Unsaved changes (and
 * across reloads) until saved, and explained in words for the control that made it.
 */
import { useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { IncidentStatus, MessageTemplate } from '@/api/schemas'
import type { Severity } from '@/domain/severity'
import { newChangeId } from '@/lib/outbox/new-id'
import { stakeOf, summarizeChange, type IncidentChange, type IncidentPatch } from './changes'
import { shownIncident } from './changes-on-their-way'
import { discardChanges, runChange, type ChangeVariables } from './incident-writes'
import { useActor } from './use-actor'
import { problemOf, useUnsavedChanges, type UnsavedChange } from './use-unsaved-changes'

export type SaveFailure = 'queued' | 'conflict' | 'rejected'

export interface SaveOptions {
  /** The change's Idempotency-Key when the caller has one (a draft's id); new otherwise. */
  key?: string
  /** Drafts that hold the change's text, cleared once it is saved. */
  drafts?: ChangeVariables['drafts']
}

export interface IncidentMutation<V> {
  /** Starts the save; what happens is reported through the fields below. */
  save: (vars: V, options?: SaveOptions) => void
  /** The same, for callers that wait: resolves once saved, rejects at the first failure. */
  saveAsync: (vars: V, options?: SaveOptions) => Promise<void>
  /** True while the change made here is being sent (not while it waits or retries). */
  isPending: boolean
  /** What went wrong, in words, for a role="alert" next to the control; null when nothing did. */
  problem: string | null
  /** Kept for retry (or offline), stopped at a conflict, or refused. */
  failure: SaveFailure | null
  /** Forgets the last change here (a refused one is dropped; one kept for retry stays listed). */
  reset: () => void
}

function failureOf({ kind }: UnsavedChange): SaveFailure | null {
  if (kind === 'sending' || kind === 'waiting') return null
  return kind === 'conflict' || kind === 'rejected' ? kind : 'queued'
}

/** The generic hook: `toChange` turns the caller's variables into an IncidentChange. */
export function useIncidentMutation<V>(incidentId: string, toChange: (vars: V) => IncidentChange): IncidentMutation<V> {
  const client = useQueryClient()
  const actor = useActor()
  // The last change made here, by key: its retries and restatements keep it.
  const [last, setLast] = useState<string | null>(null)
  const mine = useUnsavedChanges(incidentId).find((u) => u.vars.key === last)

  const saveAsync = (vars: V, { key = newChangeId(), drafts = [] }: SaveOptions = {}) => {
    // A refused change from here is over once the responder tries again.
    if (mine?.kind === 'rejected') discardChanges(client, [mine.vars.key])
    const change = toChange(vars)
    // The incident as the responder sees it now: what the change is judged against.
    const shown = shownIncident(client, incidentId)
    if (shown === undefined) return Promise.reject(new Error('The incident has not loaded yet; nothing was sent.'))
    setLast(key)
    const summary = summarizeChange(shown, change)
    return runChange(client, { key, incidentId, change, stake: stakeOf(shown, change), summary, actor, drafts })
  }

  return {
    save: (vars, options) => {
      saveAsync(vars, options).catch(() => undefined)
    },
    saveAsync,
    isPending: mine?.kind === 'sending',
    problem: mine === undefined ? null : problemOf(mine),
    failure: mine === undefined ? null : failureOf(mine),
    reset: () => {
      if (mine?.kind === 'rejected') discardChanges(client, [mine.vars.key])
      setLast(null)
    },
  }
}

// ---------------------------------------------------------------- the changes

/** Acknowledges (stops the response clock); call `save(undefined)`. */
export const useAcknowledgeIncident = (incidentId: string) =>
  useIncidentMutation<undefined>(incidentId, () => ({ kind: 'acknowledge' }))

export interface StatusChange {
  status: IncidentStatus
  /** Sent with the change when given (resolving asks for both). */
  rootCause?: string
  resolution?: string
}

export const useChangeStatus = (incidentId: string) =>
  useIncidentMutation(incidentId, ({ status, rootCause, resolution }: StatusChange): IncidentChange => ({
    kind: 'patch',
    patch: { status, ...(rootCause === undefined ? {} : { rootCause }), ...(resolution === undefined ? {} : { resolution }) },
  }))

/** Assigns the incident to a roster person id, or unassigns it (null). */
export const useChangeAssignee = (incidentId: string) =>
  useIncidentMutation(incidentId, (assignee: string | null): IncidentChange => ({ kind: 'patch', patch: { assignee } }))

/** Moves one level up the escalation path; the backend pages that level's on-call. */
export const useEscalateIncident = (incidentId: string) =>
  useIncidentMutation(incidentId, (reason: string | undefined): IncidentChange =>
    reason === undefined || reason.trim() === '' ? { kind: 'escalate' } : { kind: 'escalate', reason },
  )

/** `reason` says why; it is written on the timeline with the change. */
export const useChangeSeverity = (incidentId: string) =>
  useIncidentMutation(incidentId, ({ severity, reason }: { severity: Severity; reason: string }): IncidentChange => ({
    kind: 'patch',
    patch: { severity, severityReason: reason.trim() },
  }))

/** Any other edit: root cause, resolution, impact, follow-ups, playbooks, post-mortem date. */
export const useEditIncident = (incidentId: string) =>
  useIncidentMutation(incidentId, (patch: IncidentPatch): IncidentChange => ({ kind: 'patch', patch }))

/** A checklist step ticked or unticked; `label` names it in the Unsaved changes list. */
export const useSetChecklistStep = (incidentId: string) =>
  useIncidentMutation(incidentId, ({ stepId, done, label }: { stepId: string; done: boolean; label?: string }): IncidentChange =>
    label === undefined ? { kind: 'checklist', stepId, done } : { kind: 'checklist', stepId, done, label },
  )

/** Adds a note; saved with its draft's id as key, so saving the same draft twice stores it once. */
export const useAddNote = (incidentId: string) => useIncidentMutation(incidentId, (text: string): IncidentChange => ({ kind: 'note', text }))

/** Logs a message as posted (its exact text on the timeline). */
export const usePostMessage = (incidentId: string) =>
  useIncidentMutation(incidentId, ({ template, text }: { template: MessageTemplate; text: string }): IncidentChange => ({
    kind: 'message',
    template,
    text,
  }))
