/**
 * The PromQL Vigil runs for each metric id of the catalog, over the names in
 * instrumentation.ts. `$window` is the rate window (VIGIL_PROMETHEUS_RATE_WINDOW, at
 * least four scrape intervals); a team overrides any query from a queries file.
 *
 * Units follow the catalog: latencies in milliseconds, ratios 0..1, rates per second.
 */
import { PROVIDERS, SERVICES, type MetricId } from '@/domain/catalog'
import { JOBS, METRIC_NAMES as M } from './instrumentation'

export const WINDOW_PLACEHOLDER = '$window'
const W = WINDOW_PLACEHOLDER

const quantileMs = (q: number, histogram: string, selector: string) =>
  `histogram_quantile(${q}, sum by (le) (rate(${histogram}_bucket${selector}[${W}]))) * 1000`

/** A ratio of rates whose numerator may not exist yet (no error since start): 0, not "no data". */
const rateRatio = (numerator: string, denominator: string) =>
  `(sum(rate(${numerator}[${W}])) or vector(0)) / sum(rate(${denominator}[${W}]))`

function stageQueries(stage: (typeof SERVICES)[number]): Partial<Record<MetricId, string>> {
  const sel = `{stage="${stage}"}`
  return {
    [`${stage}.latency.p50`]: quantileMs(0.5, M.stageDuration, sel),
    [`${stage}.latency.p95`]: quantileMs(0.95, M.stageDuration, sel),
    [`${stage}.requests`]: `sum(rate(${M.stageRequests}${sel}[${W}]))`,
    [`${stage}.error_rate`]: rateRatio(`${M.stageRequests}{stage="${stage}",outcome="error"}`, `${M.stageRequests}${sel}`),
    [`${stage}.retry_rate`]: rateRatio(`${M.stageRetries}${sel}`, `${M.stageRequests}${sel}`),
    [`${stage}.up`]: `min(${M.stageUp}${sel})`,
  }
}

function quotaQueries(): Partial<Record<MetricId, string>> {
  return Object.fromEntries(
    PROVIDERS.map((p) => [
      `quota.${p}`,
      `sum(${M.quotaUsed}{provider="${p}"}) / sum(${M.quotaLimit}{provider="${p}"})`,
    ]),
  )
}

export const DEFAULT_QUERIES = {
  ...stageQueries('stt'),
  ...stageQueries('llm'),
  ...stageQueries('tts'),
  'turn.latency.p50': quantileMs(0.5, M.turnDuration, ''),
  'turn.latency.p95': quantileMs(0.95, M.turnDuration, ''),
  'livekit.up': `min(up{job="${JOBS.livekit}"})`,
  'livekit.connect_success': rateRatio(`${M.livekitConnects}{outcome="success"}`, M.livekitConnects),
  'livekit.rooms': `sum(${M.livekitRooms})`,
  'db.up': `min(up{job="${JOBS.database}"})`,
  'db.latency': quantileMs(0.95, M.dbQueryDuration, ''),
  'db.pool_use': `sum(${M.dbPoolInUse}) / sum(${M.dbPoolSize})`,
  // Per minute, whatever the rate window, so the figure means the same on every setup.
  'db.save_failures': `sum(rate(${M.dbSaveFailures}[${W}])) * 60`,
  ...quotaQueries(),
  'host.cpu': `1 - avg(rate(${M.nodeCpu}{mode="idle"}[${W}]))`,
  'host.memory': `1 - sum(${M.nodeMemAvailable}) / sum(${M.nodeMemTotal})`,
  // min: with several agent instances, any one that stops answering takes the tile down.
  'agent.up': `min(up{job="${JOBS.agent}"})`,
} as Record<MetricId, string>

/** A query with its rate window filled in: "1m", "10s". */
export function withWindow(query: string, window: string): string {
  return query.replaceAll(WINDOW_PLACEHOLDER, window)
}
