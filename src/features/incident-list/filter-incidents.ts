/**
 * Filtering and sorting the incident list: a pure function of the incidents, the view
 * from the URL and the time, so it can be memoised, tested in a table and benchmarked
 * over 10,000 incidents.
 */
import type { Incident } from '@/api/schemas'
import { componentLabel } from '@/domain/catalog'
import { INCIDENT_STATUSES, isOpen } from '@/domain/incident-status'
import { responseDeadline } from '@/domain/response-clock'
import { SEVERITY_IDS, compareSeverity, isKnownSeverity, severityRank, type Severity } from '@/domain/severity'
import { UNASSIGNED, UNKNOWN_SEVERITY, type IncidentFilters, type SortKey, type StatusFilter } from './incident-filters'

/** The default view keeps incidents resolved (or closed) within this long. */
export const RECENT_MS = 24 * 60 * 60_000

export interface FilterContext {
  /** Server time in ms, for "recently resolved". */
  now: number
  /** Roster id → name, so the text filter finds "Priya" in an incident assigned to "priya". */
  assigneeNames?: ReadonlyMap<string, string>
}

export type SeverityBucket = Severity | typeof UNKNOWN_SEVERITY
export const SEVERITY_BUCKETS: readonly SeverityBucket[] = [...SEVERITY_IDS, UNKNOWN_SEVERITY]
export type SeverityCounts = Record<SeverityBucket, number>

/** The bucket a severity is counted in: its own for P1–P4, `unknown` for every other label. */
export function severityBucket(severity: string): SeverityBucket {
  return isKnownSeverity(severity) ? severity : UNKNOWN_SEVERITY
}

/** When an incident stopped being worked on, for "recently resolved". */
function endedAt(i: Incident): number {
  return Date.parse(i.resolvedAt ?? i.closedAt ?? i.updatedAt)
}

/** True when the incident is open, or was resolved or closed within RECENT_MS of `now`. */
export function isOpenOrRecent(i: Incident, now: number): boolean {
  return isOpen(i.status) || now - endedAt(i) <= RECENT_MS
}

type Predicate = (i: Incident) => boolean

function statusPredicate(status: readonly StatusFilter[], now: number): Predicate | null {
  if (status.includes('all')) return null
  if (status.length === 0) return (i) => isOpenOrRecent(i, now)
  const wanted = new Set<string>(status)
  const open = wanted.has('open')
  return (i) => wanted.has(i.status) || (open && isOpen(i.status))
}

function severityPredicate(severity: readonly string[]): Predicate | null {
  if (severity.length === 0) return null
  const wanted = new Set(severity)
  const unknown = wanted.has(UNKNOWN_SEVERITY)
  return (i) => wanted.has(i.severity) || (unknown && !isKnownSeverity(i.severity))
}

function servicePredicate(service: readonly string[]): Predicate | null {
  if (service.length === 0) return null
  const wanted = new Set(service)
  return (i) => i.services.some((s) => wanted.has(s))
}

function assigneePredicate(assignee: readonly string[]): Predicate | null {
  if (assignee.length === 0) return null
  const wanted = new Set(assignee)
  const unassigned = wanted.has(UNASSIGNED)
  return (i) => (i.assignee === null ? unassigned : wanted.has(i.assignee))
}

/** Lower-cased words of the query; empty when there is nothing to search for. */
export function searchTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter((t) => t !== '')
}


function textPredicate(q: string, names: ReadonlyMap<string, string> | undefined): Predicate | null {
  const terms = searchTerms(q)
  if (terms.length === 0) return null
  return (i) => {
    const assigneeName = i.assignee === null ? '' : (names?.get(i.assignee) ?? '')
    const haystack = [
      i.id,
      i.title,
      i.impact,
      i.severity,
      i.status,
      i.assignee ?? '',
      assigneeName,
      ...i.services,
      ...i.services.map(componentLabel),
    ]
      .join('\n')
      .toLowerCase()
    return terms.every((t) => haystack.includes(t))
  }
}

