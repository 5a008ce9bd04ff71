/**
 * The incident list's view — filters and sort — as it lives in the URL, so a link
 * reproduces what a responder was looking at: `?severity=P1,P2&status=open&q=openai&sort=age`.
 * Reading never throws: a value the app does not understand falls back to its default
 * (or is dropped from a list), because a mangled link should still open the list.
 */
import { z } from 'zod'
import { INCIDENT_STATUSES } from '@/domain/incident-status'

export const SORT_KEYS = ['severity', 'age', 'status', 'deadline'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/** `open` is investigating, identified or mitigated; `all` lifts the status filter. */
export const STATUS_FILTERS = ['open', ...INCIDENT_STATUSES, 'all'] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

/** In `severity`: every severity outside P1–P4 ("SEV0", "P0"). */
export const UNKNOWN_SEVERITY = 'unknown'
/** In `assignee`: incidents nobody is assigned to. */
export const UNASSIGNED = 'none'

export const DEFAULT_SORT: SortKey = 'severity'

export interface IncidentFilters {
  /** P1–P4, `unknown`, or an exact unknown label; empty means every severity. */
  severity: readonly string[]
  /** Empty means the default view: open incidents and those resolved recently. */
  status: readonly StatusFilter[]
  /** Service ids as the API sends them ("stt", "openai"); empty means any. */
  service: readonly string[]
  /** Roster person ids, or `none` for unassigned; empty means anyone. */
  assignee: readonly string[]
  /** Free text; every word must appear somewhere in the incident. */
  q: string
  sort: SortKey
  /** Flips the sort's natural direction (most urgent, newest, lifecycle, soonest first). */
  reverse: boolean
}

export const DEFAULT_FILTERS: IncidentFilters = {
  severity: [],
  status: [],
  service: [],
  assignee: [],
  q: '',
  sort: DEFAULT_SORT,
  reverse: false,
}

const MAX_TEXT = 200

/** A comma-separated list; items the `item` schema rejects are dropped, duplicates kept once. */
function commaList<T extends string>(item: z.ZodType<T>) {
  return z
    .string()
    .transform((raw) => {
      const kept: T[] = []
      for (const part of raw.split(',')) {
        const parsed = item.safeParse(part.trim())
        if (parsed.success && !kept.includes(parsed.data)) kept.push(parsed.data)
      }
      return kept
    })
    .catch([])
}

const label = z.string().min(1).max(50)

export const incidentFiltersSchema = z.object({
  severity: commaList(z.string().min(1).max(20)),
  status: commaList(z.enum(STATUS_FILTERS)),
  service: commaList(label),
  assignee: commaList(z.string().min(1).max(200)),
  q: z
    .string()
    .transform((s) => s.slice(0, MAX_TEXT))
    .catch(''),
  sort: z.enum(SORT_KEYS).catch(DEFAULT_SORT),
  reverse: z
    .literal('1')
    .transform(() => true)
    .catch(false),
})

const KEYS = ['severity', 'status', 'service', 'assignee', 'q', 'sort', 'reverse'] as const satisfies readonly (keyof IncidentFilters)[]

/** Reads the view from a URL's query; repeated keys (`?severity=P1&severity=P2`) count as a list. */
export function parseIncidentFilters(params: URLSearchParams): IncidentFilters {
  const raw: Partial<Record<(typeof KEYS)[number], string>> = {}
  for (const key of KEYS) {
    const values = params.getAll(key)
    if (values.length > 0) raw[key] = values.join(',')
  }
  return incidentFiltersSchema.parse(raw)
}

/**
 * The query with the view written into it. Other parameters (`?scenario=`, `?seed=`)
 * are kept; defaults are left out so the plain list has a plain URL.
 */
export function writeIncidentFilters(params: URLSearchParams, filters: IncidentFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of KEYS) next.delete(key)
  const setList = (key: 'severity' | 'status' | 'service' | 'assignee', list: readonly string[]) => {
    if (list.length > 0) next.set(key, list.join(','))
  }
  setList('severity', filters.severity)
  setList('status', filters.status)
  setList('service', filters.service)
  setList('assignee', filters.assignee)
  const q = filters.q.trim()
  if (q !== '') next.set('q', q.slice(0, MAX_TEXT))
  if (filters.sort !== DEFAULT_SORT) next.set('sort', filters.sort)
  if (filters.reverse) next.set('reverse', '1')
  return next
}

/** True when anything narrows the list beyond the default view (sorting does not). */
export function hasActiveFilters(filters: IncidentFilters): boolean {
  return (
    filters.severity.length > 0 ||
    filters.status.length > 0 ||
    filters.service.length > 0 ||
    filters.assignee.length > 0 ||
    filters.q.trim() !== ''
  )
}

/** The same sort and everything else back to the default view. */
export function clearedFilters(filters: IncidentFilters): IncidentFilters {
  return { ...DEFAULT_FILTERS, sort: filters.sort, reverse: filters.reverse }
}
