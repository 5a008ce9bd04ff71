/**
 * The Alerts page's view of the backend's alerts: the filter in the URL
 * (`?state=firing&severity=critical`), the grouping (firing, then pending, then the
 * rest), the rule's condition in words, and each alert's history as strip segments
 * and sentences.
 */
import * as z from 'zod/mini'
import type { Alert, AlertSpan, AlertState } from '@/api/schemas'
import { isKnownAlertState } from '@/domain/alert-state'
import { ALERT_RULES } from '@/domain/alert-rules'
import { builtInPlaybook } from '@/domain/runbook'
import { appPath } from '@/lib/safe-url'

export const STATE_FILTERS = ['all', 'firing', 'pending', 'inactive', 'nodata'] as const
export type StateFilter = (typeof STATE_FILTERS)[number]
export const SEVERITY_FILTERS = ['all', 'critical', 'warning'] as const
export type SeverityFilter = (typeof SEVERITY_FILTERS)[number]

export interface AlertFilters {
  readonly state: StateFilter
  readonly severity: SeverityFilter
}

export const DEFAULT_ALERT_FILTERS: AlertFilters = { state: 'all', severity: 'all' }

export const STATE_LABELS: Record<AlertState, string> = {
  firing: 'Firing',
  pending: 'Pending',
  inactive: 'Inactive',
  nodata: 'No data',
}

export const SEVERITY_LABELS: Record<Alert['severity'], string> = { critical: 'Critical', warning: 'Warning' }

const filtersSchema = z.object({
  state: z.catch(z.enum(STATE_FILTERS), 'all'),
  severity: z.catch(z.enum(SEVERITY_FILTERS), 'all'),
})

/** Reads the filter from a URL's query; an unknown value means no filter. */
export function parseAlertFilters(params: URLSearchParams): AlertFilters {
  return filtersSchema.parse({ state: params.get('state') ?? undefined, severity: params.get('severity') ?? undefined })
}

/** The query with the filter written in; other parameters kept, `all` left out. */
export function writeAlertFilters(params: URLSearchParams, filters: AlertFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  next.delete('state')
  next.delete('severity')
  if (filters.state !== 'all') next.set('state', filters.state)
  if (filters.severity !== 'all') next.set('severity', filters.severity)
  return next
}

export function filterAlerts(alerts: readonly Alert[], filters: AlertFilters): Alert[] {
  return alerts.filter(
    (a) => (filters.state === 'all' || a.state === filters.state) && (filters.severity === 'all' || a.severity === filters.severity),
  )
}

export interface AlertGroups {
  readonly firing: Alert[]
  readonly pending: Alert[]
  /** Inactive and without data; those without data first, as they may hide a problem. */
  readonly rest: Alert[]
  /** In a state this version does not know ("resolved"): neither firing nor quiet, but listed. */
  readonly unknown: Alert[]
}

const severityRank = (a: Alert) => (a.severity === 'critical' ? 0 : 1)
const sinceMs = (a: Alert) => (a.since === null ? Number.NEGATIVE_INFINITY : Date.parse(a.since))

/** Critical before warning, then the longest in its state, then by name. */
function byUrgency(a: Alert, b: Alert): number {
  return severityRank(a) - severityRank(b) || sinceMs(a) - sinceMs(b) || a.name.localeCompare(b.name)
}

export function groupAlerts(alerts: readonly Alert[]): AlertGroups {
  const firing = alerts.filter((a) => a.state === 'firing').sort(byUrgency)
  const pending = alerts.filter((a) => a.state === 'pending').sort(byUrgency)
  const rest = alerts
    .filter((a) => a.state === 'inactive' || a.state === 'nodata')
    .sort((a, b) => (a.state === b.state ? 0 : a.state === 'nodata' ? -1 : 1) || byUrgency(a, b))
  const unknown = alerts.filter((a) => !isKnownAlertState(a.state)).sort(byUrgency)
  return { firing, pending, rest, unknown }
}

/** The rule's condition in words; a rule this app does not know is described by the backend's summary. */
export function conditionText(alert: Pick<Alert, 'ruleId' | 'summary'>): string {
  return ALERT_RULES.find((r) => r.id === alert.ruleId)?.conditionText ?? alert.summary
}

/** "High Error Rate" for a built-in playbook; the slug, made readable, for any other. */
export function playbookTitle(slug: string): string {
  return builtInPlaybook(slug)?.title ?? slug.replaceAll('-', ' ')
}

/**
 * Where Enter takes a responder from the selected alert: the open incident handling it
 * (people are already at work there), else its playbook, else its chart.
 */
export function alertDestination(alert: Pick<Alert, 'playbook'>, handledBy: { readonly id: string } | undefined, chartHref: string): string {
  if (handledBy !== undefined) return appPath('incidents', handledBy.id)
  if (alert.playbook !== null) return appPath('runbooks', alert.playbook)
  return chartHref
}

// ---------------------------------------------------------------- history

export interface HistorySpan {
  readonly state: AlertSpan['state']
  readonly fromMs: number
  readonly toMs: number
}

/** Each alert's spans, oldest first. */
export function historyByAlert(spans: readonly AlertSpan[]): Map<string, HistorySpan[]> {
  const out = new Map<string, HistorySpan[]>()
  for (const s of spans) {
    const list = out.get(s.alertId) ?? []
    list.push({ state: s.state, fromMs: Date.parse(s.from), toMs: Date.parse(s.to) })
    out.set(s.alertId, list)
  }
  for (const list of out.values()) list.sort((a, b) => a.fromMs - b.fromMs)
  return out
}

export interface StripSegment {
  readonly state: HistorySpan['state']
  /** Percent of the strip's width. */
  readonly left: number
  readonly width: number
}

/**
 * Spans as segments of a strip over [fromMs, toMs], clipped to it. A span too short to
 * see is widened to `minWidth` percent: a five-minute firing in a week is still a mark.
 */
export function stripSegments(spans: readonly HistorySpan[], fromMs: number, toMs: number, minWidth = 0.4): StripSegment[] {
  if (!(toMs > fromMs)) return []
  const total = toMs - fromMs
  const out: StripSegment[] = []
  for (const s of spans) {
    const a = Math.max(s.fromMs, fromMs)
    const b = Math.min(s.toMs, toMs)
    if (b < a) continue
    const left = ((a - fromMs) / total) * 100
    const width = Math.min(100 - left, Math.max(minWidth, ((b - a) / total) * 100))
    out.push({ state: s.state, left, width })
  }
  return out
}

/**
 * A span ending this close to the window's end is still open: the backend ends an open
 * span at its last sample, up to a step (10 s) before the window's end, and the window
 * may end a little after the backend's clock.
 */
export const OPEN_SPAN_SLACK_MS = 60_000

/** "Firing 10:42–10:57", or "Firing since 10:42" for a span still open at the window's end. */
export function describeSpan(span: HistorySpan, windowEndMs: number, formatTime: (ms: number) => string): string {
  const label = STATE_LABELS[span.state]
  return span.toMs >= windowEndMs - OPEN_SPAN_SLACK_MS
    ? `${label} since ${formatTime(span.fromMs)}`
    : `${label} ${formatTime(span.fromMs)}–${formatTime(span.toMs)}`
}