function predicates(filters: IncidentFilters, ctx: FilterContext, withSeverity: boolean): Predicate[] {
  // Cheapest and most selective first; the text test builds a string per incident.
  return [
    withSeverity ? severityPredicate(filters.severity) : null,
    statusPredicate(filters.status, ctx.now),
    servicePredicate(filters.service),
    assigneePredicate(filters.assignee),
    textPredicate(filters.q, ctx.assigneeNames),
  ].filter((p): p is Predicate => p !== null)
}

const STATUS_ORDER = new Map<string, number>(INCIDENT_STATUSES.map((s, n) => [s, n]))

interface Keyed {
  incident: Incident
  declared: number
  /** severityRank, computed once per incident rather than once per comparison. */
  rank: number
  statusOrder: number
  /** Open incidents first in the severity and deadline sorts: they are the work. */
  closedFirstBit: number
  /** Unacknowledged open incidents by deadline; the rest after them. */
  deadline: number
}

function keyed(i: Incident): Keyed {
  const declared = Date.parse(i.declaredAt)
  const open = isOpen(i.status)
  return {
    incident: i,
    declared,
    rank: severityRank(i.severity),
    statusOrder: STATUS_ORDER.get(i.status) ?? 0,
    closedFirstBit: open ? 0 : 1,
    deadline: open && i.acknowledgedAt === null ? responseDeadline({ severity: i.severity, declaredAt: declared }) : Infinity,
  }
}

const byNewest = (a: Keyed, b: Keyed) => b.declared - a.declared || (a.incident.id < b.incident.id ? 1 : a.incident.id > b.incident.id ? -1 : 0)

// Equal ranks only differ for unknown labels (rank 0), which compareSeverity orders by their text.
const bySeverity = (a: Keyed, b: Keyed) => a.rank - b.rank || (a.rank === 0 ? compareSeverity(a.incident.severity, b.incident.severity) : 0)

const COMPARATORS: Record<SortKey, (a: Keyed, b: Keyed) => number> = {
  // Open before resolved, then most urgent (unknown labels first), then newest.
  severity: (a, b) => a.closedFirstBit - b.closedFirstBit || bySeverity(a, b) || byNewest(a, b),
  age: byNewest,
  status: (a, b) => a.statusOrder - b.statusOrder || bySeverity(a, b) || byNewest(a, b),
  // The acknowledgement due soonest first (an overdue one is due in the past), then the rest.
  deadline: (a, b) => (a.deadline === b.deadline ? 0 : a.deadline < b.deadline ? -1 : 1) || bySeverity(a, b) || byNewest(a, b),
}

/**
 * The incidents the view shows, in its order. Filters combine with AND; a list within
 * a filter (`severity=P1,P2`) with OR. With no status filter the view holds open
 * incidents and those resolved within RECENT_MS. Unknown severities are never dropped:
 * they match `unknown` and sort before P1.
 */
export function filterIncidents(incidents: readonly Incident[], filters: IncidentFilters, ctx: FilterContext): Incident[] {
  const tests = predicates(filters, ctx, true)
  const kept: Keyed[] = []
  for (const i of incidents) if (tests.every((t) => t(i))) kept.push(keyed(i))
  kept.sort(COMPARATORS[filters.sort])
  if (filters.reverse) kept.reverse()
  return kept.map((k) => k.incident)
}

/**
 * How many incidents each severity would show with every other filter applied — the
 * numbers beside the severity toggles, so choosing P1 never hides how many P2s wait.
 */
export function severityCounts(incidents: readonly Incident[], filters: IncidentFilters, ctx: FilterContext): SeverityCounts {
  const counts: SeverityCounts = { P1: 0, P2: 0, P3: 0, P4: 0, unknown: 0 }
  const tests = predicates(filters, ctx, false)
  for (const i of incidents) if (tests.every((t) => t(i))) counts[severityBucket(i.severity)] += 1
  return counts
}

/** Open incidents in the whole set, for "No open incidents". */
export function countOpen(incidents: readonly Incident[]): number {
  let n = 0
  for (const i of incidents) if (isOpen(i.status)) n += 1
  return n
}
