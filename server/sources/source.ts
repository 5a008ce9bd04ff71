/**
 * Where metrics, alert states, health, logs and error groups come from. The routes speak
 * the contract; a source only answers typed questions. The simulator is the default
 * source; Prometheus (VIGIL_METRICS=prometheus) implements the same interface.
 */
import type {
  AlertHistoryResponse,
  AlertsResponse,
  ErrorGroupsResponse,
  HealthResponse,
  MetricsResponse,
  SimulatorControl,
  SimulatorState,
  logsResponse,
} from '@/api/schemas'
import type * as z from 'zod/mini'
import type { LogsQuery, MetricsQuery, Parsed, TimeRange } from '@/backend/telemetry/params'
import type { Faults } from '@/api/schemas'

export type LogsResponse = z.infer<typeof logsResponse>

/** A source's failure, said so a panel can show it: 400 for a question it refuses, 502/503/504 when its upstream failed. */
export class SourceError extends Error {
  override readonly name = 'SourceError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export interface TelemetrySource {
  readonly kind: 'simulator' | 'prometheus'
  metrics(query: MetricsQuery, nowMs: number): Promise<Parsed<MetricsResponse>>
  alerts(nowMs: number): Promise<AlertsResponse>
  alertHistory(range: TimeRange, nowMs: number): Promise<AlertHistoryResponse>
  health(nowMs: number): Promise<HealthResponse>
  logs(query: LogsQuery, nowMs: number): Promise<LogsResponse>
  errors(range: TimeRange, nowMs: number): Promise<ErrorGroupsResponse>
  /** Present only where the world is simulated: POST /api/simulator steers it. */
  readonly simulator: SimulatorControls | null
  /** Forgets anything cached: the world may have changed through another process. */
  invalidate(): void
  close(): Promise<void>
}

export interface SimulatorControls {
  state(nowMs: number): Promise<SimulatorState>
  control(control: SimulatorControl, nowMs: number): Promise<SimulatorState>
  /** Counts one API call against injected faults; the fault to answer with, or null. */
  takeFault(): Promise<Faults | null>
}
