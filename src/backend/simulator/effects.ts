/**
 * Each scenario as timed perturbations of the healthy baseline, with the symptoms
 * the runbook describes. An effect ramps in over `rampMs` after `delayMs` from the
 * scenario's onset (a step when rampMs is 0, as for `up` flags).
 */
import type { MetricId, ScenarioName } from '@/domain/catalog'

export interface Effect {
  /** The baseline is multiplied by this once ramped in. */
  readonly scale?: number
  /** The value moves to this once ramped in (applied after `scale`). */
  readonly target?: number
  /** Relative wander of the perturbed level, ±. */
  readonly jitter?: number
  readonly delayMs?: number
  readonly rampMs?: number
  /** From this long after onset on there is no data (a down target exports nothing). */
  readonly gapAfterMs?: number
}

type Effects = Partial<Record<MetricId, Effect>>

const SECOND = 1000
const MINUTE = 60 * SECOND
/** "Ramp in over a minute or so." */
export const DEFAULT_RAMP_MS = MINUTE
/** The slow degradation creeps for three hours, as long as its lead. */
const SLOW_RAMP_MS = 180 * MINUTE

const down = (delayMs: number): Effect => ({ target: 0, rampMs: 0, delayMs })

// STT and TTS both call OpenAI; the LLM runs on a local Ollama, so it stays healthy.
const openaiServiceDown: Effects = {
  'stt.error_rate': { target: 0.68, jitter: 0.35 },
  'stt.retry_rate': { target: 0.35, jitter: 0.3 },
  'stt.latency.p95': { target: 9500, jitter: 0.15 },
  'stt.latency.p50': { scale: 2.2, jitter: 0.2 },
  'stt.requests': { scale: 1.25, jitter: 0.1 },
  'stt.up': down(MINUTE),
  'tts.error_rate': { target: 0.68, jitter: 0.35 },
  'tts.retry_rate': { target: 0.35, jitter: 0.3 },
  'tts.latency.p95': { target: 9000, jitter: 0.15 },
  'tts.latency.p50': { scale: 2, jitter: 0.2 },
  'tts.requests': { scale: 1.25, jitter: 0.1 },
  'tts.up': down(MINUTE),
}

const noUsers = (rampMs: number): Effect => ({ scale: 0.04, jitter: 0.3, rampMs })

/** How long the agent stalls before its process dies in `agent-down`. */
export const AGENT_CRASH_MS = 40 * SECOND
const silent: Effect = { gapAfterMs: AGENT_CRASH_MS }
const stalls = (scale: number, jitter: number): Effect => ({ scale, jitter, rampMs: AGENT_CRASH_MS, gapAfterMs: AGENT_CRASH_MS })
const stageDies = (s: 'stt' | 'llm' | 'tts'): Effects => ({
  [`${s}.latency.p95`]: stalls(3.5, 0.2),
  [`${s}.latency.p50`]: stalls(2, 0.15),
  [`${s}.requests`]: stalls(0.4, 0.2),
  [`${s}.error_rate`]: silent,
  [`${s}.retry_rate`]: silent,
  // The agent's own check of the stage's provider dies with it: no data, not "down".
  [`${s}.up`]: silent,
})

/**
 * The agent process stalls and then crashes (runbook P1 "Voice Agent Service Down").
 * For 40 s turns hang (stage latencies climb, fewer requests complete), then the
 * process is gone and its health check fails (agent.up 0). Everything it exported
 * stops: a dead target is scraped as nothing, so Prometheus has no data, not zeros.
 * What others export goes on: LiveKit's rooms drain as callers hang up on silence,
 * the database still answers, the host idles.
 */
const agentDown: Effects = {
  'agent.up': down(AGENT_CRASH_MS),
  ...stageDies('stt'),
  ...stageDies('llm'),
  ...stageDies('tts'),
  'turn.latency.p50': silent,
  'turn.latency.p95': silent,
  'livekit.connect_success': silent,
  'livekit.rooms': { scale: 0.1, jitter: 0.3, delayMs: AGENT_CRASH_MS, rampMs: 3 * MINUTE },
  'db.latency': silent,
  'db.pool_use': silent,
  'db.save_failures': silent,
  'quota.openai': silent,
  'quota.groq': silent,
  'host.cpu': { scale: 0.2, jitter: 0.1, delayMs: AGENT_CRASH_MS, rampMs: 0 },
  'host.memory': { scale: 0.45, jitter: 0.03, delayMs: AGENT_CRASH_MS, rampMs: 0 },
}

