/**
 * The declaration form as data: what a dialog opens with (by hand, or from a firing
 * alert), what counts as complete, and the request it becomes.
 */
import type { Alert, DeclareIncidentRequest } from '@/api/schemas'
import { COMPONENTS, type ComponentId } from '@/domain/catalog'
import { suggestSeverityFromAlerts, type AlertForSeverity, type Severity } from '@/domain/severity'

export const TITLE_MAX = 200
export const IMPACT_MAX = 2000

/** The services a declaration can name, in the order the checkboxes show them. */
export const DECLARABLE_SERVICES: readonly ComponentId[] = COMPONENTS

/** What the dialog opens with; everything optional. */
export interface DeclareInitial {
  title?: string
  severity?: Severity
  impact?: string
  services?: readonly string[]
  /** Alerts the incident is declared from; linked on the incident and its timeline. */
  alertIds?: readonly string[]
}

export interface DeclareDraft {
  title: string
  /** '' until the responder chooses: a guessed default would declare the wrong urgency. */
  severity: Severity | ''
  impact: string
  services: readonly string[]
  alertIds: readonly string[]
}

export type DraftField = 'title' | 'severity' | 'impact'
export type DraftErrors = Partial<Record<DraftField, string>>

export function draftFrom(initial: DeclareInitial = {}): DeclareDraft {
  return {
    title: initial.title ?? '',
    severity: initial.severity ?? '',
    impact: initial.impact ?? '',
    services: initial.services ?? [],
    alertIds: initial.alertIds ?? [],
  }
}

/** The problems to show beside each field; empty when the draft can be sent. */
export function validateDraft(draft: DeclareDraft): DraftErrors {
  const errors: DraftErrors = {}
  const title = draft.title.trim()
  if (title === '') errors.title = 'Enter a title: what is broken, in a few words.'
  else if (title.length > TITLE_MAX) errors.title = `Keep the title under ${TITLE_MAX} characters (it has ${title.length}).`
  if (draft.severity === '') errors.severity = 'Choose a severity. Not sure? The guide below suggests one.'
  if (draft.impact.length > IMPACT_MAX) errors.impact = `Keep the impact under ${IMPACT_MAX} characters (it has ${draft.impact.length}).`
  return errors
}

/** The POST body for a valid draft; `actor` is left out when nobody is known. */
export function toDeclareRequest(draft: DeclareDraft, actor: string | null): DeclareIncidentRequest {
  if (draft.severity === '') throw new Error('toDeclareRequest needs a validated draft (no severity chosen).')
  return {
    title: draft.title.trim(),
    severity: draft.severity,
    impact: draft.impact.trim(),
    services: [...draft.services],
    ...(draft.alertIds.length > 0 ? { alertIds: [...draft.alertIds] } : {}),
    ...(actor === null ? {} : { actor }),
  }
}

function isComponentId(subject: string): subject is ComponentId {
  return (COMPONENTS as readonly string[]).includes(subject)
}

/**
 * A firing alert as the start of a declaration: its name as the title ("STT error rate
 * > 10 %"), its summary as the impact, its component as the affected service, a
 * severity suggested from it and the alerts firing with it, and the alert linked.
 * Subjects that are no service (the host, the end-to-end turn) leave services empty.
 */
export function declareFromAlert(
  alert: Pick<Alert, 'id' | 'name' | 'summary' | 'subject' | 'severity' | 'ruleId'>,
  alsoFiring: readonly AlertForSeverity[] = [],
): DeclareInitial {
  return {
    title: alert.name.slice(0, TITLE_MAX),
    impact: alert.summary.slice(0, IMPACT_MAX),
    services: isComponentId(alert.subject) ? [alert.subject] : [],
    severity: suggestSeverityFromAlerts([alert, ...alsoFiring]),
    alertIds: [alert.id],
  }
}
