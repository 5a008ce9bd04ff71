/**
 * "exceeded maximum resolution": Prometheus refuses a query_range of more than 11,000
 * points per series (Thanos and Mimir have limits of their own). The metric is then
 * asked again at a coarser step, and the panel says so, rather than failing.
 */
import { BASE_STEP_S } from '@/domain/catalog'
import { PrometheusError } from './client'
import { MAX_POINTS_PER_SERIES } from './history'

/** Coarser steps tried after a refusal before the metric is given up on. */
export const MAX_RESOLUTION_RETRIES = 3

export function isResolutionRefusal(error: unknown): error is PrometheusError {
  return error instanceof PrometheusError && error.kind === 'error' && /exceeded maximum resolution/i.test(error.message)
}

/**
 * The next step to try: the first multiple of 10 s within Prometheus' own limit, or,
 * when the refused step already was (a stricter upstream), twice the step.
 */
export function raisedStep(rangeMs: number, refusedStepS: number): number {
  const least = Math.ceil(rangeMs / 1000 / MAX_POINTS_PER_SERIES / BASE_STEP_S) * BASE_STEP_S
  return least > refusedStepS ? least : refusedStepS * 2
}
