/**
 * Rule states and instant readings shared for a moment. Every browser's alert list and
 * health strip asks for the same rules and the same ~16 instant queries; Prometheus
 * evaluates rules every 15 s or so, so a 2-second-old answer is as true as a fresh one,
 * and a war room of 60 screens costs Prometheus one read instead of sixty. Long ranges
 * are shared too: their grid is aligned to a step of a minute or more, so every screen and
 * every refresh within that step asks the very same query_range, and a 7-day chart costs
 * Prometheus seconds (see BENCHMARKS.md). Failures are never kept: a Prometheus that
 * comes back is seen by the next request.
 */
import type { PrometheusClient, PromResult, PromRuleGroups } from './client'

export const SHARED_READ_MS = 2_000
/** Ranges read at a step of at least this are shared; finer ones (the last hour) are always fresh. */
export const SHARED_RANGE_MIN_STEP_S = 60
/** How long a shared range answer is kept: late samples show within a minute. */
export const SHARED_RANGE_MS = 60_000
/** Enough for every metric at a few ranges; older entries go first. */
const MAX_SHARED_RANGES = 512

interface Entry<T> {
  readonly at: number
  readonly answer: Promise<T>
}

export function withSharedReads(client: PrometheusClient, now: () => number, ttlMs = SHARED_READ_MS): PrometheusClient {
  let rules: Entry<PromRuleGroups> | null = null
  const instants = new Map<string, Entry<PromResult>>()
  const ranges = new Map<string, Entry<PromResult>>()

  function fresh<T>(entry: Entry<T> | null | undefined): entry is Entry<T> {
    return entry != null && now() - entry.at < ttlMs
  }

  return {
    queryRange(expr, startMs, endMs, stepS, signal) {
      if (stepS < SHARED_RANGE_MIN_STEP_S) return client.queryRange(expr, startMs, endMs, stepS, signal)
      const key = `${String(startMs)}|${String(endMs)}|${String(stepS)}|${expr}`
      const entry = ranges.get(key)
      if (entry !== undefined && now() - entry.at < SHARED_RANGE_MS) return signal === undefined ? entry.answer : raceAbort(entry.answer, signal)
      for (const [k, old] of ranges) if (now() - old.at >= SHARED_RANGE_MS) ranges.delete(k)
      while (ranges.size >= MAX_SHARED_RANGES) {
        const oldest = ranges.keys().next()
        if (oldest.done === true) break
        ranges.delete(oldest.value)
      }
      const answer = client.queryRange(expr, startMs, endMs, stepS)
      const created = { at: now(), answer }
      ranges.set(key, created)
      answer.catch(() => {
        if (ranges.get(key) === created) ranges.delete(key)
      })
      return signal === undefined ? answer : raceAbort(answer, signal)
    },
    query(expr, atMs, signal) {
      const entry = instants.get(expr)
      if (fresh(entry)) return entry.answer
      for (const [key, old] of instants) if (!fresh(old)) instants.delete(key)
      // One reader's abort must not fail the others sharing the answer: the shared read is not tied to it.
      const answer = client.query(expr, atMs)
      const created = { at: now(), answer }
      instants.set(expr, created)
      answer.catch(() => {
        if (instants.get(expr) === created) instants.delete(expr)
      })
      return signal === undefined ? answer : raceAbort(answer, signal)
    },
    rules(signal) {
      if (!fresh(rules)) {
        const answer = client.rules()
        const created = { at: now(), answer }
        rules = created
        answer.catch(() => {
          if (rules === created) rules = null
        })
      }
      return signal === undefined ? rules.answer : raceAbort(rules.answer, signal)
    },
  }
}

function raceAbort<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