export const SCENARIO_EFFECTS: Record<ScenarioName, Effects> = {
  healthy: {},
  'agent-down': agentDown,
  'openai-outage': openaiServiceDown,
  'llm-timeout': {
    'llm.latency.p95': { target: 18_000, jitter: 0.4 },
    'llm.latency.p50': { scale: 3, jitter: 0.2 },
    'llm.error_rate': { target: 0.26, jitter: 0.4 },
    'llm.retry_rate': { target: 0.2, jitter: 0.3 },
  },
  'livekit-outage': {
    'livekit.up': down(30 * SECOND),
    'livekit.connect_success': { target: 0.02, jitter: 0.8, rampMs: 45 * SECOND },
    // Rooms empty as sessions end and no one can join; the pipeline goes quiet.
    'livekit.rooms': noUsers(90 * SECOND),
    'stt.requests': noUsers(90 * SECOND),
    'llm.requests': noUsers(90 * SECOND),
    'tts.requests': noUsers(90 * SECOND),
    'host.cpu': { scale: 0.7, jitter: 0.05, rampMs: 90 * SECOND },
    'db.pool_use': { scale: 0.4, jitter: 0.1, rampMs: 90 * SECOND },
    'quota.openai': { scale: 0.1, jitter: 0.2, rampMs: 90 * SECOND },
    'quota.groq': { scale: 0.1, jitter: 0.2, rampMs: 90 * SECOND },
  },
  'db-connection-lost': {
    'db.up': down(45 * SECOND),
    // Queries hang before the connection is declared lost; after that nothing reports.
    'db.latency': { target: 4000, jitter: 0.4, rampMs: 20 * SECOND, gapAfterMs: 45 * SECOND },
    'db.pool_use': { target: 1, rampMs: 30 * SECOND },
    'db.save_failures': { target: 30, jitter: 0.3, rampMs: 30 * SECOND },
  },
  'rate-limiting': {
    'quota.openai': { target: 1, rampMs: 90 * SECOND },
    'quota.groq': { target: 1, rampMs: 120 * SECOND },
    'stt.error_rate': { target: 0.2, jitter: 0.45 },
    'stt.retry_rate': { target: 0.25, jitter: 0.3 },
    'stt.latency.p95': { scale: 1.8, jitter: 0.2 },
    'tts.error_rate': { target: 0.2, jitter: 0.45 },
    'tts.retry_rate': { target: 0.25, jitter: 0.3 },
    'tts.latency.p95': { scale: 1.8, jitter: 0.2 },
    // The LLM only reaches Groq when it falls back, so it suffers less.
    'llm.error_rate': { target: 0.045, jitter: 0.3, rampMs: 120 * SECOND },
    'llm.retry_rate': { target: 0.06, jitter: 0.3, rampMs: 120 * SECOND },
  },
  'slow-degradation': {
    'llm.latency.p95': { scale: 4, jitter: 0.08, rampMs: SLOW_RAMP_MS },
    'llm.latency.p50': { scale: 2.5, jitter: 0.08, rampMs: SLOW_RAMP_MS },
    'stt.latency.p95': { scale: 1.6, jitter: 0.08, rampMs: SLOW_RAMP_MS },
    'stt.latency.p50': { scale: 1.3, jitter: 0.08, rampMs: SLOW_RAMP_MS },
    'tts.latency.p95': { scale: 1.6, jitter: 0.08, rampMs: SLOW_RAMP_MS },
    'tts.latency.p50': { scale: 1.3, jitter: 0.08, rampMs: SLOW_RAMP_MS },
    'stt.error_rate': { target: 0.065, jitter: 0.2, rampMs: SLOW_RAMP_MS },
    'llm.error_rate': { target: 0.065, jitter: 0.2, rampMs: SLOW_RAMP_MS },
    'tts.error_rate': { target: 0.065, jitter: 0.2, rampMs: SLOW_RAMP_MS },
    'stt.retry_rate': { target: 0.04, jitter: 0.2, rampMs: SLOW_RAMP_MS },
    'llm.retry_rate': { target: 0.04, jitter: 0.2, rampMs: SLOW_RAMP_MS },
    'tts.retry_rate': { target: 0.04, jitter: 0.2, rampMs: SLOW_RAMP_MS },
    'host.cpu': { target: 0.88, jitter: 0.05, rampMs: SLOW_RAMP_MS },
    'host.memory': { target: 0.86, jitter: 0.03, rampMs: SLOW_RAMP_MS },
    'db.latency': { scale: 2.5, jitter: 0.1, rampMs: SLOW_RAMP_MS },
    'db.pool_use': { target: 0.75, jitter: 0.05, rampMs: SLOW_RAMP_MS },
  },
}
