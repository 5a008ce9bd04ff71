/**
 * Scenario history: which scenario governs each moment. A config holds epochs
 * sorted by time; the value at time t follows the last epoch that began at or before
 * t, and before the first epoch the world is healthy.
 */
import type { ScenarioName } from '@/domain/catalog'

export interface SimEpoch {
  scenario: ScenarioName
  fromMs: number
}

export interface SimConfig {
  seed: number
  epochs: readonly SimEpoch[]
}

const MINUTE = 60_000

/**
 * How far before "now" a scenario begins when it is switched on, so its history and
 * the alert rules' `for:` durations already show (an outage is 20 minutes old; a slow
 * degradation has been creeping for three hours).
 */
export const SCENARIO_LEAD_MS: Record<ScenarioName, number> = {
  healthy: 0,
  'agent-down': 20 * MINUTE,
  'openai-outage': 20 * MINUTE,
  'llm-timeout': 20 * MINUTE,
  'livekit-outage': 20 * MINUTE,
  'db-connection-lost': 20 * MINUTE,
  'rate-limiting': 20 * MINUTE,
  'slow-degradation': 180 * MINUTE,
}

/** The scenario history sorted by start time, stable for equal starts (later entries win). */
export function sortedEpochs(epochs: readonly SimEpoch[]): readonly SimEpoch[] {
  for (let k = 1; k < epochs.length; k++) {
    const prev = epochs[k - 1]
    const cur = epochs[k]
    if (prev !== undefined && cur !== undefined && cur.fromMs < prev.fromMs) {
      return [...epochs].sort((a, b) => a.fromMs - b.fromMs)
    }
  }
  return epochs
}

/**
 * The scenario in force at `tMs` and when its epoch began. Before the first epoch the
 * world has been healthy since the Unix epoch (sinceMs 0).
 */
export function scenarioAt(config: SimConfig, tMs: number): { scenario: ScenarioName; sinceMs: number } {
  const epochs = sortedEpochs(config.epochs)
  let found: SimEpoch | undefined
  for (const epoch of epochs) {
    if (epoch.fromMs > tMs) break
    found = epoch
  }
  return found === undefined ? { scenario: 'healthy', sinceMs: 0 } : { scenario: found.scenario, sinceMs: found.fromMs }
}

/** One stretch of time governed by one epoch: [startMs, endMs). */
export interface Segment {
  readonly scenario: ScenarioName
  /** When the epoch began: perturbations ramp from here. */
  readonly onsetMs: number
  readonly startMs: number
  readonly endMs: number
}

/** The segments that overlap [fromMs, toMs], in time order; healthy where no epoch governs. */
export function segmentsIn(config: SimConfig, fromMs: number, toMs: number): Segment[] {
  const epochs = sortedEpochs(config.epochs)
  const segments: Segment[] = []
  const first = epochs[0]
  if (first === undefined || first.fromMs > fromMs) {
    segments.push({ scenario: 'healthy', onsetMs: 0, startMs: -Infinity, endMs: first?.fromMs ?? Infinity })
  }
  epochs.forEach((epoch, k) => {
    segments.push({
      scenario: epoch.scenario,
      onsetMs: epoch.fromMs,
      startMs: epoch.fromMs,
      endMs: epochs[k + 1]?.fromMs ?? Infinity,
    })
  })
  return segments.filter((s) => s.endMs > fromMs && s.startMs <= toMs && s.endMs > s.startMs)
}
