/**
 * Which log lines a server serves, whatever its metrics come from:
 * - VIGIL_LOG_FILE set: the file's lines, with the simulator and with Prometheus alike;
 * - no file and the simulator: the simulator's lines (they belong to its simulated world);
 * - no file and Prometheus: no lines, and the answer says no log source is configured.
 *   Simulated lines next to real charts would be read as real during an incident.
 * Every answer names its source, so the panel can say where its lines come from.
 */
import type { LogSource } from '@/api/schemas'
import type { LogsResponse, TelemetrySource } from '../source'
import type { LogFileSource } from './log-file-source'

export const NO_LOG_SOURCE: LogSource = { kind: 'none', detail: 'No log source configured: set VIGIL_LOG_FILE' }

export function withLogSource(source: TelemetrySource, file: LogFileSource | null): TelemetrySource {
  const logs: TelemetrySource['logs'] =
    file !== null
      ? (query, nowMs) => file.logs(query, nowMs)
      : source.kind === 'simulator'
        ? async (query, nowMs): Promise<LogsResponse> => ({ ...(await source.logs(query, nowMs)), source: { kind: 'simulator' } })
        : () => Promise.resolve({ lines: [], source: NO_LOG_SOURCE })
  // Delegated one by one, not spread: a source may keep its methods on a prototype.
  return {
    kind: source.kind,
    simulator: source.simulator,
    metrics: (query, nowMs) => source.metrics(query, nowMs),
    alerts: (nowMs) => source.alerts(nowMs),
    alertHistory: (range, nowMs) => source.alertHistory(range, nowMs),
    health: (nowMs) => source.health(nowMs),
    errors: (range, nowMs) => source.errors(range, nowMs),
    logs,
    invalidate: () => {
      source.invalidate()
    },
    async close() {
      await Promise.all([source.close(), file?.close()])
    },
  }
}
