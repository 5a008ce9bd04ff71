/**
 * VIGIL_METRICS=prometheus: charts, alert states, health and error groups read from
 * the team's Prometheus. Nothing is simulated, so POST /api/simulator is off
 * (`simulator: null`). Rule states and instant readings are shared for 2 s between
 * requests (shared-reads.ts); nothing else is kept, and failures never are, which is what
 * lets a restarted Prometheus bring the panels back without a reload.
 */
import type { PrometheusSettings } from '../../settings'
import { NO_LOG_SOURCE } from '../log-file/with-log-source'
import type { TelemetrySource } from '../source'
import { prometheusAlerts } from './alerts'
import { createPrometheusClient, type PrometheusClient } from './client'
import { prometheusErrorGroups } from './error-groups'
import { prometheusHealth } from './health'
import { prometheusAlertHistory } from './history'
import { prometheusMetrics } from './metrics'
import { withSharedReads } from './shared-reads'

export interface PrometheusSourceOptions {
  settings: Omit<PrometheusSettings, 'kind'>
  /** A client other than the HTTP one (tests). */
  client?: PrometheusClient
  now?: () => number
}

export function createPrometheusSource(options: PrometheusSourceOptions): TelemetrySource {
  const { settings } = options
  const client = withSharedReads(
    options.client ?? createPrometheusClient({ url: settings.url, timeoutMs: settings.timeoutMs }),
    options.now ?? Date.now,
  )
  const metricsOptions = { client, queries: settings.queries, rateWindow: settings.rateWindow }
  return {
    kind: 'prometheus',
    simulator: null,
    metrics: (query, nowMs) => prometheusMetrics(metricsOptions, query, nowMs),
    alerts: (nowMs) => prometheusAlerts(client, nowMs),
    alertHistory: (range, nowMs) => prometheusAlertHistory(client, range, nowMs),
    health: (nowMs) => prometheusHealth(client, nowMs),
    errors: (range, nowMs) => prometheusErrorGroups(client, range, nowMs, settings.rateWindow),
    // Prometheus holds no logs; the app puts the VIGIL_LOG_FILE follower in front (withLogSource).
    logs: () => Promise.resolve({ lines: [], source: NO_LOG_SOURCE }),
    // Nothing is kept between requests, so there is nothing to forget.
    invalidate() {},
    close: () => Promise.resolve(),
  }
}
