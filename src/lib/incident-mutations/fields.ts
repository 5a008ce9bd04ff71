/**
 * Incident fields in words, for the conflict dialog and the Unsaved changes list:
 * "Status: Identified" against "Status: Mitigated", an assignee by name, a checklist
 * step by its runbook label.
 */
import { checklistStepLabel } from '@/domain/checklist'
import { escalationStep } from '@/domain/escalation'
import { isIncidentStatus, STATUS_LABELS } from '@/domain/incident-status'
import { PLAYBOOKS } from '@/domain/runbook'

const LABELS: Readonly<Record<string, string>> = {
  acknowledged: 'Acknowledged',
  status: 'Status',
  severity: 'Severity',
  assignee: 'Assignee',
  escalationLevel: 'Escalation level',
  rootCause: 'Root cause',
  resolution: 'Resolution',
  title: 'Title',
  impact: 'Impact',
  services: 'Affected services',
  playbooks: 'Playbooks',
  alertIds: 'Linked alerts',
  postmortemAt: 'Post-mortem',
  followUps: 'Follow-ups',
}

/** "Status", "Root cause", "Checklist: Triage — Assign: Assign to on-call engineer". */
export function fieldLabel(path: string): string {
  if (path.startsWith('checklist:')) {
    const stepId = path.slice('checklist:'.length)
    return `Checklist: ${checklistStepLabel(stepId, PLAYBOOKS) ?? stepId}`
  }
  return LABELS[path] ?? path
}

/** "L2 Senior engineer" — the runbook's code and role; an unknown level as "L7". */
export function escalationText(level: number): string {
  const step = escalationStep(level)
  return step ? `${step.code} ${step.role}` : `L${level}`
}

/**
 * A field's value as a responder reads it. `nameOf` turns a roster id into a name;
 * empty text reads "(empty)" so a cleared field is not mistaken for a missing one.
 */
export function formatFieldValue(path: string, value: unknown, nameOf: (personId: string) => string = (id) => id): string {
  if (path.startsWith('checklist:')) return value === true ? 'Done' : 'Not done'
  if (path === 'acknowledged') return value === true ? 'Acknowledged' : 'Not acknowledged'
  if (path === 'assignee') return typeof value === 'string' ? nameOf(value) : 'Unassigned'
  if (path === 'escalationLevel' && typeof value === 'number') return escalationText(value)
  if (path === 'status' && typeof value === 'string' && isIncidentStatus(value)) return STATUS_LABELS[value]
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value.trim() === '' ? '(empty)' : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const items = value as unknown[]
    if (items.length === 0) return '(none)'
    return items.map((v) => (typeof v === 'object' && v !== null && 'text' in v ? String(v.text) : String(v))).join(', ')
  }
  return JSON.stringify(value)
}
