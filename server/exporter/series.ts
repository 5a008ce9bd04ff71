/**
 * Every series the exporter serves, and how one tick of the simulator sets them: for a
 * counter its rate per second during the tick, for a gauge its value. NaN means the
 * series is left out of that tick (the simulator has no data for it).
 *
 * The figures are chosen so the default PromQL (default-queries.ts) gives back the
 * simulator's sample exactly: ratios of counters whose rates are the sample's share,
 * histograms shaped by histogramShape, gauges whose ratio is the sample. Totals that
 * the catalog does not fix (pool size, quota limits, host memory, how many LiveKit
 * joins or database queries a tick has) are plausible constants.
 */
import { DB_BUCKETS_S, JOBS, METRIC_NAMES as M, STAGE_BUCKETS_S } from '@/backend/prometheus/instrumentation'
import { ERROR_TYPES, EVERYDAY, EXCESS } from '@/backend/simulator/errors'
import { PROVIDERS, SERVICES, type MetricId, type Service } from '@/domain/catalog'
import { histogramShape } from './histogram-shape'
import type { TickWindow } from './ticks'

/** The scrape targets: the agent, node_exporter beside it, LiveKit and PostgreSQL's exporter. */
export type TargetId = 'agent' | 'node' | 'livekit' | 'postgres'

/**
 * node_exporter gets a path and job of its own: the host outlives the agent process,
 * and the simulator keeps host metrics while the agent is down.
 */
export const TARGETS: Record<TargetId, { path: string; job: string }> = {
  agent: { path: '/metrics', job: JOBS.agent },
  node: { path: '/node/metrics', job: 'node' },
  livekit: { path: '/livekit/metrics', job: JOBS.livekit },
  postgres: { path: '/postgres/metrics', job: JOBS.database },
}
export const TARGET_IDS = Object.keys(TARGETS) as TargetId[]

/** The simulator metric whose 0 takes a target down (its path answers 503, so Prometheus' `up` is 0). */
const UP_METRIC: Partial<Record<TargetId, MetricId>> = { agent: 'agent.up', livekit: 'livekit.up', postgres: 'db.up' }

export function targetUp(w: TickWindow, j: number, target: TargetId): boolean {
  const metric = UP_METRIC[target]
  return metric === undefined || w.value(metric, j) !== 0
}

export interface Family {
  readonly name: string
  readonly type: 'counter' | 'gauge' | 'histogram'
  readonly help: string
  readonly target: TargetId
  /** Indices into SERIES. */
  readonly series: number[]
}

export interface Series {
  /** `name{labels}` as written in both exposition formats. */
  readonly sample: string
  readonly counter: boolean
  readonly target: TargetId
}

export const FAMILIES: Family[] = []
export const SERIES: Series[] = []
const fillers: ((w: TickWindow, j: number, out: Float64Array) => void)[] = []

const POOL_SIZE = 20
const QUOTA_LIMIT: Record<(typeof PROVIDERS)[number], number> = { openai: 10_000, groq: 6_000 }
const MEMORY_BYTES = 8 * 1024 ** 3
const CPUS = ['0', '1']
/** Database queries per LLM call (the context read and the conversation save). */
const QUERIES_PER_TURN = 3
/** LiveKit room joins per second per open room, plus one room's worth so a quiet server still has some. */
const JOINS_PER_ROOM_S = 1 / 30

function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  return parts.length === 0 ? '' : `{${parts.join(',')}}`
}

function family(target: TargetId, type: Family['type'], name: string, help: string, samples: [string, Record<string, string>][]): number[] {
  const series = samples.map(([sampleName, labels]) => {
    SERIES.push({ sample: `${sampleName}${labelText(labels)}`, counter: type !== 'gauge', target })
    return SERIES.length - 1
  })
  FAMILIES.push({ name, type, help, target, series })
  return series
}

