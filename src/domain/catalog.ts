/**
 * The fixed vocabulary of the voice-agent service: its pipeline services, the
 * components the health strip shows, the API providers and the simulator's scenarios.
 */

export const SERVICES = ['stt', 'llm', 'tts'] as const
export type Service = (typeof SERVICES)[number]

export const PROVIDERS = ['openai', 'groq'] as const
export type Provider = (typeof PROVIDERS)[number]

/**
 * The health strip's tiles, in its order. The agent process comes first: when it is
 * down nothing behind it answers a caller (runbook P1 "Voice Agent Service Down").
 */
export const COMPONENTS = ['agent', 'stt', 'llm', 'tts', 'livekit', 'database', 'openai', 'groq'] as const
export type ComponentId = (typeof COMPONENTS)[number]

export const COMPONENT_LABELS: Record<ComponentId, string> = {
  agent: 'Voice agent',
  stt: 'STT',
  llm: 'LLM',
  tts: 'TTS',
  livekit: 'LiveKit',
  database: 'Database',
  openai: 'OpenAI API',
  groq: 'Groq API',
}

export const SERVICE_LABELS: Record<Service, string> = { stt: 'STT', llm: 'LLM', tts: 'TTS' }

export const SCENARIOS = [
  'healthy',
  'agent-down',
  'openai-outage',
  'llm-timeout',
  'livekit-outage',
  'db-connection-lost',
  'rate-limiting',
  'slow-degradation',
] as const
export type ScenarioName = (typeof SCENARIOS)[number]

export const SCENARIO_LABELS: Record<ScenarioName, string> = {
  healthy: 'Healthy',
  'agent-down': 'Voice agent down',
  'openai-outage': 'OpenAI outage',
  'llm-timeout': 'LLM timeout',
  'livekit-outage': 'LiveKit outage',
  'db-connection-lost': 'Database connection lost',
  'rate-limiting': 'Rate limiting',
  'slow-degradation': 'Slow degradation',
}

/**
 * Every metric the simulator and a real backend serve. Ratios are 0..1, latencies
 * milliseconds, rates per second, `*.up` is 1 (up) or 0 (down).
 *
 * `agent.up` (the agent process answers its health check / scrape) is last, not first
 * with its tile: the simulator keys each metric's noise by its place in this list
 * (model.ts), so an id inserted earlier would reshuffle every seeded world.
 */
export const METRIC_IDS = [
  'stt.latency.p50', 'stt.latency.p95', 'stt.requests', 'stt.error_rate', 'stt.retry_rate', 'stt.up',
  'llm.latency.p50', 'llm.latency.p95', 'llm.requests', 'llm.error_rate', 'llm.retry_rate', 'llm.up',
  'tts.latency.p50', 'tts.latency.p95', 'tts.requests', 'tts.error_rate', 'tts.retry_rate', 'tts.up',
  'turn.latency.p50', 'turn.latency.p95',
  'livekit.up', 'livekit.connect_success', 'livekit.rooms',
  'db.up', 'db.latency', 'db.pool_use', 'db.save_failures',
  'quota.openai', 'quota.groq',
  'host.cpu', 'host.memory',
  'agent.up',
] as const
export type MetricId = (typeof METRIC_IDS)[number]

export type MetricUnit = 'ms' | 'ratio' | 'rps' | 'bool' | 'count'

export const METRIC_UNITS: Record<MetricId, MetricUnit> = Object.fromEntries(
  METRIC_IDS.map((id) => [id, unitOf(id)]),
) as Record<MetricId, MetricUnit>

function unitOf(id: string): MetricUnit {
  if (id.includes('latency')) return 'ms'
  if (id.endsWith('.up')) return 'bool'
  if (id.endsWith('.requests')) return 'rps'
  if (id === 'livekit.rooms' || id === 'db.save_failures') return 'count'
  return 'ratio'
}

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value)
}

export function isScenarioName(value: string): value is ScenarioName {
  return (SCENARIOS as readonly string[]).includes(value)
}

/** The finest resolution any backend keeps, in seconds. */
export const BASE_STEP_S = 10

/** A component's display name ("TTS", "OpenAI API"); an unknown id as the API sent it. */
export function componentLabel(id: string): string {
  return Object.hasOwn(COMPONENT_LABELS, id) ? COMPONENT_LABELS[id as ComponentId] : id
}
