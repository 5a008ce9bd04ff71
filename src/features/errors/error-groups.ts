/**
 * The runbook's "Group by error_type": error counts by service and type over a range,
 * ranked, with each one's share of all errors.
 */
import type { ErrorGroupsResponse } from '@/api/schemas'
import { componentLabel } from '@/domain/catalog'

export interface ErrorTypeRow {
  readonly service: string
  readonly errorType: string
  /** "STT upstream_5xx". */
  readonly label: string
  readonly count: number
  /** Of all errors in the range, 0..1. */
  readonly share: number
}

export interface ErrorSummary {
  readonly total: number
  /** The most frequent, most first. */
  readonly top: ErrorTypeRow[]
  /** Errors in the types not in `top`. */
  readonly otherCount: number
  /** Errors per service, most first. */
  readonly byService: { service: string; label: string; count: number }[]
}


/**
 * The `limit` most frequent (service, error type) pairs. Ties keep a stable order (by
 * service, then type) so a refresh with equal counts does not shuffle the bars.
 */
export function summarizeErrors(groups: ErrorGroupsResponse['groups'], limit = 10): ErrorSummary {
  const total = groups.reduce((sum, g) => sum + g.count, 0)
  const ranked = groups
    .filter((g) => g.count > 0)
    .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service) || a.errorType.localeCompare(b.errorType))
  const top = ranked.slice(0, Math.max(0, limit)).map((g) => ({
    service: g.service,
    errorType: g.errorType,
    label: `${componentLabel(g.service)} ${g.errorType}`,
    count: g.count,
    share: total === 0 ? 0 : g.count / total,
  }))
  const perService = new Map<string, number>()
  for (const g of groups) perService.set(g.service, (perService.get(g.service) ?? 0) + g.count)
  return {
    total,
    top,
    otherCount: total - top.reduce((sum, r) => sum + r.count, 0),
    byService: [...perService]
      .map(([service, count]) => ({ service, label: componentLabel(service), count }))
      .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service)),
  }
}
