/**
 * Errors grouped by service and `error_type`, as the error_logs table would count
 * them. The healthy share of errors keeps its everyday mix; the excess a scenario
 * adds has that scenario's mix (a 503 storm is upstream_5xx, a quota wall is
 * rate_limited), so the top error type points at the cause.
 */
import { BASE_STEP_S, SERVICES, type ScenarioName, type Service } from '@/domain/catalog'
import { alignWindow, sampleCount } from '@/domain/time-grid'
import { BASE_STEP_MS, cleanSamples, createContext, segmentRange } from './model'
import type { SimConfig } from './scenarios'

export const ERROR_TYPES = {
  stt: ['timeout', 'upstream_5xx', 'rate_limited', 'invalid_audio', 'connection_error'],
  llm: ['timeout', 'upstream_5xx', 'rate_limited', 'context_length'],
  tts: ['timeout', 'upstream_5xx', 'rate_limited', 'connection_error'],
} as const satisfies Record<Service, readonly string[]>

type ErrorType<S extends Service> = (typeof ERROR_TYPES)[S][number]

type Mix<S extends Service> = Partial<Record<ErrorType<S>, number>>
type ServiceMixes = { [S in Service]: Mix<S> }

export const EVERYDAY: ServiceMixes = {
  stt: { timeout: 0.25, upstream_5xx: 0.25, rate_limited: 0.1, invalid_audio: 0.3, connection_error: 0.1 },
  llm: { timeout: 0.45, upstream_5xx: 0.25, rate_limited: 0.1, context_length: 0.2 },
  tts: { timeout: 0.3, upstream_5xx: 0.35, rate_limited: 0.15, connection_error: 0.2 },
}

const OPENAI_DOWN = { upstream_5xx: 0.55, connection_error: 0.25, timeout: 0.2 } as const
const SLOW = { timeout: 0.7, upstream_5xx: 0.3 } as const

/** The mix of the errors a scenario adds on top of the everyday ones. */
export const EXCESS: Record<ScenarioName, ServiceMixes> = {
  healthy: EVERYDAY,
  // A dead agent writes no error_logs rows: what it counted before is all there is.
  'agent-down': EVERYDAY,
  'openai-outage': { ...EVERYDAY, stt: OPENAI_DOWN, tts: OPENAI_DOWN },
  'llm-timeout': { ...EVERYDAY, llm: { timeout: 0.9, upstream_5xx: 0.1 } },
  'livekit-outage': EVERYDAY,
  'db-connection-lost': EVERYDAY,
  'rate-limiting': {
    stt: { rate_limited: 0.9, timeout: 0.1 },
    llm: { rate_limited: 0.85, timeout: 0.15 },
    tts: { rate_limited: 0.9, timeout: 0.1 },
  },
  'slow-degradation': { stt: SLOW, llm: { timeout: 0.8, upstream_5xx: 0.1, context_length: 0.1 }, tts: SLOW },
}

export interface ErrorCount {
  service: Service
  errorType: string
  count: number
}

/**
 * Error counts by service and error type over the 10-second samples in [fromMs, toMs],
 * most frequent first; types with no errors are left out.
 */
export function errorBreakdown(config: SimConfig, fromMs: number, toMs: number): ErrorCount[] {
  const window = alignWindow(fromMs, toMs, BASE_STEP_S)
  const i0 = window.fromMs / BASE_STEP_MS
  const n = sampleCount(window.fromMs, window.toMs, BASE_STEP_S)
  const ctx = createContext(config, i0, n)
  const everyday = createContext({ seed: config.seed, epochs: [] }, i0, n)
  const counts: ErrorCount[] = []
  for (const service of SERVICES) {
    const tally = new Map<string, number>()
    const add = (mix: Record<string, number | undefined>, errors: number) => {
      for (const [type, share] of Object.entries(mix)) tally.set(type, (tally.get(type) ?? 0) + errors * (share ?? 0))
    }
    const requests = cleanSamples(ctx, `${service}.requests`)
    const errorRate = cleanSamples(ctx, `${service}.error_rate`)
    const usualRate = cleanSamples(everyday, `${service}.error_rate`)
    for (const segment of ctx.segments) {
      const [start, end] = segmentRange(segment, i0, n)
      let usual = 0
      let excess = 0
      for (let j = start; j < end; j++) {
        const calls = (requests[j] ?? 0) * BASE_STEP_S
        const rate = errorRate[j] ?? 0
        // No data (a dead agent counts nothing): nothing to add, and NaN would spoil the sum.
        if (Number.isNaN(calls) || Number.isNaN(rate)) continue
        const base = Math.min(rate, usualRate[j] ?? 0)
        usual += calls * base
        excess += calls * (rate - base)
      }
      add(EVERYDAY[service], usual)
      add(EXCESS[segment.scenario][service], excess)
    }
    for (const [errorType, total] of tally) {
      const count = Math.round(total)
      if (count > 0) counts.push({ service, errorType, count })
    }
  }
  return counts.sort(
    (a, b) => b.count - a.count || a.service.localeCompare(b.service) || a.errorType.localeCompare(b.errorType),
  )
}
