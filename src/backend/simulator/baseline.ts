/**
 * The healthy voice agent: what each metric looks like at average load, how much it
 * follows the daily rhythm and how much it wanders. Chosen to sit well inside the
 * runbook thresholds (P95 3 s, error rate 5 %, resources 80 %) at every hour.
 */
import type { MetricId } from '@/domain/catalog'

/** Turn latency is not generated but derived from the three services (see model.ts). */
export type DerivedMetric = 'turn.latency.p50' | 'turn.latency.p95'
export type BaseMetric = Exclude<MetricId, DerivedMetric>

export interface BaselineSpec {
  /** Value at the daily mean load. */
  readonly mean: number
  /** value ∝ 1 + loadGain × (load − 1): 1 is proportional to traffic, 0 ignores it. */
  readonly loadGain: number
  /** Relative amplitude of the wander, ±. */
  readonly noise: number
}

const spec = (mean: number, loadGain: number, noise: number): BaselineSpec => ({ mean, loadGain, noise })
const FLAT_UP = spec(1, 0, 0)

export const BASELINES: Record<BaseMetric, BaselineSpec> = {
  'stt.latency.p50': spec(260, 0.15, 0.08),
  'stt.latency.p95': spec(560, 0.2, 0.12),
  'stt.requests': spec(8, 1, 0.08),
  'stt.error_rate': spec(0.007, 0.2, 0.45),
  'stt.retry_rate': spec(0.006, 0.2, 0.4),
  'stt.up': FLAT_UP,
  'llm.latency.p50': spec(620, 0.2, 0.08),
  'llm.latency.p95': spec(1150, 0.25, 0.12),
  'llm.requests': spec(7.5, 1, 0.08),
  'llm.error_rate': spec(0.008, 0.2, 0.45),
  'llm.retry_rate': spec(0.007, 0.2, 0.4),
  'llm.up': FLAT_UP,
  'tts.latency.p50': spec(210, 0.15, 0.08),
  'tts.latency.p95': spec(430, 0.2, 0.12),
  'tts.requests': spec(8.5, 1, 0.08),
  'tts.error_rate': spec(0.006, 0.2, 0.45),
  'tts.retry_rate': spec(0.005, 0.2, 0.4),
  'tts.up': FLAT_UP,
  'livekit.up': FLAT_UP,
  'livekit.connect_success': spec(0.994, 0, 0.004),
  'livekit.rooms': spec(30, 1, 0.06),
  'db.up': FLAT_UP,
  'db.latency': spec(9, 0.4, 0.25),
  'db.pool_use': spec(0.28, 0.6, 0.12),
  // Saves do not fail on a healthy day.
  'db.save_failures': spec(0, 0, 0),
  'quota.openai': spec(0.42, 0.5, 0.06),
  'quota.groq': spec(0.12, 0.5, 0.15),
  'host.cpu': spec(0.42, 0.5, 0.08),
  'host.memory': spec(0.52, 0.1, 0.03),
  'agent.up': FLAT_UP,
}

/** Fixed pipeline cost of a turn outside the three services (VAD, queueing, LiveKit), ms. */
export const TURN_OVERHEAD_P50_MS = 120
export const TURN_OVERHEAD_P95_MS = 200
