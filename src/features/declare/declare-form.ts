/**
 * The declaration form as data: what a dialog opens with (by hand, or from a firing
 * alert), what counts as complete, and the request it becomes.
 */
import type { Alert, DeclareIncidentRequest } from '@/api/schemas'
import { COMPONENTS, type ComponentId } from '@/domain/catalog'
import { isKnownSeverity, suggestSeverityFromAlerts, type AlertForSeverity, type Severity } from '@/domain/severity'

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

/**
 * The form kept as draft text (localStorage, so a reload loses nothing), with what the
 * dialog was opened with: a draft started from another opening (another alert, a blank
 * form) is not this one's.
 */
export function declareDraftText(draft: DeclareDraft, initial?: DeclareInitial): string {
  return JSON.stringify({ from: draftFrom(initial), draft })
}

/** The draft kept for a dialog opened with `initial`; null when there is none (or it is another's). */
export function readDeclareDraft(text: string | undefined, initial?: DeclareInitial): DeclareDraft | null {
  try {
    const v: unknown = text === undefined ? null : JSON.parse(text)
    if (typeof v !== 'object' || v === null || !('draft' in v) || !('from' in v)) return null
    if (JSON.stringify(v.from) !== JSON.stringify(draftFrom(initial))) return null
    const d = v.draft as Partial<Record<keyof DeclareDraft, unknown>>
    const texts = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string')
    if (typeof d.title !== 'string' || typeof d.impact !== 'string' || !texts(d.services) || !texts(d.alertIds)) return null
    const severity = typeof d.severity === 'string' && isKnownSeverity(d.severity) ? d.severity : ''
    return { title: d.title, severity, impact: d.impact, services: d.services, alertIds: d.alertIds }
  } catch {
    return null
  }
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
