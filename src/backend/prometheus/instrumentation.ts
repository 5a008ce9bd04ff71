/**
 * What a conventionally instrumented voice agent exports to Prometheus: the names the
 * default PromQL reads (default-queries.ts), the exporter serves (`npm run exporter`)
 * and the README documents. One list, so the three cannot drift apart.
 *
 * Scrape jobs: `voice-agent` (the agent's /metrics, with node_exporter's host metrics
 * beside it), `livekit` and `postgres`. Prometheus' own `up{job=…}` says whether each
 * answered its last scrape, which is what "service down" means for them.
 */
import type { Provider, Service } from '@/domain/catalog'

export const JOBS = { agent: 'voice-agent', livekit: 'livekit', database: 'postgres' } as const

export const METRIC_NAMES = {
  /** Histogram, seconds, label `stage` = stt | llm | tts: one observation per provider call. */
  stageDuration: 'voice_agent_stage_duration_seconds',
  /** Histogram, seconds: caller stops speaking → agent starts speaking. */
  turnDuration: 'voice_agent_turn_duration_seconds',
  /** Counter, labels `stage`, `outcome` = success | error, `error_type` ("" on success). */
  stageRequests: 'voice_agent_stage_requests_total',
  /** Counter, label `stage`: calls repeated after a failed attempt. */
  stageRetries: 'voice_agent_stage_retries_total',
  /** Gauge 0/1, label `stage`: the agent's own health check of the stage's provider. */
  stageUp: 'voice_agent_stage_up',
  /** Counter, label `outcome` = success | failure: LiveKit room joins. */
  livekitConnects: 'voice_agent_livekit_connect_attempts_total',
  /** Gauge: rooms open on the LiveKit server (LiveKit's own name). */
  livekitRooms: 'livekit_room_total',
  /** Histogram, seconds: one per database query. */
  dbQueryDuration: 'voice_agent_db_query_duration_seconds',
  /** Gauge: pool connections in use. */
  dbPoolInUse: 'voice_agent_db_pool_connections_in_use',
  /** Gauge: the pool's size. */
  dbPoolSize: 'voice_agent_db_pool_connections_max',
  /** Counter: conversation saves that failed. */
  dbSaveFailures: 'voice_agent_db_save_failures_total',
  /** Gauge, label `provider` = openai | groq: quota used in the provider's current window. */
  quotaUsed: 'voice_agent_provider_quota_used',
  /** Gauge, label `provider`: the provider's quota for that window. */
  quotaLimit: 'voice_agent_provider_quota_limit',
  /** node_exporter: counter per `cpu` and `mode`. */
  nodeCpu: 'node_cpu_seconds_total',
  nodeMemAvailable: 'node_memory_MemAvailable_bytes',
  nodeMemTotal: 'node_memory_MemTotal_bytes',
} as const

/**
 * Histogram bucket bounds (seconds), the ones a voice agent's SDK ships with, plus
 * 0.2/0.3/0.4 s and 30 s: histogram_quantile interpolates linearly inside a bucket, so
 * a P50 and a P95 about 2× apart need buckets finer than 2× to both read back
 * exactly (the exporter relies on it), and an LLM timeout's tail passes 20 s.
 */
export const STAGE_BUCKETS_S = [0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8, 13, 20, 30] as const
/** A hanging query (database connection lost) reaches 5 s and more: 10 s keeps it readable. */
export const DB_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const

export type StageLabel = Service
export type ProviderLabel = Provider