function gauge(target: TargetId, name: string, help: string, labels: Record<string, string>, value: (w: TickWindow, j: number) => number): void {
  const [k = -1] = family(target, 'gauge', name, help, [[name, labels]])
  fillers.push((w, j, out) => (out[k] = value(w, j)))
}

/** A histogram with these bounds whose per-tick quantiles and observation rate come from the simulator. */
function histogram(
  name: string,
  help: string,
  bounds: readonly number[],
  labels: Record<string, string>,
  tick: (w: TickWindow, j: number) => { p50?: number; p95: number; perSecond: number },
): void {
  const les = [...bounds.map(String), '+Inf']
  const idx = family('agent', 'histogram', name, help, [
    ...les.map((le): [string, Record<string, string>] => [`${name}_bucket`, { ...labels, le }]),
    [`${name}_sum`, labels],
    [`${name}_count`, labels],
  ])
  fillers.push((w, j, out) => {
    const { p50, p95, perSecond } = tick(w, j)
    const missing = Number.isNaN(p95) || Number.isNaN(perSecond) || (p50 !== undefined && Number.isNaN(p50))
    const shares = missing ? null : histogramShape(bounds, p95, p50).shares
    let mean = 0
    let below = 0
    bounds.forEach((b, k) => {
      const share = shares?.[k] ?? NaN
      mean += (share - below) * (b + (bounds[k - 1] ?? 0)) * 0.5
      below = share
      out[idx[k] ?? -1] = perSecond * share
    })
    // The +Inf bucket's observations are counted at the top bound: the mean only feeds `_sum`.
    mean += (1 - below) * (bounds[bounds.length - 1] ?? 0)
    const rest = idx.slice(bounds.length)
    out[rest[0] ?? -1] = shares === null ? NaN : perSecond
    out[rest[1] ?? -1] = shares === null ? NaN : perSecond * mean
    out[rest[2] ?? -1] = shares === null ? NaN : perSecond
  })
}

function stage(s: Service): void {
  const v = (w: TickWindow, j: number, m: string) => w.value(m as MetricId, j)
  histogram(M.stageDuration, 'Provider call duration per pipeline stage.', STAGE_BUCKETS_S, { stage: s }, (w, j) => ({
    p50: v(w, j, `${s}.latency.p50`) / 1000,
    p95: v(w, j, `${s}.latency.p95`) / 1000,
    perSecond: v(w, j, `${s}.requests`),
  }))
  const types = ERROR_TYPES[s] as readonly string[]
  const everyday = EVERYDAY[s] as Record<string, number | undefined>
  const requests = family('agent', 'counter', M.stageRequests, 'Provider calls by stage, outcome and error type.', [
    [M.stageRequests, { stage: s, outcome: 'success', error_type: '' }],
    ...types.map((t): [string, Record<string, string>] => [M.stageRequests, { stage: s, outcome: 'error', error_type: t }]),
  ])
  fillers.push((w, j, out) => {
    const calls = v(w, j, `${s}.requests`)
    const errorRate = v(w, j, `${s}.error_rate`)
    const usualRate = w.usualErrorRate(s, j)
    // As errors.ts tallies them: the healthy share keeps its everyday mix, the excess takes the scenario's.
    const usual = Math.min(errorRate, Number.isNaN(usualRate) ? 0 : usualRate)
    const excess = errorRate - usual
    const mix = EXCESS[w.scenario(j)][s] as Record<string, number | undefined>
    out[requests[0] ?? -1] = calls * (1 - errorRate)
    types.forEach((t, k) => (out[requests[k + 1] ?? -1] = calls * (usual * (everyday[t] ?? 0) + excess * (mix[t] ?? 0))))
  })
  const [retries = -1] = family('agent', 'counter', M.stageRetries, 'Provider calls repeated after a failed attempt.', [[M.stageRetries, { stage: s }]])
  fillers.push((w, j, out) => (out[retries] = v(w, j, `${s}.requests`) * v(w, j, `${s}.retry_rate`)))
  gauge('agent', M.stageUp, "The agent's health check of the stage's provider (1 up, 0 down).", { stage: s }, (w, j) => v(w, j, `${s}.up`))
}

