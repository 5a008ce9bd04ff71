/**
 * The tail of the voice agent's log. One possible line per second of time; whether
 * it exists and what it says is a hash of (seed, second), read against the scenario
 * in force at that second, so the tail is the same on every call and a line never
 * changes once written (unless the scenario history itself is rewritten).
 */
import type { LogLine } from '@/api/schemas'
import { SCENARIOS } from '@/domain/catalog'
import { LOG_RATE, LOG_TEMPLATES, type LogTemplate } from './log-templates'
import { mix32, streamKey, unitAt } from './noise'
import { segmentsIn, type Segment, type SimConfig } from './scenarios'

const SLOT_MS = 1000
/** How far back the tail looks for lines: a day is more than any tail needs. */
const LOOKBACK_SLOTS = 24 * 3600
/** Scenario symptoms reach the log within a minute; the slow degradation over three hours. */
const LOG_RAMP_MS = 60_000
const SLOW_LOG_RAMP_MS = 3 * 3600_000
// Noise streams above those of metrics and gaps.
const LOG_STREAM = 2000

/**
 * The `limit` most recent lines at or before `nowMs`, newest first. Ids are stable:
 * the same line has the same id on every call.
 */
export function recentLogs(config: SimConfig, nowMs: number, options: { limit: number }): LogLine[] {
  const limit = Math.max(0, Math.floor(options.limit))
  const lines: LogLine[] = []
  if (limit === 0 || !Number.isFinite(nowMs)) return lines
  const presence = streamKey(config.seed, LOG_STREAM)
  const choice = streamKey(config.seed, LOG_STREAM + 1)
  const content = streamKey(config.seed, LOG_STREAM + 2)
  const newest = Math.floor(nowMs / SLOT_MS)
  const oldest = newest - LOOKBACK_SLOTS
  const segments = segmentsIn(config, oldest * SLOT_MS, nowMs)
  let s = segments.length - 1
  for (let slot = newest; slot > oldest && lines.length < limit; slot--) {
    const t = slot * SLOT_MS
    while (s > 0 && (segments[s]?.startMs ?? -Infinity) > t) s--
    const segment = segments[s]
    if (segment === undefined) break
    const incident = incidentShare(segment, t)
    const rate = LOG_RATE.healthy + (LOG_RATE.incident - LOG_RATE.healthy) * incident
    if (unitAt(presence, slot) >= rate) continue
    const h = mix32(content ^ Math.imul(slot, 0x9e3779b1)) >>> 0
    const at = t + (h % SLOT_MS)
    if (at > nowMs) continue
    const templates = unitAt(choice, slot) < incident ? LOG_TEMPLATES[segment.scenario] : LOG_TEMPLATES.healthy
    const template = pick(templates, unitAt(choice ^ 0x3c6ef372, slot))
    lines.push({
      id: `log-${slot.toString(36)}-${epochTag(config.seed, segment)}`,
      at: new Date(at).toISOString(),
      service: template.service,
      level: template.level,
      message: template.text(h),
      errorType: template.errorType,
    })
  }
  return lines
}

/** How much of the log the scenario owns at `t`: 0 when healthy, ramping to 1 after onset. */
function incidentShare(segment: Segment, t: number): number {
  if (segment.scenario === 'healthy') return 0
  const ramp = segment.scenario === 'slow-degradation' ? SLOW_LOG_RAMP_MS : LOG_RAMP_MS
  return Math.min(1, Math.max(0, (t - segment.onsetMs) / ramp))
}

function pick(templates: readonly LogTemplate[], u: number): LogTemplate {
  let total = 0
  for (const tpl of templates) total += tpl.weight
  let x = u * total
  for (const tpl of templates) {
    x -= tpl.weight
    if (x < 0) return tpl
  }
  const last = templates[templates.length - 1]
  if (last === undefined) throw new Error('a scenario has no log templates')
  return last
}

/** Ties an id to the epoch that wrote the line, so a rewritten history gets new ids. */
function epochTag(seed: number, segment: Segment): string {
  const scenario = SCENARIOS.indexOf(segment.scenario)
  const onset = segment.onsetMs
  const key = streamKey(seed, LOG_STREAM + 3 + scenario)
  return (mix32(key ^ mix32(onset | 0) ^ mix32(Math.floor(onset / 4294967296))) >>> 0).toString(36)
}