for (const s of SERVICES) stage(s)

histogram(M.turnDuration, 'Caller stops speaking → agent starts speaking.', STAGE_BUCKETS_S, {}, (w, j) => ({
  p50: w.value('turn.latency.p50', j) / 1000,
  p95: w.value('turn.latency.p95', j) / 1000,
  // A turn starts with one transcription.
  perSecond: w.value('stt.requests', j),
}))

const joins = family('agent', 'counter', M.livekitConnects, 'LiveKit room joins by outcome.', [
  [M.livekitConnects, { outcome: 'success' }],
  [M.livekitConnects, { outcome: 'failure' }],
])
fillers.push((w, j, out) => {
  const rooms = w.value('livekit.rooms', j)
  const attempts = (1 + (Number.isNaN(rooms) ? 0 : rooms)) * JOINS_PER_ROOM_S
  const success = w.value('livekit.connect_success', j)
  out[joins[0] ?? -1] = attempts * success
  out[joins[1] ?? -1] = attempts * (1 - success)
})

histogram(M.dbQueryDuration, 'Database query duration.', DB_BUCKETS_S, {}, (w, j) => ({
  p95: w.value('db.latency', j) / 1000,
  perSecond: QUERIES_PER_TURN * w.value('llm.requests', j),
}))
gauge('agent', M.dbPoolInUse, 'Pool connections in use.', {}, (w, j) => w.value('db.pool_use', j) * POOL_SIZE)
gauge('agent', M.dbPoolSize, "The pool's size.", {}, () => POOL_SIZE)
const [saveFailures = -1] = family('agent', 'counter', M.dbSaveFailures, 'Conversation saves that failed.', [[M.dbSaveFailures, {}]])
// The catalog counts failures per minute.
fillers.push((w, j, out) => (out[saveFailures] = w.value('db.save_failures', j) / 60))

for (const p of PROVIDERS) {
  gauge('agent', M.quotaUsed, "Quota used in the provider's current window.", { provider: p }, (w, j) => w.value(`quota.${p}`, j) * QUOTA_LIMIT[p])
  gauge('agent', M.quotaLimit, "The provider's quota for that window.", { provider: p }, () => QUOTA_LIMIT[p])
}

const cpuModes: [string, number][] = [
  ['idle', -1],
  ['user', 0.7],
  ['system', 0.3],
]
const cpu = family(
  'node',
  'counter',
  M.nodeCpu,
  'Seconds the CPUs spent in each mode.',
  CPUS.flatMap((c) => cpuModes.map(([mode]): [string, Record<string, string>] => [M.nodeCpu, { cpu: c, mode }])),
)
fillers.push((w, j, out) => {
  const busy = w.value('host.cpu', j)
  let k = 0
  for (let c = 0; c < CPUS.length; c++) {
    for (const [, share] of cpuModes) out[cpu[k++] ?? -1] = share < 0 ? 1 - busy : busy * share
  }
})
gauge('node', M.nodeMemTotal, 'Memory installed.', {}, () => MEMORY_BYTES)
gauge('node', M.nodeMemAvailable, 'Memory available to start new work.', {}, (w, j) => (1 - w.value('host.memory', j)) * MEMORY_BYTES)

gauge('livekit', M.livekitRooms, 'Rooms open on the LiveKit server.', {}, (w, j) => w.value('livekit.rooms', j))
// postgres_exporter's own name; Vigil reads `up{job="postgres"}`, whether the exporter answered.
gauge('postgres', 'pg_up', 'Whether the last query to PostgreSQL succeeded.', {}, () => 1)

/** Writes every series' figure for tick i0 + j of the window into out (length SERIES.length). */
export function fillTick(w: TickWindow, j: number, out: Float64Array): void {
  for (const fill of fillers) fill(w, j, out)
}
